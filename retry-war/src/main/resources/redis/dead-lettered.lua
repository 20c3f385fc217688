-- Records that a message went to the dead-letter queue.
-- KEYS: the message's hash, the schedule, the stats hash.
-- ARGV: id, reason, state TTL (s).
-- Terminal: off the schedule and without its record, but the state is kept (until its TTL) so that a
-- duplicate of the side record stays dead.
local hash_key, due_key, stats_key = KEYS[1], KEYS[2], KEYS[3]
local id, reason, ttl_seconds = ARGV[1], ARGV[2], ARGV[3]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('ZREM', due_key, id)
redis.call('HSET', hash_key, 'state', 'dead-lettered', 'deadLetteredAt', now, 'dlqReason', reason)
redis.call('HDEL', hash_key, 'record', 'claimedBy')
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('HINCRBY', stats_key, 'deadLettered', 1)
