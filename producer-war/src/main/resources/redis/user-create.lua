-- Stores a new user, its two unique indexes, its credential version and its user.created event in one
-- atomic step, so that a username or email is never taken twice under concurrent sign-ups and the event
-- exists iff the user does. A SUPER_ADMIN joins the set that keeps the last one from being deleted.
-- KEYS: username index, email index, user hash, users by creation time, credential version,
--       SUPER_ADMIN set, outbox stream
-- ARGV: user id, created at (epoch millis), '1' for a SUPER_ADMIN or '0', the user hash as field, value
--       pairs, then the outbox entry (its last 12 arguments, field, value pairs)
-- Returns 'ok', or the unique field that is taken: 'username' or 'email'.
local username_key, email_key, user_key, users_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local credential_key, super_admins_key, outbox_key = KEYS[5], KEYS[6], KEYS[7]
local id, created_at, super_admin = ARGV[1], ARGV[2], ARGV[3]
local entry_at = #ARGV - 11

if redis.call('EXISTS', username_key) == 1 then return 'username' end
if redis.call('EXISTS', email_key) == 1 then return 'email' end
redis.call('SET', username_key, id)
redis.call('SET', email_key, id)
redis.call('HSET', user_key, unpack(ARGV, 4, entry_at - 1))
redis.call('ZADD', users_key, created_at, id)
redis.call('SET', credential_key, 1)
if super_admin == '1' then redis.call('SADD', super_admins_key, id) end
redis.call('XADD', outbox_key, '*', unpack(ARGV, entry_at))
return 'ok'
