package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Result is cmd/luabench's Result, as read back from its JSON line.
type Result struct {
	Env      string  `json:"env"`
	Name     string  `json:"name"`
	N        int     `json:"n"`
	Unit     string  `json:"unit"`
	Subject  string  `json:"subject"`
	Baseline string  `json:"baseline"`
	Runs     int     `json:"runs"`
	Median   float64 `json:"median"`
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	BaseMed  float64 `json:"baseMedian"`
	BaseMin  float64 `json:"baseMin"`
	BaseMax  float64 `json:"baseMax"`
	Ratio    float64 `json:"ratio"`
	RatioMin float64 `json:"ratioMin"`
	RatioMax float64 `json:"ratioMax"`
	Target   string  `json:"target"`
}

// readResults reads every line of the files in dir that is a Result.
func readResults(dir string) ([]Result, error) {
	var all []Result
	err := eachLine(dir, func(line []byte) {
		var r Result
		if json.Unmarshal(line, &r) == nil && r.Name != "" && r.Runs > 0 {
			all = append(all, r)
		}
	})
	if err == nil && len(all) == 0 {
		err = fmt.Errorf("no results in %s", dir)
	}
	return all, err
}

// eachLine calls fn with every line of the files in dir, in the files'
// order by name, that may be a JSON object.
func eachLine(dir string, fn func(line []byte)) error {
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, name := range files {
		if err := eachLineOf(name, fn); err != nil {
			return err
		}
	}
	return nil
}

func eachLineOf(name string, fn func(line []byte)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); bytes.HasPrefix(line, []byte("{")) {
			fn(line)
		}
	}
	return sc.Err()
}

// writeTargets is the table of every result that has a target.
func writeTargets(b *strings.Builder, rs []Result, sizes sizeReport) {
	b.WriteString("## Targets\n\nRatios are medians of per-pair ratios from runs alternating in one process; [min–max] over the runs.\n\n")
	b.WriteString("| where | measure | n | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range rs {
		if r.Target == "" {
			continue
		}
		fmt.Fprintf(b, "| %s | %s: %s | %d | %s | %s | %s | %s | %s |\n", r.Env, r.Name, r.Subject, r.N, value(r), baseline(r), ratio(r), r.Target, metWord(met(r)))
	}
	fmt.Fprintf(b, "| browser | page download: bytes sent to first output (brotli) | | %s | wasmoon %s | %.2f× | ≤ 1.1 MiB | %s |\n\n", kib(sizes.page), kib(sizes.wasmoon), float64(sizes.page)/float64(sizes.wasmoon), metWord(yesNo(float64(sizes.page) <= 1.1*(1<<20))))
}

// met reads a result's target ("ratio ≤ 3", "≤ 8 KiB", "≤ 100 ms") and
// says whether the median meets it: "" when the target is of another form.
func met(r Result) string {
	var limit float64
	var unit string
	if rest, ok := strings.CutPrefix(r.Target, "ratio ≤ "); ok {
		if _, err := fmt.Sscan(rest, &limit); err != nil {
			return ""
		}
		return yesNo(r.Ratio <= limit)
	}
	rest, ok := strings.CutPrefix(r.Target, "≤ ")
	if !ok {
		return ""
	}
	if _, err := fmt.Sscan(rest, &limit, &unit); err != nil {
		return ""
	}
	switch {
	case unit == "KiB" && strings.HasPrefix(r.Unit, "bytes"):
		return yesNo(r.Median <= limit*1024)
	case strings.HasPrefix(r.Unit, unit):
		return yesNo(r.Median <= limit)
	}
	return ""
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

// metWord shows a missed target in bold.
func metWord(m string) string {
	if m == "no" {
		return "**no**"
	}
	return m
}

// writeAll lists every result, grouped by where it ran.
func writeAll(b *strings.Builder, rs []Result) {
	b.WriteString("## All results\n")
	env := ""
	for _, r := range rs {
		if r.Env != env {
			env = r.Env
			fmt.Fprintf(b, "\n### %s\n\n| measure | n | value | baseline | ratio |\n|---|---|---|---|---|\n", env)
		}
		fmt.Fprintf(b, "| %s: %s | %d | %s | %s | %s |\n", r.Name, r.Subject, r.N, value(r), baseline(r), ratio(r))
	}
}

func value(r Result) string {
	return fmt.Sprintf("%s %s [%s–%s] (%d runs)", num(r.Median), r.Unit, num(r.Min), num(r.Max), r.Runs)
}

func baseline(r Result) string {
	if r.BaseMed == 0 {
		return r.Baseline
	}
	return fmt.Sprintf("%s %s [%s–%s]", r.Baseline, num(r.BaseMed), num(r.BaseMin), num(r.BaseMax))
}

func ratio(r Result) string {
	if r.Ratio == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f× [%.2f–%.2f]", r.Ratio, r.RatioMin, r.RatioMax)
}

// num writes x with three significant digits.
func num(x float64) string {
	switch {
	case x >= 100 || x <= -100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10 || x <= -10:
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}
