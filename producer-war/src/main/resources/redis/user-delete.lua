-- Deletes a user with its indexes and every refresh token it holds, so that no token outlives its user.
-- The caller reads the token set first and passes each token's key: a script names every key it touches.
-- A token issued between that read and this call is still in the set; the user then stays and the
-- script answers 'more' for the caller to read the set again and call once more.
-- KEYS: user hash, username index, email index, users by creation time, the user's refresh-token set,
--       then the key of each refresh token passed in ARGV
-- ARGV: user id, then the hash of each refresh token, in the order of their keys
-- Returns 1 when deleted, 0 when there was no such user, 'more' as said.
local user_key, username_key, email_key, users_key, tokens_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local id = ARGV[1]

if redis.call('EXISTS', user_key) == 0 then return 0 end
for i = 2, #ARGV do
  redis.call('DEL', KEYS[i + 4])
  redis.call('SREM', tokens_key, ARGV[i])
end
if redis.call('SCARD', tokens_key) > 0 then return 'more' end
redis.call('DEL', user_key, username_key, email_key)
redis.call('ZREM', users_key, id)
return 1
