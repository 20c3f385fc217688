-- The credential version of an existing user, starting it at 1 for a user stored before versions existed;
-- nothing for a deleted user, so that a version is never created for a user that is gone.
-- KEYS: user hash, credential version
-- Returns the version, or false when the user does not exist.
local user_key, credential_key = KEYS[1], KEYS[2]

if redis.call('EXISTS', user_key) == 0 then return false end
redis.call('SET', credential_key, 1, 'NX')
return tonumber(redis.call('GET', credential_key))
