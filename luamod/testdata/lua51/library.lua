-- The standard library's edges: arithmetic by zero, format's conversions,
-- string and table functions given odd arguments, select, coroutine
-- misuse, error levels, math. library.want is what Lua 5.1.5 prints for
-- this script named main.lua (cp library.lua main.lua && lua5.1 main.lua >
-- library.want). try prints a call's results, or ERR for an error, whose
-- wording is gopher-lua's own.
local function try(f, ...) local ok, a, b = pcall(f, ...) if ok then return tostring(a) .. (b ~= nil and ("," .. tostring(b)) or "") end return "ERR" end
print(try(function() return 1 % 0 ~= 1 % 0 end), try(function() return math.fmod(1, 0) ~= math.fmod(1, 0) end), try(function() return 5 % -0.5 end), try(function() return -5 % 3, 5.5 % 2 end))
print(try(string.format, "%d", 2^31), try(string.format, "%d", -2^31), try(string.format, "%5.1s|", "abc"), try(string.format, "%i", 3.9), try(string.format, "%u", 7))
print(try(string.rep, "x", 0), try(string.rep, "x", -1), try(string.char), try(string.char, 256), try(string.byte, "a", 10), try(string.byte, ""), try(string.sub, "abc", 1.5), try(string.sub, "abc", 2.7))
print(try(table.concat, {1, 2.5, "x"}, "-"), try(table.concat, {1, {}, 3}), try(table.concat, {}, ","), try(table.insert, {1}, 5, 2), try(table.remove, {}), try(table.remove, {1, 2}, 1))
print(try(table.sort, {3, 1, 2}, function(a, b) return true end), try(unpack, {1, nil, 3}, 1, 3), try(select, "#"), try(select, 2), try(select, -1, "a", "b"))
local t = {} t[1.0] = "a" t[2] = "b"
print(t[1], #t, rawlen and "has rawlen" or "no rawlen", next({}, nil), type(next))
print(tostring(nil), tostring(true), tostring(-0) == "0" or tostring(-0) == "-0", #"\0\0\0", "a\0b" < "a\0c", ("\0x"):byte(1, 2))
local n = 0 for i = 0.1, 1, 0.1 do n = n + 1 end
local m = 0 for i = 1, 3.5 do m = m + 1 end
print(n, m, select("#", ...))
print(try(coroutine.yield), try(coroutine.resume, coroutine.running()), try(coroutine.status, nil), try(coroutine.wrap(function() error("w", 0) end)))
local co = coroutine.create(function() return coroutine.status(coroutine.running()) end)
print(coroutine.resume(co))
print(try(error, "lvl0", 0), try(function() error("lvl2", 2) end), try(error, nil), try(error))
print(math.max(1), try(math.max), math.min(-1, -5), math.abs(-0), math.floor(3), math.ceil(3.0000001), math.log10 and math.log10(1000), math.exp(0), math.log(1))
print(string.format("%.3f %.0f %5.2e %g %g %g", 2/3, 2.5, 12345.6789, 1e20, 1e-5, 100), string.format("%-5d|%05d|%+d", 3, 42, 5))
print(string.format("%x %X %o %c%c", 3735928559, 255, 64, 72, 105), string.format("%s %s", 1, "t"), string.format("%10.4s|", "abcdefg"))
print(("abc"):find("b", -10), ("abc"):find("", 10), ("abc"):find("", 4), ("aaa"):gsub("", "-"), ("abc"):len())
print(getfenv and type(getfenv(1)), setfenv and "setfenv" or "no", type(_G), _G._G == _G, _VERSION)
print(rawequal("a", "a"), rawequal({}, {}), rawget({10}, 1))
print(("héllo\255"):upper(), ("ÀBC"):lower(), #("\255"):upper(), string.format("%5u|%-3u|", 7, 8), try(string.char, -1), string.char(72, 0, 255):byte(1, -1))

-- hexadecimal numbers as glibc's strtod reads them, in tonumber and in source
print(tonumber("0xffffffffffffffffff"), tonumber("0xa.8"), tonumber("0x.8"), tonumber("-0x10"), tonumber("0x10."))
print(tonumber("0x"), tonumber("0x1p"), tonumber("0x-1"), tonumber("+-0x1"), 0xff, 0xffffffffffffffffff)
