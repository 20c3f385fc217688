-- Puts a claim whose redelivery could not be sent back on the schedule.
-- KEYS: the message's hash, the schedule.
-- ARGV: id, retry at (ms), attempts of the claim.
-- Only the claim of that attempt: a newer failure of the message has its own schedule. Returns 1 if
-- released, 0 if that claim is gone.
local hash_key, due_key = KEYS[1], KEYS[2]
local id, retry_at, attempts = ARGV[1], ARGV[2], ARGV[3]

if redis.call('HGET', hash_key, 'state') ~= 'claimed' or redis.call('HGET', hash_key, 'attempts') ~= attempts then
  return 0
end
redis.call('ZADD', due_key, retry_at, id)
redis.call('HSET', hash_key, 'state', 'scheduled')
return 1
