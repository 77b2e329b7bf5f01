package main

import (
	"fmt"

	"luaplay/luamod"
	"luaplay/luamod/wire"
)

// chromeTrace converts a trace as the page holds it (the JSON of a
// luamod.Trace) to the Chrome trace-event format, for the page's export.
// A trace of another format version is refused rather than misread.
func chromeTrace(data []byte) ([]byte, error) {
	var tr luamod.Trace
	if err := wire.Unmarshal(data, &tr); err != nil {
		return nil, fmt.Errorf("chromeTrace: %w", err)
	}
	if tr.Version != luamod.TraceVersion {
		return nil, fmt.Errorf("chromeTrace: trace version %d, want %d", tr.Version, luamod.TraceVersion)
	}
	return luamod.ChromeTrace(tr)
}
