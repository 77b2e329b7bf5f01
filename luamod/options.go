package luamod

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"luaplay/luamod/wire"
)

// Options configure one run. The zero value is valid: every limit then takes
// its default, and time is virtual.
//
// This is the one definition of the run options: the page sends their JSON
// form (DecodeOptions; web/src/protocol.ts mirrors it, and a test keeps the
// two in step), the native runner sets them from its flags.
type Options struct {
	ChunkName      string `json:"chunkName,omitempty"`      // name in error messages; default "main.lua"
	RealTime       bool   `json:"realTime,omitempty"`       // wall clock instead of virtual time
	Seed           int64  `json:"seed,omitempty"`           // seeds math.random and select
	WallTimeout    Millis `json:"wallTimeoutMs,omitempty"`  // default 10s
	GracePeriod    Millis `json:"gracePeriodMs,omitempty"`  // run clock after main ends; default 10s
	MaxGoroutines  int    `json:"maxGoroutines,omitempty"`  // live goroutines; default 10000
	MaxOutputBytes int    `json:"maxOutputBytes,omitempty"` // default 1 MiB
	MaxEvents      int    `json:"maxEvents,omitempty"`      // trace events; default 500000
	MaxMemory      int64  `json:"maxMemory,omitempty"`      // heap bytes; default 512 MiB
	Quantum        int    `json:"quantum,omitempty"`        // VM instructions per slice; default 10000
}

// Defaults of Options, documented in the README.
const (
	DefaultChunkName      = "main.lua"
	DefaultWallTimeout    = Millis(10 * time.Second)
	DefaultGracePeriod    = Millis(10 * time.Second)
	DefaultMaxGoroutines  = 10000
	DefaultMaxOutputBytes = 1 << 20
	DefaultMaxEvents      = 500000
	DefaultMaxMemory      = 512 << 20
	DefaultQuantum        = 10000
	// InstructionCost is how far one Lua VM instruction advances the virtual
	// clock, so computation has a visible width on the timeline.
	InstructionCost = time.Microsecond
)

// maxMillis bounds the durations of Options: one day.
const maxMillis = Millis(24 * time.Hour)

// Millis is a time.Duration that JSON carries as a whole number of
// milliseconds, the unit of the page and of scripts.
type Millis time.Duration

func (m Millis) String() string { return time.Duration(m).String() }

func (m Millis) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, time.Duration(m).Milliseconds(), 10), nil
}

// UnmarshalJSON is DecodeJSON for encoding/json.
func (m *Millis) UnmarshalJSON(data []byte) error { return m.DecodeJSON(data) }

// DecodeJSON reads a whole number of milliseconds; null is zero.
func (m *Millis) DecodeJSON(data []byte) error {
	var ms int64
	if string(data) != "null" {
		n, err := strconv.ParseInt(string(data), 10, 64)
		if err != nil {
			what := "number " + string(data)
			if c := data[0]; c != '-' && (c < '0' || c > '9') {
				what = "a value other than a number"
			}
			return fmt.Errorf("json: cannot unmarshal %s into a whole number of milliseconds", what)
		}
		ms = n
	}
	if ms < 0 || ms > int64(maxMillis/Millis(time.Millisecond)) {
		return fmt.Errorf("%d ms is not between 0 and one day", ms)
	}
	*m = Millis(time.Duration(ms) * time.Millisecond)
	return nil
}

// DecodeOptions reads the JSON form of Options that the page sends.
// Unknown fields are rejected, so a misspelt option is an error, not a
// silent default. Empty input and null mean every default.
func DecodeOptions(data []byte) (Options, error) {
	var o Options
	if data = bytes.TrimSpace(data); len(data) == 0 || string(data) == "null" {
		return o, nil
	}
	if err := wire.UnmarshalStrict(data, &o); err != nil {
		return Options{}, fmt.Errorf("run options: %w", err)
	}
	return o, nil
}

// withDefaults fills in zero fields and rejects negative ones.
func (o Options) withDefaults() (Options, error) {
	if o.WallTimeout < 0 || o.GracePeriod < 0 || o.MaxGoroutines < 0 || o.MaxOutputBytes < 0 ||
		o.MaxEvents < 0 || o.MaxMemory < 0 || o.Quantum < 0 {
		return o, fmt.Errorf("run options: limits must not be negative")
	}
	if o.WallTimeout > maxMillis || o.GracePeriod > maxMillis {
		return o, fmt.Errorf("run options: wall timeout and grace period must be at most one day")
	}
	if o.ChunkName == "" {
		o.ChunkName = DefaultChunkName
	}
	setDefault(&o.WallTimeout, DefaultWallTimeout)
	setDefault(&o.GracePeriod, DefaultGracePeriod)
	setDefault(&o.MaxGoroutines, DefaultMaxGoroutines)
	setDefault(&o.MaxOutputBytes, DefaultMaxOutputBytes)
	setDefault(&o.MaxEvents, DefaultMaxEvents)
	setDefault(&o.MaxMemory, DefaultMaxMemory)
	setDefault(&o.Quantum, DefaultQuantum)
	return o, nil
}

// setDefault sets *v to def when it is zero.
func setDefault[T comparable](v *T, def T) {
	var zero T
	if *v == zero {
		*v = def
	}
}
