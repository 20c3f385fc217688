-- Settles a claim once its redelivery was sent.
-- KEYS: the message's hash, the schedule, the stats hash.
-- ARGV: now (ms), id, attempts of the claim that was sent.
-- Only the claim of that attempt is settled: the consumer may have failed on the redelivery already, and
-- its next retry (one attempt more) must stay on the schedule.
local hash_key, due_key, stats_key = KEYS[1], KEYS[2], KEYS[3]
local now, id, attempts = ARGV[1], ARGV[2], ARGV[3]

redis.call('HINCRBY', stats_key, 'redelivered', 1)
if redis.call('HGET', hash_key, 'state') == 'claimed' and redis.call('HGET', hash_key, 'attempts') == attempts then
  redis.call('ZREM', due_key, id)
  redis.call('HSET', hash_key, 'state', 'redelivered', 'redeliveredAt', now)
end
