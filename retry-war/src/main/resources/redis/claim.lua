-- Claims the retries of the ids given that are due (or whose lease ran out), for one instance.
-- KEYS: the schedule, then the hash of each id, in the order of the ids.
-- ARGV: now (ms), lease until (ms), owner, then the ids.
-- A claimed entry's score moves to the lease's end, so if its instance dies it is due again for another
-- one. Answers per id: claimed (with record, attempts, due at, reply-to, topic), not-due (with its score),
-- done (off the schedule, state kept) or lost (Redis no longer has its state).
local due_key = KEYS[1]
local now, lease_until, owner = ARGV[1], ARGV[2], ARGV[3]
local first_id = 4

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
  elseif tonumber(due) > tonumber(now) then
    table.insert(out, {id, 'not-due', due})
  else
    redis.call('ZADD', due_key, lease_until, id)
    redis.call('HSET', hash_key, 'state', 'claimed', 'claimedBy', owner, 'leaseUntil', lease_until)
    local f = redis.call('HMGET', hash_key, 'record', 'attempts', 'dueAt', 'replyTo', 'topic')
    table.insert(out, {id, 'claimed', f[1], f[2], f[3], f[4], f[5]})
  end
end
return out
