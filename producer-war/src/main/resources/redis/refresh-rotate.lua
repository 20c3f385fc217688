-- Trades a valid, unused refresh token of a user for a new one, and stores the token.issued event of the
-- access token issued with it, in one atomic step: of two calls with the same used token, one wins.
-- KEYS: user hash, the new token's key, the user's refresh-token set, the used token's key, outbox stream
-- ARGV: user id, lifetime (millis), the new token's hash, the used token's hash,
--       then the outbox entry (8: field, value pairs)
-- Returns 'ok', 'no-user', or 'used' when the used token is expired, used, revoked or another user's.
local user_key, token_key, tokens_key, used_key, outbox_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local user_id, ttl_ms, token_hash, used_hash = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

if redis.call('EXISTS', user_key) == 0 then return 'no-user' end
if redis.call('GET', used_key) ~= user_id then return 'used' end
redis.call('DEL', used_key)
redis.call('SREM', tokens_key, used_hash)
redis.call('SET', token_key, user_id, 'PX', ttl_ms)
redis.call('SADD', tokens_key, token_hash)
redis.call('PEXPIRE', tokens_key, ttl_ms)
redis.call('XADD', outbox_key, '*', unpack(ARGV, 5))
return 'ok'
