-- Revokes refresh tokens of a user: deletes each token and takes it out of the user's set together, so
-- that no token stays valid once out of the set. The caller reads the set first and passes each token's
-- key (a script names every key it touches), then calls again while tokens issued meanwhile remain.
-- KEYS: the user's refresh-token set, then the key of each refresh token passed in ARGV
-- ARGV: the hash of each refresh token, in the order of their keys
-- Returns how many tokens remain in the set.
local tokens_key = KEYS[1]

for i = 1, #ARGV do
  redis.call('DEL', KEYS[i + 1])
  redis.call('SREM', tokens_key, ARGV[i])
end
return redis.call('SCARD', tokens_key)
