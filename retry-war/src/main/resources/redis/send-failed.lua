-- Counts a failed send of a claimed redelivery.
-- KEYS: the message's hash.
-- ARGV: attempts of the claim, the instance that holds the claim.
-- Only the claim of that attempt, held by that instance (like redelivered.lua). Returns the failed sends of
-- this attempt so far, or -1 if the claim is no longer that instance's.
local hash_key = KEYS[1]
local attempts, owner = ARGV[1], ARGV[2]

local state, stored_attempts, claimed_by = unpack(redis.call('HMGET', hash_key, 'state', 'attempts', 'claimedBy'))
if state ~= 'claimed' or stored_attempts ~= attempts or claimed_by ~= owner then
  return -1
end
return redis.call('HINCRBY', hash_key, 'sendFailures', 1)
