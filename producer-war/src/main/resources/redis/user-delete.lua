-- Deletes a user with its indexes and its credential version, and stores its user.deleted event, in one
-- atomic step: every access and refresh token of the user is refused from then on, by every service, and
-- every read model learns of it. The last SUPER_ADMIN is never deleted.
-- KEYS: user hash, username index, email index, users by creation time, credential version, SUPER_ADMIN set,
--       outbox stream
-- ARGV: user id, then the outbox entry (12: field, value pairs)
-- Returns 1 when deleted, 0 when there was no such user, 'last-super-admin' as said.
local user_key, username_key, email_key, users_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local credential_key, super_admins_key, outbox_key = KEYS[5], KEYS[6], KEYS[7]
local id = ARGV[1]

if redis.call('EXISTS', user_key) == 0 then return 0 end
if redis.call('SISMEMBER', super_admins_key, id) == 1 and redis.call('SCARD', super_admins_key) <= 1 then
  return 'last-super-admin'
end
redis.call('DEL', user_key, username_key, email_key, credential_key)
redis.call('ZREM', users_key, id)
redis.call('SREM', super_admins_key, id)
redis.call('XADD', outbox_key, '*', unpack(ARGV, 2))
return 1
