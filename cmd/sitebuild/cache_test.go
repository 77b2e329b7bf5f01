package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestCompressCacheReusesAndPrunes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	calls := 0
	compress := func() ([]byte, error) { calls++; return []byte("zipped"), nil }
	for range 2 {
		c, err := newCompressCache(dir)
		if err != nil {
			t.Fatal(err)
		}
		out, err := c.get([]byte("data"), ".br", compress)
		if err != nil || !bytes.Equal(out, []byte("zipped")) {
			t.Fatalf("get: %q, %v", out, err)
		}
		if err := c.prune(); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 {
		t.Fatalf("compressed %d times, want once", calls)
	}
	c, _ := newCompressCache(dir)
	if _, err := c.get([]byte("other"), ".br", compress); err != nil {
		t.Fatal(err)
	}
	if err := c.prune(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("cache holds %d entries after prune, want 1", len(entries))
	}
}
