// The Lua API as the editor explains it: one entry per call of SPEC.md, with
// its signature and one line of doc. Completion and hover help read only this.

/** One documented call. */
export interface ApiEntry {
  /** What follows the prefix: "spawn" for goroutine.spawn, "send" for ch:send. */
  name: string;
  /** The call as a script writes it, with what it returns. */
  signature: string;
  doc: string;
}

/** Functions of the goroutine module, completed after `goroutine.`. */
export const goroutineApi: readonly ApiEntry[] = [
  { name: "spawn", signature: "goroutine.spawn(fn, ...) → id", doc: "Runs fn(...) in a new goroutine and returns its id." },
  { name: "spawn_many", signature: "goroutine.spawn_many(n, fn)", doc: "Runs fn(i) for i = 1..n, each in a new goroutine." },
  { name: "wait_group", signature: "goroutine.wait_group() → wg", doc: "A counter to wait on: wg:add(delta=1), wg:done(), wg:wait()." },
  { name: "async", signature: "goroutine.async(fn, ...) → handle", doc: "Runs fn(...) in a goroutine whose result handle:await() collects." },
  { name: "await", signature: "goroutine.await(h) → true, ... | false, err", doc: "Waits for an async handle; may be called again for the same result." },
  { name: "await_all", signature: "goroutine.await_all(list) → {{success, values | error}, ...}", doc: "Awaits every handle of list, results in list order." },
  { name: "sleep", signature: "goroutine.sleep(ms)", doc: "Blocks the calling goroutine only, for ms milliseconds of run clock." },
  { name: "timeout", signature: "goroutine.timeout(ms, fn) → true, ... | false, err", doc: "Runs fn with a deadline; on timeout returns false, \"timeout exceeded\" and cancels it." },
  { name: "pool_create", signature: "goroutine.pool_create(name, {workers=4, queue, rate}) → true", doc: "Creates a worker pool; a same-named pool is closed and replaced." },
  { name: "pool_submit", signature: "goroutine.pool_submit(name, fn, ...) → task id | nil, msg", doc: "Queues fn(...) on the pool; fails when the pool is missing, full or closed." },
  { name: "pool_wait", signature: "goroutine.pool_wait(name) → true | false, msg", doc: "Waits for every task submitted so far; the pool stays usable." },
  { name: "pool_close", signature: "goroutine.pool_close(name) → bool", doc: "Closes the pool: queued tasks are dropped, running ones finish." },
  { name: "pool_stats", signature: "goroutine.pool_stats(name) → {name, workers, active, queued, completed, failed} | nil", doc: "Counts the pool's tasks." },
  { name: "channel", signature: "goroutine.channel(cap=0) → ch", doc: "A Go channel of any Lua value; cap 0 is unbuffered." },
  { name: "channel_send", signature: "goroutine.channel_send(ch, v) → true | false, msg", doc: "Same as ch:send(v)." },
  { name: "channel_receive", signature: "goroutine.channel_receive(ch) → v, true | nil, false", doc: "Same as ch:receive()." },
  { name: "channel_close", signature: "goroutine.channel_close(ch) → true | false, msg", doc: "Same as ch:close()." },
  { name: "channel_len", signature: "goroutine.channel_len(ch) → n", doc: "Same as ch:len(): values waiting in the buffer." },
  { name: "channel_cap", signature: "goroutine.channel_cap(ch) → n", doc: "Same as ch:cap(): the buffer size." },
  { name: "select", signature: "goroutine.select(cases) → i, ...", doc: "Waits until one case is ready and runs its handler; {default=true} makes it non-blocking." },
  { name: "select_timeout", signature: "goroutine.select_timeout(ms, cases) → true, nil | false, i", doc: "select that gives up after ms: true on timeout, else the 0-based case index." },
  { name: "mutex", signature: "goroutine.mutex() → mu", doc: "A lock: mu:lock(), mu:unlock(), mu:try_lock()." },
  { name: "rwmutex", signature: "goroutine.rwmutex() → rw", doc: "Many readers or one writer: lock, unlock, rlock, runlock, try_lock, try_rlock." },
  { name: "semaphore", signature: "goroutine.semaphore(n) → sem", doc: "n permits: acquire, release, try_acquire, available, capacity." },
  { name: "atomic_int", signature: "goroutine.atomic_int(v=0) → a", doc: "An integer updated without locks: add, load, store, swap, compare_and_swap." },
  { name: "once", signature: "goroutine.once() → o", doc: "o:call(fn) runs fn at most once; its error reaches the caller." },
  { name: "cond", signature: "goroutine.cond() → c", doc: "A condition variable: wait, signal, broadcast, get_mutex." },
  { name: "context", signature: "goroutine.context() → ctx", doc: "A root context: with_cancel, with_timeout, with_deadline, done, err." },
  { name: "pipeline", signature: "goroutine.pipeline(in, {{fn=f, workers=n}, ...}) → out", doc: "Connects stages with channels; a stage returning nil drops the item." },
  { name: "fan_out", signature: "goroutine.fan_out(in, n) → {ch1, ..., chn}", doc: "Spreads in's values over n channels, each value to exactly one." },
  { name: "fan_in", signature: "goroutine.fan_in(chs) → out", doc: "Merges channels into one, closed when every input is closed." },
  { name: "id", signature: "goroutine.id() → id", doc: "The id of the calling goroutine; main is 1." },
  { name: "name", signature: "goroutine.name(label)", doc: "Names the calling goroutine on the timeline and in reports." },
  { name: "now", signature: "goroutine.now() → ms", doc: "The run clock in milliseconds (virtual or real time)." },
  { name: "yield", signature: "goroutine.yield()", doc: "Lets the other runnable goroutines run first." },
  { name: "after", signature: "goroutine.after(ms) → ch", doc: "A channel that receives once after ms: the timeout case of select." },
  { name: "mark", signature: "goroutine.mark(label)", doc: "Puts an instant annotation on the timeline." },
];

