-- Puts a message's retry on the schedule, with the record to redeliver.
-- KEYS: the message's hash, the schedule, the stats hash.
-- ARGV: id, delay (ms), the record, state TTL (s).
-- The due time is Redis's now (TIME) plus the delay, so every instance compares it with the same clock.
-- One script, so a retry is never on the schedule without its record, nor counted without being on it; the
-- failed sends and the first claim of the previous attempt no longer count.
local hash_key, due_key, stats_key = KEYS[1], KEYS[2], KEYS[3]
local id, delay, record, ttl_seconds = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local time = redis.call('TIME')
local due_at = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(delay)

redis.call('HSET', hash_key, 'state', 'scheduled', 'dueAt', due_at, 'record', record)
redis.call('HDEL', hash_key, 'sendFailures', 'claimedBy', 'attemptClaimedAt')
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('ZADD', due_key, due_at, id)
redis.call('HINCRBY', stats_key, 'scheduled', 1)
