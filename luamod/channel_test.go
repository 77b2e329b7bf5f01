package luamod

import (
	"context"
	"strings"
	"testing"
	"time"
)

// syncCase is a script and the exact stdout it must print.
type syncCase struct{ name, src, want string }

// expectSyncCases runs each case as a subtest with expectOutput.
func expectSyncCases(t *testing.T, cases []syncCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectOutput(t, c.src, c.want) })
	}
}

func TestChannel(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"buffered is FIFO", `
local ch = goroutine.channel(3)
print(ch:send(1), ch:send(2), ch:send(3))
print(ch:len(), ch:cap(), ch:is_closed())
for i = 1, 3 do print(ch:receive()) end
print(ch:len())`, "true\ttrue\ttrue\n3\t3\tfalse\n1\ttrue\n2\ttrue\n3\ttrue\n0\n"},
		{"unbuffered rendezvous", `
local ch = goroutine.channel()
goroutine.spawn(function()
  print("send start")
  ch:send("x")
  print("send done")
end)
goroutine.sleep(10)
print("receiving at", goroutine.now() >= 10)
print(ch:receive())
goroutine.sleep(1)`, "send start\nreceiving at\ttrue\nx\ttrue\nsend done\n"},
		{"nil and tables travel", `
local ch = goroutine.channel(2)
ch:send(nil)
ch:send({a = 1})
local v, ok = ch:receive()
print(v, ok)
v, ok = ch:receive()
print(v.a, ok)`, "nil\ttrue\n1\ttrue\n"},
		{"close twice returns false", `
local ch = goroutine.channel()
print(ch:close())
print(ch:close())
print(ch:is_closed())`, "true\nfalse\tchannel already closed\ntrue\n"},
		{"send on closed returns false", `
local ch = goroutine.channel(1)
ch:close()
print(ch:send(1))
print(ch:try_send(1))`, "false\tsend on closed channel\nfalse\tsend on closed channel\n"},
		{"closed channel drains before nil,false", `
local ch = goroutine.channel(2)
ch:send("a"); ch:send("b"); ch:close()
print(ch:receive()); print(ch:receive()); print(ch:receive()); print(ch:receive())`,
			"a\ttrue\nb\ttrue\nnil\tfalse\nnil\tfalse\n"},
		{"try operations never block", `
local ch = goroutine.channel(1)
print(ch:try_receive())
print(ch:try_send(1))
print(ch:try_send(2))
print(ch:try_receive())
local u = goroutine.channel()
print(u:try_send(1))`, "nil\tfalse\ntrue\nfalse\n1\ttrue\nfalse\n"},
		{"try_receive takes from a blocked sender", `
local u = goroutine.channel()
goroutine.spawn(function() print("sent", u:send("v")) end)
goroutine.yield()
print(u:try_receive())
goroutine.yield()`, "v\ttrue\nsent\ttrue\n"},
		{"range until closed", `
local ch = goroutine.channel()
goroutine.spawn(function()
  for i = 1, 3 do ch:send(i * 10) end
  ch:close()
end)
ch:range(function(v) print(v) end)
print("done")`, "10\n20\n30\ndone\n"},
		{"function aliases", `
local ch = goroutine.channel(2)
print(goroutine.channel_send(ch, "a"))
print(goroutine.channel_len(ch), goroutine.channel_cap(ch))
print(goroutine.channel_receive(ch))
print(goroutine.channel_close(ch))
print(goroutine.channel_receive(ch))`, "true\n1\t2\na\ttrue\ntrue\nnil\tfalse\n"},
		{"blocked sender fails when the channel closes", `
local ch = goroutine.channel()
goroutine.spawn(function() print("send:", ch:send(1)) end)
goroutine.spawn(function() print("send2:", ch:send(2)) end)
goroutine.sleep(5)
ch:close()
goroutine.sleep(5)`, "send:\tfalse\tsend on closed channel\nsend2:\tfalse\tsend on closed channel\n"},
		{"blocked receivers wake on close", `
local ch = goroutine.channel(3)
local wg = goroutine.wait_group()
for i = 1, 3 do
  wg:add()
  goroutine.spawn(function() print(i, ch:receive()); wg:done() end)
end
goroutine.sleep(5)
ch:close()
wg:wait()`, "1\tnil\tfalse\n2\tnil\tfalse\n3\tnil\tfalse\n"},
		{"full buffer blocks the sender until a receive", `
local ch = goroutine.channel(1)
ch:send(1)
goroutine.spawn(function() ch:send(2); print("second sent at", goroutine.now()) end)
goroutine.sleep(20)
print(ch:receive())
goroutine.yield()
print(ch:receive())`, "1\ttrue\nsecond sent at\t20.027\n2\ttrue\n"},
		{"after delivers the clock once", `
local t = goroutine.after(25)
print(t:receive())
print(t:try_receive())`, "25.004\ttrue\nnil\tfalse\n"},
		{"a receiver cancelled by timeout does not swallow a value", `
local ch = goroutine.channel()
print(goroutine.timeout(10, function() return ch:receive() end))
goroutine.spawn(function() ch:send("kept") end)
print(ch:receive())`, "false\ttimeout exceeded\nkept\ttrue\n"},
		{"a sender cancelled by timeout offers nothing", `
local ch = goroutine.channel()
print(goroutine.timeout(10, function() ch:send("lost") end))
print(ch:try_receive())`, "false\ttimeout exceeded\nnil\tfalse\n"},
	})
}

