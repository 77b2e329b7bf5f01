package luamod

import (
	"fmt"
	"strings"
)

// formatEvents renders events one per line: "t kind g [o=..] [field=..]".
func formatEvents(evs []Event) string {
	lines := make([]string, len(evs))
	for i, e := range evs {
		parts := []string{fmt.Sprint(e.T), string(e.Kind), fmt.Sprint(e.G)}
		add := func(k string, v any, zero bool) {
			if !zero {
				parts = append(parts, fmt.Sprintf("%s=%v", k, v))
			}
		}
		add("o", e.Other, e.Other == 0)
		add("line", e.Line, e.Line == 0)
		add("reason", fmt.Sprintf("%q", e.Reason), e.Reason == "")
		add("obj", fmt.Sprintf("%q", e.Object), e.Object == "")
		add("name", fmt.Sprintf("%q", e.Name), e.Name == "")
		add("group", fmt.Sprintf("%q", e.Group), e.Group == "")
		add("status", e.Status, e.Status == "")
		add("err", fmt.Sprintf("%q", e.Err), e.Err == "")
		add("from", e.From, e.From == 0)
		lines[i] = strings.Join(parts, " ")
	}
	return strings.Join(lines, "\n")
}
