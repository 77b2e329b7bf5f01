package main

import (
	"runtime"
	"slices"
	"time"
)

// Result is one measurement, as a JSON line: a subject against a baseline
// in the same process, from runs that alternate between the two. The
// report (cmd/benchreport) reads these lines from every environment.
type Result struct {
	Env      string  `json:"env"`      // where it ran: native, wasm, node, chromium
	Name     string  `json:"name"`     // the workload
	N        int     `json:"n"`        // items per run: round trips, goroutines, ...
	Unit     string  `json:"unit"`     // of the values below
	Subject  string  `json:"subject"`  // what is measured
	Baseline string  `json:"baseline"` // what it is compared with ("" for none)
	Runs     int     `json:"runs"`
	Median   float64 `json:"median"` // subject's median
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	BaseMed  float64 `json:"baseMedian,omitempty"`
	BaseMin  float64 `json:"baseMin,omitempty"`
	BaseMax  float64 `json:"baseMax,omitempty"`
	Ratio    float64 `json:"ratio,omitempty"` // median of the per-pair ratios subject/baseline
	RatioMin float64 `json:"ratioMin,omitempty"`
	RatioMax float64 `json:"ratioMax,omitempty"`
	Target   string  `json:"target,omitempty"` // the goal, in words: "ratio ≤ 3"
}

// measureFn runs a workload once and returns its value in the result's
// unit (time per item, bytes per item, ...).
type measureFn func() float64

// compare runs subject and baseline runs times each, alternating which
// goes first, with a garbage collection before each, and summarises both
// and their per-pair ratio. One untimed run of each warms them up.
func compare(r Result, runs int, subject, baseline measureFn) Result {
	subject()
	baseline()
	var s, b, ratio []float64
	for i := range runs {
		var x, y float64
		if i%2 == 0 {
			x, y = quiet(subject), quiet(baseline)
		} else {
			y, x = quiet(baseline), quiet(subject)
		}
		s, b, ratio = append(s, x), append(b, y), append(ratio, x/y)
	}
	r.Runs = runs
	r.Median, r.Min, r.Max = summary(s)
	r.BaseMed, r.BaseMin, r.BaseMax = summary(b)
	r.Ratio, r.RatioMin, r.RatioMax = summary(ratio)
	return r
}

// single runs one measurement runs times, for workloads without a
// baseline in the process (the ratio then is to a fixed floor, if any).
func single(r Result, runs int, subject measureFn, floor float64) Result {
	subject()
	var s, ratio []float64
	for range runs {
		x := quiet(subject)
		s = append(s, x)
		if floor > 0 {
			ratio = append(ratio, x/floor)
		}
	}
	r.Runs = runs
	r.Median, r.Min, r.Max = summary(s)
	if floor > 0 {
		r.Ratio, r.RatioMin, r.RatioMax = summary(ratio)
	}
	return r
}

// quiet collects garbage, so a run does not pay for the one before it.
func quiet(f measureFn) float64 {
	runtime.GC()
	return f()
}

// summary is the median, minimum and maximum of xs.
func summary(xs []float64) (med, lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

// perItem times f and returns microseconds per item.
func perItem(n int, f func()) float64 {
	start := time.Now()
	f()
	return float64(time.Since(start).Nanoseconds()) / 1e3 / float64(n)
}
