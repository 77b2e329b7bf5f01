-- The string and table functions the engine replaces, over many subjects
-- and patterns. strings.want is what the reference interpreter, Lua 5.1.5,
-- prints for this script (lua5.1 strings.lua > strings.want).
local function show(...)
  local n = select("#", ...)
  local t = {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  return n .. ":" .. table.concat(t, ",")
end
local function try(f, ...)
  local r = {pcall(f, ...)}
  if not r[1] then
    local msg = tostring(r[2]):gsub("^[^:]*:%d+: ", "")
    return "ERR " .. msg
  end
  return show(unpack(r, 2, table.maxn(r)))
end
local subjects = {"", "hello world", "  trim me  ", "a,b,,c", "key = value", "THE (quick) fox", "x=1, y=22, z=333",
  "aaa", "abcabc", "f(a(b)c)d", "THE (quick) [brown] {fox}", "one two  three", "2024-01-15", "path/to/file.txt"}
local patterns = {"", "o", "l+", "l*", "l-", "l?", "^h", "d$", "^$", "%a+", "%d+", "%s+", "%w+", "%p", "%u%l*", "[aeiou]",
  "[^aeiou ]+", "[%a_][%w_]*", "(%w+)=(%w+)", "(%w+) = (%w+)", "()ll()", "(a)(b)(c)", "%((%w+)%)", "%b()", "%b[]",
  "%f[%w]%w+", "%f[%a]", "(.-),", "(.*),", "^(%s*)(.-)(%s*)$", "(h)(e)", "(%d+)-(%d+)-(%d+)", "[%]]", "[a-c]+", "[%-]",
  ".-", ".*", "a-b", "(a*(.)%w(%s*))", "(.)%1", "%z", "[%z]", "%x+", "%c", "^(%w+)", "x*$", "%.(%w+)$", "([^/]+)$",
  "[", "(", ")", "%", "%1", "(()", "%b", "%f", "[a-", "[]]", "[^]]+", "(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)", "%g", "$a", "a$b"}
for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    print(("%q %q"):format(s, p), try(string.find, s, p), try(string.match, s, p), try(string.find, s, p, 3),
      try(string.find, s, p, -4, true), try(string.match, s, p, -5))
    local g = {}
    local ok, err = pcall(function() for a, b in string.gmatch(s, p) do g[#g + 1] = tostring(a) .. "|" .. tostring(b) if #g > 20 then break end end end)
    print("  gmatch", ok and table.concat(g, " ") or ("ERR " .. tostring(err):gsub("^[^:]*:%d+: ", "")))
    print("  gsub", try(string.gsub, s, p, "<%0>"), try(string.gsub, s, p, "%1", 2), try(string.gsub, s, p, {hello = "HI", o = 0, l = false}),
      try(string.gsub, s, p, function(a, b) if a == "l" then return nil end return "[" .. tostring(a) .. tostring(b) .. "]" end),
      try(string.gsub, s, p, "%%%a"), try(string.gsub, s, p, 5))
  end
end
print(try(string.rep, "ab", 3), try(string.rep, "x", 0), try(string.rep, "x", -1), try(string.rep, "", 5), try(string.rep, "x", 2.7))
print(try(string.byte, "hello"), try(string.byte, "hello", 2, 4), try(string.byte, "hello", -2), try(string.byte, "hello", 0), try(string.byte, "hello", 3, 100), try(string.byte, "hello", 4, 2), try(string.byte, "", 1))
print(try(string.upper, "abc"), try(string.lower, "ABC"), try(string.reverse, "abc"), try(string.reverse, ""))
print(try(string.format, "%5.2f|%-5d|%05d|%s", 3.14159, 42, 7, "x"), try(string.format, "%100d", 1), try(string.format, "%1.100f", 1), try(string.format, "%------d", 1))
print(try(table.concat, {1, 2, 3}), try(table.concat, {1, 2, 3}, ", "), try(table.concat, {1, 2, 3}, ",", 2), try(table.concat, {1, 2, 3}, ",", 2, 3), try(table.concat, {1, {}, 3}), try(table.concat, {}, "x"), try(table.concat, {1,2,3}, ",", 3, 2), try(table.concat, {1,2}, ",", 1, 4))
print(try(unpack, {1, 2, 3}), try(unpack, {1, 2, 3}, 2), try(unpack, {1, 2, 3}, 2, 5), try(unpack, {}, 1, 0), try(unpack, {}, 1, 1e6))
local t = {5, 2, 8, 1} table.sort(t) print(table.concat(t, ","))
t = {5, 2, 8, 1} table.sort(t, function(a, b) return a > b end) print(table.concat(t, ","))
t = {1, 2, 3} table.insert(t, 2, 9) table.insert(t, 7) print(table.concat(t, ","), table.remove(t), table.remove(t, 1), table.concat(t, ","))
print(table.maxn({1, 2, [10] = 3, x = 4, [2.5] = 1}), try(table.sort, {3, "a", 1}))
