-- Forgets a dead-lettered message, so that a replay of it starts a fresh count.
-- KEYS: the message's hash, the schedule.
-- ARGV: id.
-- Only a message whose state is gone or dead-lettered: the same message may be failing again right now
-- (the same value, group and topic), and its active retry must not be wiped. Returns 1 if forgotten,
-- 0 if an active retry was left alone.
local hash_key, due_key = KEYS[1], KEYS[2]
local id = ARGV[1]

local state = redis.call('HGET', hash_key, 'state')
if state and state ~= 'dead-lettered' then
  return 0
end
redis.call('DEL', hash_key)
redis.call('ZREM', due_key, id)
return 1
