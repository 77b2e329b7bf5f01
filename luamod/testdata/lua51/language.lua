-- The language itself, outside the concurrency module: classes and
-- methods, closures, varargs, assignment, loops, metatables, errors,
-- coroutines, strings, tables and numbers. language.want is what the
-- reference interpreter, Lua 5.1.5, prints for this script named main.lua
-- (cp language.lua main.lua && lua5.1 main.lua > language.want). The
-- engine rewrites chunks and replaces builtins; none of that may change
-- an answer. Where gopher-lua words an error its own way (attempt to
-- index a non-table object), the script prints only whether the call
-- failed; NaN, whose sign Lua 5.1 prints, is left out.

-- Classes, methods and inheritance.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:rename(name) self.name = name return self end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof") return setmetatable(d, Dog) end
function Dog:fetch(n) return self.name .. " fetches " .. n .. " sticks" end
local ns = {deep = {}}
function ns.deep.twice(x) return x * 2 end
function ns.deep:count() return #self end
local d = Dog.new("rex")
print(d:speak(), d:fetch(3), d:rename("max"):speak(), ns.deep.twice(21), ns.deep:count())
print(getmetatable(d) == Dog, rawget(d, "speak"), ("abc"):upper(), ("%d-%s"):format(7, "x"))

-- Closures and upvalues.
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
local j = 0
local gs = {}
while j < 3 do j = j + 1 local k = j gs[j] = function() return k end end
print(get(), inc(), fs[1](), fs[3](), gs[1](), gs[3]())
local function outer() local x = 1 local function mid() local function inner() x = x + 10 return x end return inner end return mid(), function() return x end end
local bump, read = outer()
bump() bump()
print(read())

