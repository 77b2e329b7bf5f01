package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
)

// compressCache keeps the compressed copies of the last build by content
// hash, so that rebuilding an unchanged wasm (Go builds with -trimpath are
// reproducible) skips the slow brotli pass. It lives in .build/, which git
// ignores.
type compressCache struct {
	dir  string
	mu   sync.Mutex
	used map[string]bool
}

func newCompressCache(dir string) (*compressCache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &compressCache{dir: dir, used: map[string]bool{}}, nil
}

// get returns the compressed copy of data with suffix, making and storing
// it with compress when the cache lacks it.
func (c *compressCache) get(data []byte, suffix string, compress func() ([]byte, error)) ([]byte, error) {
	if c == nil {
		return compress()
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:]) + suffix
	c.mu.Lock()
	c.used[name] = true
	c.mu.Unlock()
	path := filepath.Join(c.dir, name)
	if out, err := os.ReadFile(path); err == nil {
		return out, nil
	}
	out, err := compress()
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(c.dir, "tmp-*")
	if err != nil {
		return nil, err
	}
	_, werr := tmp.Write(out)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return nil, werr
	}
	return out, nil
}

// prune removes the entries that this build did not use.
func (c *compressCache) prune() error {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !c.used[e.Name()] {
			if err := os.Remove(filepath.Join(c.dir, e.Name())); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}