func TestChannelMisuse(t *testing.T) {
	for src, pattern := range map[string]string{
		`goroutine.channel(-1)`:                        `bad argument #1 to channel \(capacity must be an integer >= 0\)`,
		`goroutine.channel(1.5)`:                       `capacity must be an integer >= 0`,
		`goroutine.channel("x")`:                       `bad argument #1 to channel \(number expected, got string\)`,
		`goroutine.channel_send(5, 1)`:                 `bad argument #1 to channel_send \(goroutine.channel expected, got number\)`,
		`local ch = goroutine.channel(); ch.send(5)`:   `bad argument #1 to send \(goroutine.channel expected, got number; use a colon: ch:send\(...\)\)`,
		`goroutine.channel():range(1)`:                 `bad argument #2 to range \(function expected, got number\)`,
		`goroutine.channel_receive(goroutine.mutex())`: `goroutine.channel expected, got goroutine.mutex`,
		`goroutine.after()`:                            `bad argument #1 to after \(number expected, got nil\)`,
	} {
		expectError(t, src, pattern)
	}
}

func TestChannelDeadlockReport(t *testing.T) {
	res, rec := run(t, `local ch = goroutine.channel()
goroutine.spawn(function()
  ch:send(1)
  ch:send(2)
end)
ch:receive()
ch:receive()
ch:receive()`)
	if res.Status != StatusDeadlock {
		t.Fatalf("status %s, want deadlock", res.Status)
	}
	want := "fatal error: all goroutines are asleep - deadlock!\ngoroutine 1 (main) [chan receive on chan 1] at main.lua:8\n"
	if got := rec.Stderr.String(); got != want {
		t.Fatalf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if len(res.Stuck) != 1 || res.Stuck[0] != (Stuck{G: 1, Name: "main", Reason: "chan receive", Object: "chan 1", Line: 8}) {
		t.Fatalf("stuck: %+v", res.Stuck)
	}
}

func TestChannelLeakReport(t *testing.T) {
	res, rec := run(t, `local ch = goroutine.channel()
goroutine.spawn(function()
  goroutine.name("producer")
  ch:send(1)
end)`)
	if !res.OK() {
		t.Fatalf("status %s %s", res.Status, res.Error)
	}
	if !strings.Contains(rec.Stderr.String(), "goroutine 2 (producer) [chan send on chan 1] at main.lua:4") {
		t.Fatalf("stderr:\n%s", rec.Stderr.String())
	}
}

// TestChannelHandoffEvents shows an unbuffered handoff both ways: the
// receiver waits first, then the sender waits first. recv links the
// sender and the time of its send.
func TestChannelHandoffEvents(t *testing.T) {
	expectEvents(t, `local ch = goroutine.channel()
goroutine.spawn(function()
  ch:send("a")
  ch:send("b")
end)
local v = ch:receive()
goroutine.sleep(1)
v = ch:receive()`, `
0 spawn 1 name="main"
0 start 1
7 spawn 2 o=1 line=2
9 block 1 line=6 reason="chan receive" obj="chan 1"
9 start 2
13 unblock 1 o=2
17 block 2 line=4 reason="chan send" obj="chan 1"
17 run 1
17 recv 1 o=2 obj="chan 1" from=13
21 block 1 line=7 reason="sleep"
1021 unblock 1
1021 run 1
1023 unblock 2 o=1
1023 recv 1 o=2 obj="chan 1" from=17
1025 end 1 status=ok
1025 run 2
1026 end 2 status=ok
`)
}

// TestChannelProducersConsumers moves 2000 values through one buffered
// channel between 200 producers and 50 consumers; run it with -race.
func TestChannelProducersConsumers(t *testing.T) {
	expectOutput(t, `
local ch = goroutine.channel(8)
local results = goroutine.channel()
local producers = goroutine.wait_group()
for p = 1, 200 do
  producers:add()
  goroutine.spawn(function()
    for i = 1, 10 do ch:send(p * 100 + i) end
    producers:done()
  end)
end
for c = 1, 50 do
  goroutine.spawn(function()
    local n, sum = 0, 0
    ch:range(function(v) n = n + 1; sum = sum + v end)
    results:send({n = n, sum = sum})
  end)
end
producers:wait()
ch:close()
local n, sum = 0, 0
for c = 1, 50 do
  local r = results:receive()
  n, sum = n + r.n, sum + r.sum
end
print(n, sum)`, "2000\t20111000\n")
}

// TestChannelRunCancelled: stopping a run ends goroutines parked on
// channels and in select promptly, in real time too.
func TestChannelRunCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	rec := &Recorder{}
	res := Run(ctx, `local ch, other = goroutine.channel(), goroutine.channel()
goroutine.spawn(function() goroutine.select({{channel = other, send = 1}, {channel = goroutine.after(60000), receive = true}}) end)
ch:receive()`, Options{RealTime: true}, rec)
	if res.Status != StatusCancelled {
		t.Fatalf("status %s %s", res.Status, res.Error)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancel took %v", d)
	}
}
