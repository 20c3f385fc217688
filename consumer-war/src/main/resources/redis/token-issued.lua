-- Applies one token.issued event (a login), once.
-- KEYS[1] seen_key   {consumer}:seen:<event id>; set when the event is applied, so a redelivery changes nothing
-- KEYS[2] user_key   {consumer}:user:<user id>, the user's hash
-- KEYS[3] feed_key   {consumer}:feed, the latest events, newest first
-- KEYS[4] gone_key   {consumer}:deleted:<user id>, set by user.deleted
-- ARGV[1] seen_ttl   seconds the seen key lives: longer than the retry window, so a late redelivery is recognised
-- ARGV[2] feed_entry the event's notification JSON
-- ARGV[3] feed_size  how many feed entries are kept
-- ARGV[4] issued_at  the token's issuedAt, an ISO-8601 instant in UTC
-- Returns 'applied'; 'duplicate' when the event id was seen before; 'deleted' when the user was deleted (a
-- login before the deletion, arriving after it: nothing to record); 'unknown-user' when no user.created
-- of the user was applied yet (the caller hands the event to retry).
-- One script, so that recording the event id and applying the event happen together or not at all.
local seen_key, user_key, feed_key, gone_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seen_ttl, feed_entry, feed_size, issued_at = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

-- before the seen key is set: the event must still apply when retry brings it back after its user.created
if redis.call('EXISTS', user_key) == 0 then
    if redis.call('EXISTS', gone_key) == 1 then
        return 'deleted'
    end
    return 'unknown-user'
end
if not redis.call('SET', seen_key, '1', 'NX', 'EX', seen_ttl) then
    return 'duplicate'
end
redis.call('HINCRBY', user_key, 'tokensIssued', 1)
-- retried tokens arrive late: lastLoginAt only moves forward
local last = redis.call('HGET', user_key, 'lastLoginAt')
if not last or last < issued_at then
    redis.call('HSET', user_key, 'lastLoginAt', issued_at)
end
redis.call('LPUSH', feed_key, feed_entry)
redis.call('LTRIM', feed_key, 0, feed_size - 1)
return 'applied'
