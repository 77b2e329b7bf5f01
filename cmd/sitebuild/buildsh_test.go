package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildScript runs ../../build.sh with args in a copy of the repository's
// top level that holds only the script and the npm manifests, with go, npm, npx,
// apt-get and sudo replaced by stubs that log their arguments; npm ci
// exits with npmStatus. It returns the log and whether the script
// succeeded. The browser is never found (LP_CHROMIUM points nowhere).
func buildScript(t *testing.T, npmStatus string, args ...string) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir, stubs := t.TempDir(), t.TempDir()
	script, err := os.ReadFile("../../build.sh")
	if err != nil {
		t.Fatal(err)
	}
	write := func(path, body string, mode os.FileMode) {
		if err := os.WriteFile(path, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "build.sh"), string(script), 0o755)
	write(filepath.Join(dir, "package.json"), "{}", 0o644)
	write(filepath.Join(dir, "package-lock.json"), "{}", 0o644)
	logFile := filepath.Join(stubs, "log")
	for _, name := range []string{"go", "npm", "npx", "apt-get", "sudo"} {
		body := "#!/bin/sh\necho \"" + name + " $*\" >> " + logFile + "\n"
		if name == "npm" {
			body += "[ \"$1\" = ci ] && exit " + npmStatus + "\n"
		}
		write(filepath.Join(stubs, name), body+"exit 0\n", 0o755)
	}
	cmd := exec.Command("bash", append([]string{filepath.Join(dir, "build.sh")}, args...)...)
	cmd.Env = append(os.Environ(), "PATH="+stubs+":/usr/bin:/bin", "LP_CHROMIUM="+filepath.Join(dir, "no-chromium"))
	out, err := cmd.CombinedOutput()
	log, _ := os.ReadFile(logFile)
	t.Logf("build.sh %v: %s", args, out)
	return string(log), err == nil
}

// TestBuildScriptServeAndBuildNeedOnlyGoAndNode keeps the README's promise:
// serve and build install npm packages with npm ci and never a browser.
func TestBuildScriptServeAndBuildNeedOnlyGoAndNode(t *testing.T) {
	for _, cmd := range []string{"build", "serve"} {
		log, ok := buildScript(t, "0", cmd)
		if !ok {
			t.Errorf("%s failed; calls:\n%s", cmd, log)
		}
		if !strings.Contains(log, "npm ci") || !strings.Contains(log, "go run ./cmd/sitebuild") {
			t.Errorf("%s: want npm ci then go run ./cmd/sitebuild; calls:\n%s", cmd, log)
		}
		if strings.Contains(log, "apt-get") || strings.Contains(log, "sudo") {
			t.Errorf("%s installs a browser; calls:\n%s", cmd, log)
		}
	}
}

// TestBuildScriptNpmCIIsStrict: when npm ci refuses (a lockfile that drifts
// from package.json), the script fails instead of running npm install.
func TestBuildScriptNpmCIIsStrict(t *testing.T) {
	log, ok := buildScript(t, "1", "build")
	if ok {
		t.Errorf("build succeeded although npm ci failed; calls:\n%s", log)
	}
	if strings.Contains(log, "npm install") || strings.Contains(log, "go run") {
		t.Errorf("build went on after npm ci failed; calls:\n%s", log)
	}
}

// TestBuildScriptTestInstallsTheBrowser: only the tests need Chromium.
func TestBuildScriptTestInstallsTheBrowser(t *testing.T) {
	log, _ := buildScript(t, "0", "test")
	if !strings.Contains(log, "apt-get install -y -qq chromium") {
		t.Errorf("test did not install a missing Chromium; calls:\n%s", log)
	}
}
