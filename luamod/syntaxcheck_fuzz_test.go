package luamod

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// FuzzSyntaxCheck feeds arbitrary bytes to checkSyntax: whatever the
// chunk, it must end, without a panic, with no error or one in the
// "chunk:line: message" form. The corpus starts from the malformed
// chunks of syntaxCases and the shipped examples.
func FuzzSyntaxCheck(f *testing.F) {
	for _, c := range syntaxCases {
		f.Add(c.src)
	}
	files, _ := filepath.Glob("../web/examples/*.lua")
	for _, path := range files {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		done, crashed := make(chan string, 1), make(chan string, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					crashed <- fmt.Sprintf("%v\n%s", r, debug.Stack())
				}
			}()
			done <- checkSyntax(src, "main.lua")
		}()
		select {
		case msg := <-done:
			if msg != "" && !strings.HasPrefix(msg, "main.lua:") {
				t.Fatalf("checkSyntax(%q) = %q", src, msg)
			}
		case stack := <-crashed:
			t.Fatalf("checkSyntax panicked on %q: %s", src, stack)
		case <-time.After(10 * time.Second):
			t.Fatalf("checkSyntax still going after 10 s: %q", src)
		}
	})
}
