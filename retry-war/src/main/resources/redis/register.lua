-- Counts one failure of a message read from side-topic-for-retry.
-- KEYS: the message's hash, the schedule (sorted set of due ids).
-- ARGV: side position, attempts in the record's header, state TTL (s), now (ms), origin topic, key, error,
--       first failure (ms), reply-to, group, id.
-- A side record seen again (a crash before its offset was committed, even after newer ones) is not counted
-- again. The count is
-- max(stored + 1, header): Redis may have lost the state, the header never counts low. A new failure takes
-- the message off the schedule until its own retry is scheduled.
local hash_key, due_key = KEYS[1], KEYS[2]
local side_position, header_attempts, ttl_seconds, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local origin_topic, record_key, error_text, first_failure_at = ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local reply_to, group, id = ARGV[9], ARGV[10], ARGV[11]

-- every side position counted is remembered (field seen:<position>), not only the latest: Liberty can lose
-- committed offsets, so an older side record may be read again after newer ones were counted
if redis.call('HSETNX', hash_key, 'seen:' .. side_position, 1) == 0 then
  return {'duplicate', tonumber(redis.call('HGET', hash_key, 'attempts')), redis.call('HGET', hash_key, 'state') or ''}
end
local attempts = math.max(tonumber(redis.call('HGET', hash_key, 'attempts') or '0') + 1, tonumber(header_attempts))
redis.call('HSET', hash_key, 'side', side_position, 'attempts', attempts, 'state', 'received', 'updatedAt', now,
  'topic', origin_topic, 'key', record_key, 'error', error_text, 'replyTo', reply_to, 'group', group)
redis.call('HSETNX', hash_key, 'firstFailureAt', first_failure_at)
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('ZREM', due_key, id)
return {'new', attempts, 'received'}
