-- Applies one user.deleted event, once: the user leaves the read model and the feed, and stays gone.
-- KEYS[1] seen_key   {consumer}:seen:<event id>; set when the event is applied, so a redelivery changes nothing
-- KEYS[2] user_key   {consumer}:user:<user id>, the user's hash, deleted
-- KEYS[3] feed_key   {consumer}:feed, from which every entry of the user is removed
-- KEYS[4] gone_key   {consumer}:deleted:<user id>, set for as long as a late user.created or token.issued of
--                    the user may still arrive (a redelivery), so that neither brings it back
-- ARGV[1] seen_ttl   seconds the seen and gone keys live: longer than the retry window
-- ARGV[2] user_id
-- Returns 'applied', or 'duplicate' when the event id was seen before.
local seen_key, user_key, feed_key, gone_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seen_ttl, user_id = ARGV[1], ARGV[2]

if not redis.call('SET', seen_key, '1', 'NX', 'EX', seen_ttl) then
    return 'duplicate'
end
redis.call('DEL', user_key)
redis.call('SET', gone_key, '1', 'EX', seen_ttl)
for _, entry in ipairs(redis.call('LRANGE', feed_key, 0, -1)) do
    local ok, notification = pcall(cjson.decode, entry)
    if ok and notification.userId == user_id then
        redis.call('LREM', feed_key, 0, entry)
    end
end
return 'applied'
