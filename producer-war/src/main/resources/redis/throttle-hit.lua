-- Counts one attempt in a fixed window: the first attempt starts the window (the key's TTL), later ones
-- only count, so that the window ends at a time every instance agrees on.
-- KEYS: the counter
-- ARGV: the window (millis)
-- Returns {count, milliseconds until the window ends}.
local counter_key = KEYS[1]
local window_ms = ARGV[1]

local count = redis.call('INCR', counter_key)
local ttl = redis.call('PTTL', counter_key)
if ttl < 0 then
  redis.call('PEXPIRE', counter_key, window_ms)
  ttl = tonumber(window_ms)
end
return {count, ttl}
