-- Stores a new refresh token of a user and the token.issued event of the access token issued with it,
-- in one atomic step, so that the event exists iff the tokens do. Refuses a user deleted meanwhile.
-- KEYS: user hash, the new token's key, the user's refresh-token set, outbox stream
-- ARGV: user id, lifetime (millis), the new token's hash, then the outbox entry (8: field, value pairs)
-- Returns 'ok' or 'no-user'.
local user_key, token_key, tokens_key, outbox_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local user_id, ttl_ms, token_hash = ARGV[1], ARGV[2], ARGV[3]

if redis.call('EXISTS', user_key) == 0 then return 'no-user' end
redis.call('SET', token_key, user_id, 'PX', ttl_ms)
redis.call('SADD', tokens_key, token_hash)
redis.call('PEXPIRE', tokens_key, ttl_ms)
redis.call('XADD', outbox_key, '*', unpack(ARGV, 4))
return 'ok'
