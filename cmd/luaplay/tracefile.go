package main

import (
	"encoding/json"
	"fmt"
	"os"

	"luaplay/luamod"
)

// writeTraces writes the files -trace and -chrome-trace ask for. They are
// written whatever the run's outcome: a failed run's trace shows why.
func writeTraces(c config, tr luamod.Trace) error {
	if c.traceFile != "" {
		b, err := json.Marshal(tr)
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.traceFile, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("writing -trace: %w", err)
		}
	}
	if c.chromeFile != "" {
		b, err := luamod.ChromeTrace(tr)
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.chromeFile, b, 0o644); err != nil {
			return fmt.Errorf("writing -chrome-trace: %w", err)
		}
	}
	return nil
}
