-- Stores a new user, its two unique indexes and its user.created event in one atomic step, so that a
-- username or email is never taken twice under concurrent sign-ups and the event exists iff the user does.
-- KEYS: username index, email index, user hash, users by creation time, outbox stream
-- ARGV: user id, created at (epoch millis), the user hash as field, value pairs, then the outbox entry
--       (its last 8 arguments, field, value pairs)
-- Returns 'ok', or the unique field that is taken: 'username' or 'email'.
local username_key, email_key, user_key, users_key, outbox_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local id, created_at = ARGV[1], ARGV[2]
local entry_at = #ARGV - 7

if redis.call('EXISTS', username_key) == 1 then return 'username' end
if redis.call('EXISTS', email_key) == 1 then return 'email' end
redis.call('SET', username_key, id)
redis.call('SET', email_key, id)
redis.call('HSET', user_key, unpack(ARGV, 3, entry_at - 1))
redis.call('ZADD', users_key, created_at, id)
redis.call('XADD', outbox_key, '*', unpack(ARGV, entry_at))
return 'ok'
