-- Runtime errors name what failed, as Lua 5.1 names it. Each line runs
-- one mistake under pcall and prints the message.
local function try(f, ...) print(pcall(f, ...)) end

-- calls
try(function() undefinedfn() end)
try(function() local m = {} m.go() end)
try(function() string.nosuch("x") end)
try(function() local t = {} t:nomethod() end)
try(function() local f f() end)
local up
try(function() up() end)
try(function() local t = {} t[1]() end)
try(function() local t = {} local k = "x" t[k]() end)
try(function() local function f() end f()() end)
try(function() return undefinedtail() end)
try(function() ("x")() end)
try(function() local t = {a = {}} t.a.b.c() end)
try(function(...) local a = ... a() end, 5)
try(function() for k in nil do end end)
try(function() local t = {} for k in t do end end)

-- indexing and assigning
try(function() local x x.y = 1 end)
try(function() return nothere.field end)
try(function() local t = {} return t.a.b end)
try(function() local t = {} t.a.b = 1 end)
try(function() local s = 5 return s.x end)
try(function() return up.x end)
try(function() local t = setmetatable({}, {__index = 5}) return t.x end)
try(function() local t = {} return t[1][2] end)
try(function() local t = {} local x = t.y ; return x.z end)
try(function() local a, b = {}, nil ; b.c, a.d = 1, 2 end)
try(function() local obj obj:method() end)

-- arithmetic, length, comparison
try(function() return undefinedglobal + 1 end)
try(function() local t = {} return t.x + 1 end)
try(function() return 1 + {} end)
try(function() return ("10") + nil end)
try(function() local s = "abc" return s * 2 end)
try(function() local n return 2 ^ n end)
try(function() local t = {} return -t end)
try(function() return -"abc" end)
try(function() local n return #n end)
try(function() return #undefinedlen end)
try(function() local t = {} return t < t end)
try(function() return {} <= {} end)
try(function() return 1 < "x" end)
try(function() local t = {} return t > 1 end)

-- concatenation
try(function() local t = {} return "a" .. t .. "b" end)
try(function() local t = {} return t .. "a" end)
try(function() local a, b = "x", nil return a .. b .. "c" end)
try(function() return "a" .. {} end)
try(function() return "a" .. 1 .. {} .. "b" end)
try(function() return 1 .. nil end)

-- numeric for
try(function() for i = nil, 2 do end end)
try(function() for i = 1, "x" do end end)
try(function() for i = 1, 2, {} do end end)

-- a local set on either branch is still named
try(function(c) local x if c then x = nil else x = nil end return x + 1 end, true)

-- xpcall's handler, coroutines and wrapped coroutines get the same
print(xpcall(function() local x return x.y end, function(m) return "handled: " .. m end))
print(coroutine.resume(coroutine.create(function() nofunc() end)))
print(pcall(coroutine.wrap(function() local q q() end)))
local co = coroutine.create(function() coroutine.yield(1) local z return z.w end)
print(coroutine.resume(co))
print(coroutine.resume(co))
