-- Gives the outbox relay lease back, only if this instance still holds it: after a lease expired and
-- another instance took it, a late release must not free the other instance's lease.
-- KEYS: the lease
-- ARGV: the owner id of this instance
-- Returns 1 when released, 0 when the lease was not ours (or gone).
local lease_key = KEYS[1]
local owner = ARGV[1]

if redis.call('GET', lease_key) == owner then return redis.call('DEL', lease_key) end
return 0
