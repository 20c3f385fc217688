-- Puts a claim whose redelivery could not be sent back on the schedule.
-- KEYS: the message's hash, the schedule.
-- ARGV: id, retry at (ms), attempts of the claim, the instance that holds the claim.
-- Only the claim of that attempt, held by that instance: a newer failure of the message has its own
-- schedule, and a send that failed after its lease ran out must not take back the claim another instance
-- took over (that would let a third send start). Returns 1 if released, 0 if that claim is gone.
local hash_key, due_key = KEYS[1], KEYS[2]
local id, retry_at, attempts, owner = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

local state, stored_attempts, claimed_by = unpack(redis.call('HMGET', hash_key, 'state', 'attempts', 'claimedBy'))
if state ~= 'claimed' or stored_attempts ~= attempts or claimed_by ~= owner then
  return 0
end
redis.call('ZADD', due_key, retry_at, id)
redis.call('HSET', hash_key, 'state', 'scheduled')
return 1
