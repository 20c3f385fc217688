-- Stores a role unless its name is taken: the name index and the role hash are written together, so a
-- name never points at two roles and a role never exists without its name.
-- KEYS: role names hash (name to id), the role's hash
-- ARGV: name, id, access level
-- Returns 1 when stored, 0 when the name was taken (nothing written).
local names_key, role_key = KEYS[1], KEYS[2]
local name, id, access_level = ARGV[1], ARGV[2], ARGV[3]

if redis.call('HSETNX', names_key, name, id) == 0 then return 0 end
redis.call('HSET', role_key, 'id', id, 'name', name, 'accessLevel', access_level)
return 1
