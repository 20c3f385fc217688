-- Sets a user's new password hash and raises its credential version in one atomic step: every refresh
-- token and access token issued before is refused from that moment on, also one issued while this runs.
-- KEYS: user hash, credential version
-- ARGV: the password hash as the caller read (and verified) it, the new password hash
-- Returns the new credential version, 'gone' when the user no longer exists, 'changed' when another
-- change of the password came first.
local user_key, credential_key = KEYS[1], KEYS[2]
local read_hash, new_hash = ARGV[1], ARGV[2]

if redis.call('EXISTS', user_key) == 0 then return 'gone' end
if redis.call('HGET', user_key, 'passwordHash') ~= read_hash then return 'changed' end
redis.call('HSET', user_key, 'passwordHash', new_hash)
return redis.call('INCR', credential_key)
