-- Extends the outbox relay lease, only if this instance still holds it: an instance whose lease ran out
-- (a long stall) must not take it back from the instance that relays now, and must stop relaying.
-- KEYS: the lease
-- ARGV: the owner id of this instance, the lease time in ms
-- Returns 1 when extended, 0 when the lease was not ours (or gone).
local lease_key = KEYS[1]
local owner, lease_ms = ARGV[1], ARGV[2]

if redis.call('GET', lease_key) == owner then return redis.call('PEXPIRE', lease_key, lease_ms) end
return 0
