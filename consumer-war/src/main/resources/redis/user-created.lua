-- Applies one user.created event, once.
-- KEYS[1] seen_key   {consumer}:seen:<event id>; set when the event is applied, so a redelivery changes nothing
-- KEYS[2] user_key   {consumer}:user:<user id>, the user's hash
-- KEYS[3] feed_key   {consumer}:feed, the latest events, newest first
-- KEYS[4] gone_key   {consumer}:deleted:<user id>, set by user.deleted: a late user.created (a redelivery) must
--                    not bring the user back
-- ARGV[1] seen_ttl   seconds the seen key lives: longer than the retry window, so a late redelivery is recognised
-- ARGV[2] feed_entry the event's notification JSON
-- ARGV[3] feed_size  how many feed entries are kept
-- ARGV[4..] the profile: field, value, field, value, ...
-- Returns 'applied', 'duplicate' when the event id was seen before, 'deleted' when the user was deleted since.
-- One script, so that recording the event id and applying the event happen together or not at all.
local seen_key, user_key, feed_key, gone_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seen_ttl, feed_entry, feed_size = ARGV[1], ARGV[2], tonumber(ARGV[3])

if redis.call('EXISTS', gone_key) == 1 then
    return 'deleted'
end
if not redis.call('SET', seen_key, '1', 'NX', 'EX', seen_ttl) then
    return 'duplicate'
end
redis.call('HSET', user_key, unpack(ARGV, 4))
-- NX: a second user.created of the same user (another event id) keeps the count of its tokens
redis.call('HSETNX', user_key, 'tokensIssued', '0')
redis.call('LPUSH', feed_key, feed_entry)
redis.call('LTRIM', feed_key, 0, feed_size - 1)
return 'applied'
