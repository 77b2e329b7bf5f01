package luamod

import (
	"fmt"
	"time"
)

// Options configure one run. The zero value is valid: every limit then takes
// its default, and time is virtual.
type Options struct {
	ChunkName      string        `json:"chunkName,omitempty"`      // name in error messages; default "main.lua"
	RealTime       bool          `json:"realTime,omitempty"`       // wall clock instead of virtual time
	Seed           int64         `json:"seed,omitempty"`           // seeds math.random and select
	WallTimeout    time.Duration `json:"wallTimeout,omitempty"`    // default 10s
	MaxGoroutines  int           `json:"maxGoroutines,omitempty"`  // live goroutines; default 10000
	MaxOutputBytes int           `json:"maxOutputBytes,omitempty"` // default 1 MiB
	MaxEvents      int           `json:"maxEvents,omitempty"`      // trace events; default 500000
	MaxMemory      int64         `json:"maxMemory,omitempty"`      // heap bytes; default 512 MiB
	Quantum        int           `json:"quantum,omitempty"`        // VM instructions per slice; default 10000
}

// Defaults of Options, documented in the README.
const (
	DefaultChunkName      = "main.lua"
	DefaultWallTimeout    = 10 * time.Second
	DefaultMaxGoroutines  = 10000
	DefaultMaxOutputBytes = 1 << 20
	DefaultMaxEvents      = 500000
	DefaultMaxMemory      = 512 << 20
	DefaultQuantum        = 10000
	// InstructionCost is how far one Lua VM instruction advances the virtual
	// clock, so computation has a visible width on the timeline.
	InstructionCost = time.Microsecond
)

// withDefaults fills in zero fields and rejects negative ones.
func (o Options) withDefaults() (Options, error) {
	if o.WallTimeout < 0 || o.MaxGoroutines < 0 || o.MaxOutputBytes < 0 || o.MaxEvents < 0 || o.MaxMemory < 0 || o.Quantum < 0 {
		return o, fmt.Errorf("run options: limits must not be negative")
	}
	if o.ChunkName == "" {
		o.ChunkName = DefaultChunkName
	}
	if o.WallTimeout == 0 {
		o.WallTimeout = DefaultWallTimeout
	}
	if o.MaxGoroutines == 0 {
		o.MaxGoroutines = DefaultMaxGoroutines
	}
	if o.MaxOutputBytes == 0 {
		o.MaxOutputBytes = DefaultMaxOutputBytes
	}
	if o.MaxEvents == 0 {
		o.MaxEvents = DefaultMaxEvents
	}
	if o.MaxMemory == 0 {
		o.MaxMemory = DefaultMaxMemory
	}
	if o.Quantum == 0 {
		o.Quantum = DefaultQuantum
	}
	return o, nil
}
