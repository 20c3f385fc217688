-- Changes fields of a user; a new email moves the email index in the same step, so that two users never
-- hold one email and the old address is free at once.
-- KEYS: user hash, email index of the new email (the current one when it does not change),
--       email index of the current email
-- ARGV: user id, the current email as the caller read it (its index is KEYS[3]), then the fields to set as
--       field, value pairs (none is allowed)
-- The current email is compared inside the script: if another update changed it since the caller read it,
-- KEYS[3] is no longer its index, and moving it would orphan one address and keep another taken; the caller
-- reads the user again and calls once more.
-- Returns 'ok', 'gone' when the user no longer exists, 'email' when another user has the new email,
-- 'changed' when the email is no longer the one the caller read.
local user_key, new_email_key, old_email_key = KEYS[1], KEYS[2], KEYS[3]
local id, read_email = ARGV[1], ARGV[2]

if redis.call('EXISTS', user_key) == 0 then return 'gone' end
if redis.call('HGET', user_key, 'email') ~= read_email then return 'changed' end
local owner = redis.call('GET', new_email_key)
if owner and owner ~= id then return 'email' end
if new_email_key ~= old_email_key then
  redis.call('DEL', old_email_key)
  redis.call('SET', new_email_key, id)
end
if #ARGV > 2 then redis.call('HSET', user_key, unpack(ARGV, 3)) end
return 'ok'
