package luamod

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// web/src/trace.ts spells the trace's vocabulary as TypeScript unions:
// event kinds, block reasons, statuses, and the reasons that wait on the
// clock. They must be exactly the Go constants.
func TestTraceVocabularyMatchesTypeScript(t *testing.T) {
	data, err := os.ReadFile("../web/src/trace.ts")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	var onClock []Reason
	for _, r := range Reasons {
		if r.OnClock() {
			onClock = append(onClock, r)
		}
	}
	for _, c := range []struct {
		name, re string
		want     []string
	}{
		{"EventKind", `export type EventKind =([^;]*);`, strs(Kinds)},
		{"BlockReason", `export type BlockReason =([^;]*);`, strs(Reasons)},
		{"RunStatus", `export type RunStatus =([^;]*);`, strs(Statuses)},
		{"EndStatus", `export type EndStatus =([^;]*);`, strs(EndStatuses)},
		{"CLOCK_REASONS", `export const CLOCK_REASONS[^=]*=([^;]*);`, strs(onClock)},
	} {
		m := regexp.MustCompile(c.re).FindStringSubmatch(src)
		if m == nil {
			t.Errorf("trace.ts has no %s", c.name)
			continue
		}
		var got []string
		for _, q := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(m[1], -1) {
			got = append(got, q[1])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("trace.ts %s is %q; luamod has %q", c.name, got, c.want)
		}
	}
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// Every reason the engine blocks with is one of the Reason constants: a
// run that blocks in each way emits no other.
func TestBlockReasonsAreKnown(t *testing.T) {
	_, rec := run(t, `
local ch = goroutine.channel()
local ctx, cancel = goroutine.context():with_cancel()
goroutine.spawn(function() ch:send(1) end)
goroutine.spawn(function() ctx:done():receive() end)
goroutine.pool_create("p", {workers = 1, rate = 1})
for i = 1, 2 do goroutine.pool_submit("p", function() http.get("u") exec.run("c") end) end
goroutine.sleep(1)
goroutine.select({{channel = goroutine.after(5), receive = true}})
print(ch:receive())
cancel()
goroutine.pool_wait("p")
`)
	seen := map[Reason]bool{}
	for _, e := range rec.Trace {
		if e.Kind == KindBlock || e.Kind == KindStuck {
			if !slices.Contains(Reasons, e.Reason) {
				t.Errorf("unknown reason %q in %+v", e.Reason, e)
			}
			seen[e.Reason] = true
		}
	}
	for _, r := range []Reason{ReasonSleep, ReasonSelect, ReasonChanSend, ReasonContext, ReasonPoolWait, ReasonPoolRate, ReasonHTTP, ReasonExec} {
		if !seen[r] {
			t.Errorf("the run never blocked on %q", r)
		}
	}
}
