package docsite

import (
	"os"
	"testing"
)

// TestReadmeAPISection wants the README's API section to be what the
// reference writes; -update rewrites it.
func TestReadmeAPISection(t *testing.T) {
	ref, err := LoadReference(repo.Reference)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReplaceReadmeSection(string(data), ref.ReadmeSection())
	if err != nil {
		t.Fatal(err)
	}
	if want == string(data) {
		return
	}
	if !*update {
		t.Fatal("README.md's API section is not what web/src/api.json says; go test ./docsite -run Readme -update rewrites it")
	}
	if err := os.WriteFile("../README.md", []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
}