/** Methods of the module's objects, completed after `:`. */
export const methodApi: readonly ApiEntry[] = [
  { name: "send", signature: "ch:send(v) → true | false, msg", doc: "Sends v, waiting for room; false when the channel is closed." },
  { name: "receive", signature: "ch:receive() → v, true | nil, false", doc: "Receives a value; nil, false once closed and drained." },
  { name: "try_send", signature: "ch:try_send(v) → bool[, msg]", doc: "Sends only if that needs no waiting." },
  { name: "try_receive", signature: "ch:try_receive() → v, true | nil, false", doc: "Receives only if a value is ready." },
  { name: "close", signature: "ch:close() → true | false, msg", doc: "Closes the channel: receivers drain it, senders fail." },
  { name: "len", signature: "ch:len() → n", doc: "Values waiting in the buffer." },
  { name: "cap", signature: "ch:cap() → n", doc: "The buffer size." },
  { name: "is_closed", signature: "ch:is_closed() → bool", doc: "Whether close was called." },
  { name: "range", signature: "ch:range(fn)", doc: "Calls fn(v) for each value until the channel is closed." },
  { name: "add", signature: "wg:add(delta=1) | a:add(d) → new", doc: "Wait group: adds to the counter. Atomic: adds and returns the new value." },
  { name: "done", signature: "wg:done() | h:done() → bool | ctx:done() → ch", doc: "Wait group: one finished. Handle: has it ended? Context: its done channel." },
  { name: "wait", signature: "wg:wait() | c:wait()", doc: "Blocks until the wait group's counter is zero, or until the cond is signalled." },
  { name: "await", signature: "h:await() → true, ... | false, err", doc: "Waits for the async goroutine's result." },
  { name: "lock", signature: "mu:lock()", doc: "Takes the lock, waiting until it is free." },
  { name: "unlock", signature: "mu:unlock()", doc: "Releases the lock; raises when it is not held." },
  { name: "try_lock", signature: "mu:try_lock() → bool", doc: "Takes the lock only if it is free." },
  { name: "rlock", signature: "rw:rlock()", doc: "Takes a read lock; many readers may hold it at once." },
  { name: "runlock", signature: "rw:runlock()", doc: "Releases a read lock." },
  { name: "try_rlock", signature: "rw:try_rlock() → bool", doc: "Takes a read lock only if no writer holds the lock." },
  { name: "acquire", signature: "sem:acquire()", doc: "Takes a permit, waiting until one is free." },
  { name: "release", signature: "sem:release()", doc: "Returns a permit; raises above capacity." },
  { name: "try_acquire", signature: "sem:try_acquire() → bool", doc: "Takes a permit only if one is free." },
  { name: "available", signature: "sem:available() → n", doc: "Free permits." },
  { name: "capacity", signature: "sem:capacity() → n", doc: "Total permits." },
  { name: "load", signature: "a:load() → v", doc: "Reads the atomic integer." },
  { name: "store", signature: "a:store(v)", doc: "Sets the atomic integer." },
  { name: "swap", signature: "a:swap(v) → old", doc: "Sets the value and returns the previous one." },
  { name: "compare_and_swap", signature: "a:compare_and_swap(old, new) → bool", doc: "Sets new only if the value is old." },
  { name: "call", signature: "o:call(fn)", doc: "Runs fn the first time only." },
  { name: "signal", signature: "c:signal()", doc: "Wakes one goroutine waiting on the cond." },
  { name: "broadcast", signature: "c:broadcast()", doc: "Wakes every goroutine waiting on the cond." },
  { name: "get_mutex", signature: "c:get_mutex() → mu", doc: "The mutex a cond waiter must hold." },
  { name: "with_cancel", signature: "ctx:with_cancel() → child, cancel", doc: "A child context and the function that cancels it." },
  { name: "with_timeout", signature: "ctx:with_timeout(ms) → child", doc: "A child context cancelled after ms." },
  { name: "with_deadline", signature: "ctx:with_deadline(ms) → child", doc: "A child context cancelled at run-clock time ms." },
  { name: "cancel", signature: "ctx:cancel()", doc: "Cancels the context and its children." },
  { name: "is_cancelled", signature: "ctx:is_cancelled() → bool", doc: "Whether the context has ended." },
  { name: "err", signature: "ctx:err() → msg | nil", doc: "\"context canceled\", \"context deadline exceeded\" or nil." },
  { name: "deadline", signature: "ctx:deadline() → ms | nil", doc: "When the context ends by itself, if it does." },
];

