-- Puts a message's retry on the schedule, with the record to redeliver.
-- KEYS: the message's hash, the schedule, the stats hash.
-- ARGV: id, due at (ms), the record (JSON), state TTL (s).
-- One script, so a retry is never on the schedule without its record, nor counted without being on it.
local hash_key, due_key, stats_key = KEYS[1], KEYS[2], KEYS[3]
local id, due_at, record, ttl_seconds = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

redis.call('HSET', hash_key, 'state', 'scheduled', 'dueAt', due_at, 'record', record)
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('ZADD', due_key, due_at, id)
redis.call('HINCRBY', stats_key, 'scheduled', 1)
