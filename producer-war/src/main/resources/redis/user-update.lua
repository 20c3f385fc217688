-- Changes fields of a user; a new email moves the email index in the same step, so that two users never
-- hold one email and the old address is free at once.
-- KEYS: user hash, email index of the new email (the current one when it does not change),
--       email index of the current email
-- ARGV: user id, then the fields to set as field, value pairs (none is allowed)
-- Returns 'ok', 'gone' when the user no longer exists, 'email' when another user has the new email.
local user_key, new_email_key, old_email_key = KEYS[1], KEYS[2], KEYS[3]
local id = ARGV[1]

if redis.call('EXISTS', user_key) == 0 then return 'gone' end
local owner = redis.call('GET', new_email_key)
if owner and owner ~= id then return 'email' end
if new_email_key ~= old_email_key then
  redis.call('DEL', old_email_key)
  redis.call('SET', new_email_key, id)
end
if #ARGV > 1 then redis.call('HSET', user_key, unpack(ARGV, 2)) end
return 'ok'
