-- Counts one failure of a message read from side-topic-for-retry.
-- KEYS: the message's hash, the schedule (sorted set of due ids).
-- ARGV: side position, attempts in the record's header, state TTL (s), origin topic, key, error, reply-to, group, id,
--       failed position (where the record the consumer failed on sits; empty if the side record does not say).
-- Times are Redis's own (TIME), so instances whose clocks differ agree on them.
-- A failure reported again is not counted again: neither a side record read again (field seen:<side position>
-- for every one counted, not only the latest: Liberty can lose committed offsets, so an older side record may be
-- read again after newer ones) nor a new report of a record the consumer failed on before (field
-- failed:<position>: a consumer killed before committing applies the record again and reports it again), nor
-- the failure of a redelivery whose attempt is counted already (2 <= header <= stored: a second copy of that
-- redelivery, sent when the outcome of the first was lost, failed too).
-- The count is max(stored + 1, header): Redis may have lost the state, the header never counts low.
-- A new failure takes the message off the schedule until its own retry is scheduled.
-- Returns: new or duplicate, the count, the state, and when the count was made (updatedAt, epoch ms; empty if never).
local hash_key, due_key = KEYS[1], KEYS[2]
local side_position, header_attempts, ttl_seconds = ARGV[1], ARGV[2], ARGV[3]
local origin_topic, record_key, error_text, reply_to, group, id = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local failed_position = ARGV[10]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local new_side = redis.call('HSETNX', hash_key, 'seen:' .. side_position, 1) == 1
local new_failure = failed_position == '' or redis.call('HSETNX', hash_key, 'failed:' .. failed_position, 1) == 1
local stored = tonumber(redis.call('HGET', hash_key, 'attempts') or '0')
local header = tonumber(header_attempts)
local attempt_counted = header >= 2 and header <= stored
if not (new_side and new_failure) or attempt_counted then
  return {'duplicate', stored, redis.call('HGET', hash_key, 'state') or '', redis.call('HGET', hash_key, 'updatedAt') or ''}
end
local attempts = math.max(stored + 1, header)
redis.call('HSET', hash_key, 'side', side_position, 'attempts', attempts, 'state', 'received', 'updatedAt', now,
  'topic', origin_topic, 'key', record_key, 'error', error_text, 'replyTo', reply_to, 'group', group)
redis.call('HSETNX', hash_key, 'firstFailureAt', now)
redis.call('EXPIRE', hash_key, ttl_seconds)
redis.call('ZREM', due_key, id)
return {'new', attempts, 'received', tostring(now)}
