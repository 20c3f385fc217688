-- The ids on the schedule due within a horizon, by Redis's clock (TIME), the most overdue first.
-- KEYS: the schedule.
-- ARGV: horizon (ms), limit.
-- Returns id, ms until due (0 or less: overdue), id, ms until due, ...
local due_key = KEYS[1]
local horizon, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local out = {}
local entries = redis.call('ZRANGEBYSCORE', due_key, '-inf', now + horizon, 'WITHSCORES', 'LIMIT', 0, limit)
for i = 1, #entries, 2 do
  table.insert(out, entries[i])
  table.insert(out, tonumber(entries[i + 1]) - now)
end
return out