-- Varargs, select, unpack and multiple results.
local function pack(...) return {n = select("#", ...), ...} end
local function tail(_, ...) return ... end
local p = pack(1, nil, 3, nil)
print(p.n, select("#", tail(1, 2, 3)), select(2, "a", "b", "c"), unpack({1, 2, 3}, 2))
print((tail(1, 2, 3)), tail(1), pack(tail(1, 2, 3)).n, #{tail(0, 5, 6, 7)})
local a, b, c = (function() return 1, 2 end)()
print(a, b, c)
local x, y = 1, 2
x, y = y, x
local q, r, s = 1, 2, 3
q, r, s = s, q, r
print(x, y, q, r, s)

-- Loops.
local out = {}
for i = 10, 1, -3 do out[#out + 1] = i end
for i = 0, 1, 0.25 do out[#out + 1] = i end
for i = 1, 0 do out[#out + 1] = "never" end
print(table.concat(out, " "))
local n = 0
repeat local m = n n = n + 1 until m >= 3
print(n)
local found
for i = 1, 10 do for k = 1, 10 do if i * k == 42 then found = i .. "x" .. k break end end if found then break end end
print(found)
local keys = {}
for k, v in pairs({b = 2, a = 1, c = 3}) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print(table.concat(keys, ","))
local seq = {}
for i, v in ipairs({"a", "b", nil, "d"}) do seq[#seq + 1] = i .. v end
print(table.concat(seq, ","))
local function range(n) local i = 0 return function() i = i + 1 if i <= n then return i, i * i end end end
for i, sq in range(3) do io_out = (io_out or "") .. i .. ":" .. sq .. " " end
print(io_out)

-- Metatables.
local V = {}
V.__index = V
V.__add = function(p, q) return setmetatable({x = p.x + q.x}, V) end
V.__sub = function(p, q) return setmetatable({x = p.x - q.x}, V) end
V.__mul = function(p, k) return setmetatable({x = p.x * k}, V) end
V.__unm = function(p) return setmetatable({x = -p.x}, V) end
V.__eq = function(p, q) return p.x == q.x end
V.__lt = function(p, q) return p.x < q.x end
V.__le = function(p, q) return p.x <= q.x end
V.__tostring = function(p) return "V(" .. p.x .. ")" end
V.__concat = function(p, q) return tostring(p) .. "&" .. tostring(q) end
V.__call = function(p, k) return p.x + k end
local v1, v2 = setmetatable({x = 1}, V), setmetatable({x = 2}, V)
print(tostring(v1 + v2), tostring(v2 - v1), tostring(v1 * 5), tostring(-v2), v1 == setmetatable({x = 1}, V), v1 < v2, v2 <= v1, v1 .. v2, v1 .. "s", v2(40))
local log = {}
local proxy = setmetatable({}, {__index = function(_, k) return k .. "!" end, __newindex = function(t, k, val) log[#log + 1] = k rawset(t, k, val * 2) end})
proxy.a = 5
print(proxy.a, proxy.b, table.concat(log, ","), rawequal(proxy, proxy), getmetatable(setmetatable({}, {__metatable = "locked"})))

-- Errors.
local function fail(level) error("bad " .. level, level) end
local function call_fail(level) fail(level) end
print(pcall(fail, 1))
print(pcall(call_fail, 2))
print(type(select(2, pcall(error, {code = 7}))), select(2, pcall(error, {code = 7})).code, pcall(error))
print(xpcall(function() error("deep") end, function(m) return "handled: " .. m end))
print((pcall(function() local t = nil return t.x end)), (pcall(function() return 1 + {} end)), (pcall(function() return #nil end)))
print((pcall(function() return {} < {} end)), (pcall(function() return ("x"):bad() end)), (pcall(string.rep)), (pcall(setmetatable, 1, {})))
local ok, e = pcall(function() local ok2, e2 = pcall(error, "inner") error("outer after " .. e2, 0) end)
print(ok, e)
print(select("#", pcall(function() return 1, 2, 3 end)))

-- Coroutines.
local co = coroutine.create(function(a1, b1)
  local r = coroutine.yield(a1 + b1)
  local s, t = coroutine.yield(r * 2)
  return s .. t
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.status(co), coroutine.resume(co, "x", "y"))
print(coroutine.status(co), coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
local bad = coroutine.create(function() error("in co") end)
print(coroutine.resume(bad))
print(coroutine.running() == nil, type(coroutine.running()))

-- Strings.
print("tab\there", "nl\\n", "\65\066\x43", #"\0ab", [[long
string]], [==[with ]] inside]==])
print(string.format("%5.2f|%-5s|%5s|%x|%X|%o|%e|%g|%c|%q|%%", 3.14159, "ab", "cd", 255, 255, 8, 12345.678, 0.0001, 65, 'a "q"\n'))
print(("hello world"):gsub("o", "0"), ("hello"):gsub("l", {l = "L"}), ("abc"):gsub("%w", function(ch) return ch:upper() .. "." end))
print(("key=val, k2=v2"):match("(%w+)=(%w+)"), ("  trim  "):match("^%s*(.-)%s*$") .. "|", ("a.b"):find(".", 1, true))
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
print(table.concat(words, "|"), ("abc"):sub(-2), ("abc"):sub(2, 10), ("abc"):rep(2, nil), ("abc"):reverse(), ("abc"):byte(1, -1))
print(string.char(72, 105), ("x"):len(), ("AbC"):lower(), tostring(12):len(), "10" + 5, "3" * "4", 10 .. "")
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "10" < "9")

-- Tables.
local t = {10, 20, 30}
table.insert(t, 40) table.insert(t, 1, 5)
print(table.concat(t, ","), table.remove(t), table.remove(t, 1), table.concat(t, ",", 2, 3), #t, table.maxn({1, 2, [10] = 3}))
local people = {{name = "b", age = 30}, {name = "a", age = 25}, {name = "c", age = 35}}
table.sort(people, function(p1, p2) return p1.age > p2.age end)
local names = {}
for _, person in ipairs(people) do names[#names + 1] = person.name end
local nums = {5, 2, 8, 1, 9, 3}
table.sort(nums)
print(table.concat(names), table.concat(nums, " "), #{n = 1}, next({}), type(next({1})))
local key = {}
local tk = {[key] = "tablekey", [1.5] = "float", [true] = "bool"}
print(tk[key], tk[1.5], tk[true], tk[false])

-- Numbers.
print(7 % 3, -7 % 3, 7 % -3, 2 ^ 10, 7 / 2, math.floor(-3.5), math.ceil(-3.5), math.abs(-4), math.max(3, 9, 1), math.min(3, 9, 1))
print(math.fmod(7, 3), math.modf(3.7), math.sqrt(16), math.huge > 1e308, -math.huge < 0, math.pi > 3.14)
print(tonumber("0x1F"), tonumber("  12  "), tonumber("1e2"), tonumber("abc"), tonumber("10", 2), tonumber("ff", 16), tonumber(nil))
print(2 ^ 40, 100, -0.5, 1 / 3 == 1 / 3, 0.1 + 0.2 == 0.3, 3 == 3.0, 2 ^ 53 == 2 ^ 53 + 1, 1e15 == 10 ^ 15)
print(1e15, 2 ^ 53, 1 / 3, 0.1 + 0.2, 10 / 3, 1e100, 123456789012345, -1e-5, 1 / 0, -1 / 0, 1e14 - 1, 2 ^ 63)
print(1 / 3 .. "|" .. 1e15 .. "|" .. 1 / 0, tostring(0.1 + 0.2), table.concat({1 / 3, 2 ^ 53}, " "), ("x"):rep(2) .. 2 / 3)
print(nil == false, not nil, 1 and 2, nil or "default", false and error("no"), 0 and "zero is true")

-- Chunks.
print(loadstring("return 1 + 1")(), (loadstring("syntax error here")))
local f = loadstring("local a, b = ... return a .. b")
print(f("x", "y"), type(loadstring("function o:m() end")))

-- Metamethods at their edges, coercion, coroutines and errors together.
local function results(f, ...) local r = {pcall(f, ...)} if r[1] then local o = {} for i = 2, table.maxn(r) do o[#o + 1] = tostring(r[i]) end return table.concat(o, ",") end return "ERR" end
local mt = {}
mt.__index = function(t, k) return k * 2 end
mt.__le = nil
mt.__lt = function(a, b) return a.v < b.v end
mt.__mod = function(a, b) return "mod" end
mt.__pow = function(a, b) return "pow" end
mt.__div = function(a, b) return "div" end
mt.__call = function(self, ...) return select("#", ...), ... end
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a[21], a < b, b > a, results(function() return a <= b end), a % 1, 2 ^ a, a / a, a(nil, nil))
print("10" * "2", "0x10" + 0, " 5 " + 1, results(function() return 1 < "2" end), results(function() return "a" < 1 end), 10 == "10", results(function() return "x" + 1 end))
local eq = {__eq = function() return true end}
print(setmetatable({}, eq) == setmetatable({}, eq), setmetatable({}, eq) == setmetatable({}, {__eq = function() return true end}), setmetatable({}, eq) ~= 1)
print(results(tostring, setmetatable({}, {__tostring = function() return 42 end})), results(print, setmetatable({}, {__tostring = function() return "ok" end})))
local chain = setmetatable({}, {__index = setmetatable({x = 1}, {__index = {y = 2}})})
print(chain.x, chain.y, chain.z, rawget(chain, "x"))
local ro = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 10) end})
ro.a = 1 ro.a = 2
print(ro.a)
print(results(coroutine.wrap(function() pcall(coroutine.yield, 1) end)))
local co = coroutine.create(function(...) local n = select("#", ...) local x = coroutine.yield(n) error({msg = x}) end)
local _, n = coroutine.resume(co, nil, nil, nil)
local ok, e = coroutine.resume(co, "boom")
print(n, ok, type(e), e.msg, coroutine.status(co))
print(results(xpcall, function() error("a") end, function(m) error("in handler") end))
print(select("#", nil, nil), select("#", unpack({n = 3})), select("#", unpack({1, nil, 3}, 1, 3)))
local t = {1, 2, 3, nil, 5}
print(#"", #{nil}, #{1, nil}, table.maxn(t))
print(results(table.insert, {}, 1, 2, 3), results(table.insert, {}), results(table.remove, {}, 5))
local s = 0
for k, v in pairs({10, 20, 30, x = 1}) do s = s + v end
print(s, type(pairs({})), type(ipairs({})))
local r = {}
for i = 3, 1, -1 do r[#r + 1] = i end
local w = 5 repeat local z = w w = w - 1 until z <= 3
print(table.concat(r), w)
print(string.format("%-10s|%10s|", "left", "right"), ("%d items"):format(3), ("x"):rep(3, ","))
print(math.floor(-0.5))

-- A generic for with fewer than three values starts from nil state and
-- control, whatever ran before it.
local calls = {}
local count = 0
local function step(s, c) count = count + 1 calls[#calls + 1] = tostring(s) .. "/" .. tostring(c) if count % 3 == 0 then return nil end return count end
for v in step do end
for v in step do end
local function keys_after_block()
  do local p, q, r = 10, 20, "b" end
  local c = 0
  for k in next, {a = 1, b = 2} do c = c + 1 end
  local d = 0
  for k, v in next, {x = 1} do d = d + 1 end
  return c, d
end
print(table.concat(calls, " "), keys_after_block())

-- A number given to a string function is read as print writes it.
local x = 0.1 + 0.2
print(string.len(x), string.sub(1 / 3, 1, 6), string.rep(x, 2, "|"), string.upper(1e15), string.reverse(2 ^ 53), string.byte(1 / 3, 3), string.find(1 / 3, "3", 1, true), string.match(10 / 3, "%.(%d+)"), string.gsub(1 / 3, "3", "x"))
for w in string.gmatch(1e100, "%d") do io_w = (io_w or "") .. w end print(io_w, string.find("a0.3b", x, 1, true))
