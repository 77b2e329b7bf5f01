package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// writeMachine records what the numbers were measured on and with, and
// the machine's load (load says when it was read).
func writeMachine(b *strings.Builder, load string) {
	b.WriteString("## Machine and versions\n\n")
	fmt.Fprintf(b, "- CPU: %s, %d logical cores; memory %s; load average %s\n", cpuModel(), runtime.NumCPU(), memTotal(), load)
	fmt.Fprintf(b, "- %s; Node %s; %s\n", command("go", "version"), command("node", "--version"), command("/usr/bin/chromium", "--version"))
	fmt.Fprintf(b, "- gopher-lua %s; wasmoon %s; fengari %s\n\n", goModVersion("github.com/yuin/gopher-lua"), npmVersion("wasmoon"), npmVersion("fengari"))
}

func command(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return name + " (not found)"
	}
	return strings.TrimSpace(string(out))
}

// procField is the value of the first line of a /proc file that starts with key.
func procField(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func cpuModel() string { return procField("/proc/cpuinfo", "model name") }
func memTotal() string { return procField("/proc/meminfo", "MemTotal") }

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// goModVersion is the version go.mod requires of module.
func goModVersion(module string) string {
	data, _ := os.ReadFile("go.mod")
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == module {
			return f[1]
		}
	}
	return "unknown"
}

// npmVersion is the installed version of an npm package.
func npmVersion(pkg string) string {
	data, err := os.ReadFile("node_modules/" + pkg + "/package.json")
	if err != nil {
		return "not installed"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && k == `"version"` {
			return strings.Trim(strings.TrimSpace(v), `",`)
		}
	}
	return "unknown"
}