/** sloth-runner globals, completed after `log.`, `workflow.` or as words. */
export const slothApi: readonly ApiEntry[] = [
  { name: "log.info", signature: "log.info(msg)", doc: "Writes one INFO line to the output." },
  { name: "log.warn", signature: "log.warn(msg)", doc: "Writes one WARN line to the output." },
  { name: "log.error", signature: "log.error(msg)", doc: "Writes one ERROR line to the output." },
  { name: "log.debug", signature: "log.debug(msg)", doc: "Writes one DEBUG line to the output." },
  { name: "log.print", signature: "log.print(...)", doc: "Writes its arguments as one line." },
  { name: "log.table", signature: "log.table(t, title)", doc: "Writes a table's fields under a title." },
  { name: "task", signature: "task(name) → builder", doc: "A sloth-runner task: :description, :command, :depends_on, ..., :build()." },
  { name: "workflow.define", signature: "workflow.define(name, {description, tasks})", doc: "Defines a workflow whose tasks run, in order, after the script returns." },
];

/** lookup finds the entry for `prefix` + name ("goroutine.", ":", "log." ...). */
export function lookup(prefix: string, name: string): ApiEntry | undefined {
  if (prefix === "goroutine.") return goroutineApi.find((e) => e.name === name);
  if (prefix === ":") return methodApi.find((e) => e.name === name);
  const full = prefix === "" ? name : prefix + name;
  return slothApi.find((e) => e.name === full);
}
