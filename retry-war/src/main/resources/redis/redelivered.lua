-- Settles a claim once its redelivery was sent.
-- KEYS: the message's hash, the schedule, the stats hash.
-- ARGV: id, attempts of the claim that was sent, the instance that holds the claim.
-- Only the claim of that attempt, held by that instance, is settled: the consumer may have failed on the
-- redelivery already, and its next retry (one attempt more) must stay on the schedule; and a send that
-- outlived its lease must not settle the claim another instance took over (that one sends, and settles).
-- Returns 1 if settled, 0 if the claim had changed.
local hash_key, due_key, stats_key = KEYS[1], KEYS[2], KEYS[3]
local id, attempts, owner = ARGV[1], ARGV[2], ARGV[3]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('HINCRBY', stats_key, 'redelivered', 1)
local state, stored_attempts, claimed_by = unpack(redis.call('HMGET', hash_key, 'state', 'attempts', 'claimedBy'))
if state ~= 'claimed' or stored_attempts ~= attempts or claimed_by ~= owner then
  return 0
end
redis.call('ZREM', due_key, id)
redis.call('HSET', hash_key, 'state', 'redelivered', 'redeliveredAt', now)
return 1
