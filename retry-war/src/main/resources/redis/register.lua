-- Counts one failure of a message read from side-topic-for-retry.
-- KEYS: the message's hash, the schedule (sorted set of due ids).
-- ARGV: side position, attempts in the record's header, state TTL (s), origin topic, key, error, reply-to, group, id.
-- Times are Redis's own (TIME), so instances whose clocks differ agree on them.
-- A side record seen again is not counted again (field seen:<position> for every position counted, not only
-- the latest: Liberty can lose committed offsets, so an older side record may be read again after newer
-- ones). The count is max(stored + 1, header): Redis may have lost the state, the header never counts low.
-- A new failure takes the message off the schedule until its own retry is scheduled.
local hash_key, due_key = KEYS[1], KEYS[2]
local side_position, header_attempts, ttl_seconds = ARGV[1], ARGV[2], ARGV[3]
local origin_topic, record_key, error_text, reply_to, group, id = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

if redis.call('HSETNX', hash_key, 'seen:' .. side_position, 1) == 0 then
  return {'duplicate', tonumber(redis.call('HGET', hash_key, 'attempts')), redis.call('HGET', hash_key, 'state') or ''}
end
local attempts = math.max(tonumber(redis.call('HGET', hash_key, 'attempts') or '0') + 1, tonumber(header_attempts))
redis.call('HSET', hash_key, 'side', side_position, 'attempts', attempts, 'state', 'received', 'updatedAt', now,
  'topic', origin_topic, 'key', record_key, 'error', error_text, 'replyTo', reply_to, 'group', group)
redis.call('HSETNX', hash_key, 'firstFailureAt', now)
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('ZREM', due_key, id)
return {'new', attempts, 'received'}
