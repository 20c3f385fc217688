-- Trades a valid, unused refresh token for the next one of its family, and stores the token.issued event
-- of the access token issued with it, in one atomic step: of two calls with the same token, one wins.
-- A token presented again after it was used revokes its whole family (RFC 9700, 4.14.2): one of its
-- holders is not the client it was issued to. The used token stays, marked, until it would have expired.
-- KEYS: credential version, the used token's key, the new token's key, the family's revocation mark,
--       outbox stream
-- ARGV: user id, lifetime (millis), the credential version the new tokens were issued under, the family
--       id as the caller read it from the used token, then the outbox entry (12: field, value pairs)
-- Returns 'ok'; 'no-user'; 'used' when the token is unknown, expired, or another user's or family's;
-- 'revoked' when the password changed or the family was revoked; 'reused' when this call revoked it.
local credential_key, used_key, token_key, revoked_key, outbox_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local user_id, ttl_ms, credential, family = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

local used = redis.call('HMGET', used_key, 'user', 'family', 'credential', 'used')
if used[1] ~= user_id or used[2] ~= family then return 'used' end
local current = redis.call('GET', credential_key)
if not current then return 'no-user' end
if current ~= used[3] or current ~= credential or redis.call('EXISTS', revoked_key) == 1 then return 'revoked' end
if used[4] ~= '0' then
  redis.call('SET', revoked_key, 1, 'PX', ttl_ms)
  return 'reused'
end
redis.call('HSET', used_key, 'used', '1')
redis.call('HSET', token_key, 'user', user_id, 'family', family, 'credential', credential, 'used', '0')
redis.call('PEXPIRE', token_key, ttl_ms)
redis.call('XADD', outbox_key, '*', unpack(ARGV, 5))
return 'ok'
