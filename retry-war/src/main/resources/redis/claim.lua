-- Claims the retries of the ids given that are due (or whose lease ran out), for one instance.
-- KEYS: the schedule, then the hash of each id, in the order of the ids.
-- ARGV: lease (ms), owner, then the ids.
-- Due is judged by Redis's clock (TIME), never an instance's: no skew makes a retry early.
-- A claimed entry's score moves to the lease's end, so if its instance dies it is due again for another
-- one. The first claim of an attempt is remembered (attemptClaimedAt): a later claim of the same attempt gets
-- its time, since a send of the earlier claim may have landed unrecorded. Answers per id: claimed (with record,
-- attempts, ms past its due time, reply-to, topic, key, and the first claim's time in ms or ''), not-due
-- (with ms until due), done (off the schedule, state kept) or lost (Redis no longer has its state).
local due_key = KEYS[1]
local lease, owner = tonumber(ARGV[1]), ARGV[2]
local first_id = 3
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local out = {}
for i = first_id, #ARGV do
  local id = ARGV[i]
  local hash_key = KEYS[i - first_id + 2]
  local due = redis.call('ZSCORE', due_key, id)
  if not due then
    table.insert(out, {id, redis.call('EXISTS', hash_key) == 1 and 'done' or 'lost'})
  elseif redis.call('EXISTS', hash_key) == 0 then
    redis.call('ZREM', due_key, id)
    table.insert(out, {id, 'lost'})
  elseif tonumber(due) > now then
    table.insert(out, {id, 'not-due', tonumber(due) - now})
  else
    redis.call('ZADD', due_key, now + lease, id)
    redis.call('HSET', hash_key, 'state', 'claimed', 'claimedBy', owner, 'leaseUntil', now + lease)
    local f = redis.call('HMGET', hash_key, 'record', 'attempts', 'dueAt', 'replyTo', 'topic', 'key', 'attemptClaimedAt')
    if not f[7] then
      redis.call('HSET', hash_key, 'attemptClaimedAt', now)
    end
    table.insert(out, {id, 'claimed', f[1], f[2], now - tonumber(f[3] or due), f[4], f[5], f[6] or '', f[7] and tonumber(f[7]) or ''})
  end
end
return out
