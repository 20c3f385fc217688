-- Records a dead letter replayed, once its copy is on the topic.
-- KEYS: the hash of replay marks.
-- ARGV: the letter's mark, the owner that holds it, the time of the replay.
-- Only while that owner holds the mark: a replay that outlived its lease leaves the mark to the one that took
-- it over (which finds this copy on the topic). Returns 1 if recorded, 0 if the mark is no longer the owner's.
local marks_key = KEYS[1]
local mark, owner, at = ARGV[1], ARGV[2], ARGV[3]

local holder = string.match(redis.call('HGET', marks_key, mark) or '', '^sending (%S+) ')
if holder ~= owner then
  return 0
end
redis.call('HSET', marks_key, mark, at)
return 1
