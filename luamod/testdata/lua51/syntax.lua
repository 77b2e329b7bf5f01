-- Syntax errors of chunks compiled by loadstring, each printed as
-- loadstring returns it. syntax.want is what Lua 5.1.5 prints for this
-- script named main.lua (cp syntax.lua main.lua && lua5.1 main.lua >
-- syntax.want). Left out: what gopher-lua's parser takes and Lua 5.1
-- refuses (see gopherAccepts in syntaxcheck_test.go).
local chunks = {
  "if x then print(1)",
  "if x then\n  print(1)\n",
  "if x print(1) end",
  "print(\"hello)",
  "local x = = 1",
  "for i = 1, 10 print(i) end",
  "x = {1, 2",
  "x = {\n  1, 2\n",
  "local function() end",
  "goroutine.spawn(function()\n  print(1)\nend",
  "local t = {a = 1 b = 2}",
  "--[[ unclosed",
  "x = [=[\nnever\nclosed",
  "function f()\n  while true do\n    repeat\n      x = 1\n    until x\n  end\n",
  "function f()\n  for i = 1, 2 do\n    if i then\n  end\nend",
  "do do do end end",
  "repeat until",
  "local a, = 1",
  "x = f(1, 2",
  "x = t.f(\n1,\n2,\n",
  "x = {[1 = 2}",
  "x = {a = }",
  "return return",
  "break",
  "while x do\n  local g = function()\n    break\n  end\nend",
  "function f(a, b) return ... end",
  "function f(a b) end",
  "x = 1 2",
  "x = 0x",
  "x = 5..",
  "x = 'new\nline'",
  "x = [==[ abc ]=]",
  "x = [=",
  "goto skip",
  "local s = 'ok' .. = 1",
  "f(a)(b) = 1",
  "a.b, c[1], d() = 1, 2, 3",
  "x = function(a, ...)\n  return function() return ... end\nend",
  "local t = {\n  name = \"x\",\n  f = function() end\n  g = 2,\n}",
}
for _, chunk in ipairs(chunks) do
  print(select(2, loadstring(chunk)))
end
print(select(2, loadstring("x = = 1", "=named")))
print(select(2, loadstring("if x then", "@file.lua")))
