-- Claims a dead letter's replay mark for one instance.
-- KEYS: the hash of replay marks.
-- ARGV: the letter's mark, owner, lease (ms).
-- A mark is the time of the replay once it was sent, or 'sending <owner> <lease end ms> <start ms>' while a
-- replay holds it; a replay whose lease ran out was interrupted, and its start is kept for the one that takes
-- over, which looks for its copy on the topic from there. Now is Redis's clock (TIME).
-- Returns {'claimed'}, {'replayed', at}, {'busy', ms left} or {'taken-over', start ms}.
local marks_key = KEYS[1]
local mark, owner, lease = ARGV[1], ARGV[2], tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local value = redis.call('HGET', marks_key, mark)
if not value then
  redis.call('HSET', marks_key, mark, string.format('sending %s %d %d', owner, now + lease, now))
  return {'claimed'}
end
local holder, lease_end, started = string.match(value, '^sending (%S+) (%d+) (%d+)$')
if not holder then
  return {'replayed', value}
end
if tonumber(lease_end) > now then
  return {'busy', tonumber(lease_end) - now}
end
redis.call('HSET', marks_key, mark, string.format('sending %s %d %s', owner, now + lease, started))
return {'taken-over', tonumber(started)}
