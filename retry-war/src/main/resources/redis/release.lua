-- Puts a claim that was not redelivered back on the schedule.
-- KEYS: the message's hash, the schedule.
-- ARGV: id, delay (ms), attempts of the claim, the instance that holds the claim, state TTL (s).
-- Only the claim of that attempt, held by that instance: a newer failure of the message has its own
-- schedule, and a send that failed after its lease ran out must not take back the claim another instance
-- took over (that would let a third send start). The state's TTL starts again: a message whose reply topic
-- stays unreachable must not expire before it is dead-lettered. Returns 1 if released, 0 if that claim is gone.
local hash_key, due_key = KEYS[1], KEYS[2]
local id, delay, attempts, owner, ttl_seconds = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state, stored_attempts, claimed_by = unpack(redis.call('HMGET', hash_key, 'state', 'attempts', 'claimedBy'))
if state ~= 'claimed' or stored_attempts ~= attempts or claimed_by ~= owner then
  return 0
end
redis.call('ZADD', due_key, now + tonumber(delay), id)
redis.call('HSET', hash_key, 'state', 'scheduled', 'dueAt', now + tonumber(delay))
redis.call('HDEL', hash_key, 'claimedBy')
redis.call('EXPIRE', hash_key, ttl_seconds)
return 1
