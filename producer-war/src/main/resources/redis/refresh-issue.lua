-- Stores the first refresh token of a login (a new family) and the token.issued event of the access token
-- issued with it, in one atomic step, so that the event exists iff the tokens do. Refuses a user deleted
-- meanwhile, and a credential version that changed since the access token was signed.
-- KEYS: credential version, the new token's key, outbox stream
-- ARGV: user id, lifetime (millis), the credential version the tokens were issued under, the family id,
--       then the outbox entry (12: field, value pairs)
-- Returns 'ok', 'no-user' or 'revoked'.
local credential_key, token_key, outbox_key = KEYS[1], KEYS[2], KEYS[3]
local user_id, ttl_ms, credential, family = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

local current = redis.call('GET', credential_key)
if not current then return 'no-user' end
if current ~= credential then return 'revoked' end
redis.call('HSET', token_key, 'user', user_id, 'family', family, 'credential', credential, 'used', '0')
redis.call('PEXPIRE', token_key, ttl_ms)
redis.call('XADD', outbox_key, '*', unpack(ARGV, 5))
return 'ok'
