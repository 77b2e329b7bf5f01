package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"luaplay/luamod"
)

// runOptions is the JSON form of luamod.Options that the page sends: field
// names in camelCase and durations in milliseconds, since JavaScript has no
// time.Duration. Absent fields keep luamod's defaults.
type runOptions struct {
	ChunkName      string `json:"chunkName"`
	RealTime       bool   `json:"realTime"`
	Seed           int64  `json:"seed"`
	WallTimeoutMs  int64  `json:"wallTimeoutMs"`
	MaxGoroutines  int    `json:"maxGoroutines"`
	MaxOutputBytes int    `json:"maxOutputBytes"`
	MaxEvents      int    `json:"maxEvents"`
	MaxMemory      int64  `json:"maxMemory"`
	Quantum        int    `json:"quantum"`
}

// decodeOptions turns the page's options JSON into luamod.Options. Unknown
// fields are rejected so that a misspelt option is an error, not a silent
// default. Empty input means every default.
func decodeOptions(data []byte) (luamod.Options, error) {
	var ro runOptions
	if len(bytes.TrimSpace(data)) > 0 && string(bytes.TrimSpace(data)) != "null" {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&ro); err != nil {
			return luamod.Options{}, fmt.Errorf("run options: %w", err)
		}
	}
	if ro.WallTimeoutMs < 0 || ro.WallTimeoutMs > int64(24*time.Hour/time.Millisecond) {
		return luamod.Options{}, fmt.Errorf("run options: wallTimeoutMs must be between 0 and one day")
	}
	return luamod.Options{
		ChunkName:      ro.ChunkName,
		RealTime:       ro.RealTime,
		Seed:           ro.Seed,
		WallTimeout:    time.Duration(ro.WallTimeoutMs) * time.Millisecond,
		MaxGoroutines:  ro.MaxGoroutines,
		MaxOutputBytes: ro.MaxOutputBytes,
		MaxEvents:      ro.MaxEvents,
		MaxMemory:      ro.MaxMemory,
		Quantum:        ro.Quantum,
	}, nil
}
