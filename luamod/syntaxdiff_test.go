package luamod

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSyntaxCheckAgreesWithLua51 compares checkSyntax with lua5.1 itself,
// when it is installed, on chunks made by mutating syntaxCases and the
// shipped examples: bytes and tokens inserted, bytes deleted, the end cut.
// Chunks that start with Lua's precompiled signature (ESC) are left out:
// Lua 5.1 loads them as bytecode.
func TestSyntaxCheckAgreesWithLua51(t *testing.T) {
	lua, err := exec.LookPath("lua5.1")
	if err != nil {
		t.Skip("lua5.1 is not installed")
	}
	chunks := mutatedChunks(t, 5000)
	var in bytes.Buffer
	for _, c := range chunks {
		in.WriteString(strconv.Itoa(len(c)) + "\n" + c)
	}
	cmd := exec.Command(lua, "-e", `local d, i, out = io.read("*a"), 1, {}
while i <= #d do
  local nl = d:find("\n", i, true)
  local s = d:sub(nl + 1, nl + tonumber(d:sub(i, nl - 1)))
  i = nl + #s + 1
  local _, e = loadstring(s, "@main.lua")
  out[#out + 1] = #(e or "") .. "\n" .. (e or "")
end
io.write(table.concat(out))`)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	rest, differ := string(out), 0
	for _, c := range chunks {
		nl := strings.IndexByte(rest, '\n')
		n, _ := strconv.Atoi(rest[:nl])
		want := rest[nl+1 : nl+1+n]
		rest = rest[nl+1+n:]
		if got := checkSyntax(c, "main.lua"); got != want && !strings.HasPrefix(c, "\x1b") {
			if differ++; differ <= 10 {
				t.Errorf("checkSyntax(%q)\n got %q\nwant %q", c, got, want)
			}
		}
	}
}

// mutatedChunks makes n chunks from syntaxCases and the examples.
func mutatedChunks(t *testing.T, n int) []string {
	var seeds []string
	for _, c := range syntaxCases {
		seeds = append(seeds, c.src)
	}
	files, _ := filepath.Glob("../web/examples/*.lua")
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	tokens := strings.Fields(`end do then if else elseif function local return break for in while repeat until
		( ) { } [ ] [[ ]] [=[ ]=] " ' -- --[[ = == , ; : . .. ... 0x 1e \ \9 \300 x 1 .5 # - not and ^ ~ ~= @ nil`)
	tokens = append(tokens, "\n", "\r", " ", "\x00")
	r := rand.New(rand.NewSource(1))
	chunks := make([]string, n)
	for i := range chunks {
		s := seeds[r.Intn(len(seeds))]
		if len(s) > 400 {
			at := r.Intn(len(s) - 300)
			s = s[at : at+300]
		}
		for k := r.Intn(8) + 1; k > 0; k-- {
			at := r.Intn(len(s) + 1)
			switch r.Intn(4) {
			case 0:
				s = s[:at] + tokens[r.Intn(len(tokens))] + s[at:]
			case 1:
				s = s[:at] + s[min(len(s), at+r.Intn(5)+1):]
			case 2:
				if r.Intn(4) == 0 {
					s = s[:at]
				}
			case 3:
				s = s[:at] + string([]byte{byte(r.Intn(256))}) + s[at:]
			}
		}
		chunks[i] = s
	}
	return chunks
}
