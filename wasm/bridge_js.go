//go:build js

package main

import (
	"errors"
	"fmt"
	"sync"
	"syscall/js"
)

// bridge is the JavaScript face of a session, installed as
// globalThis.luaplay by main:
//
//	run(source, options, onBatch, key) → Promise<string>
//	    options: an object or its JSON (luamod.Options); onBatch(bytes)
//	    receives each batch, a Uint8Array in the encoding of batchcodec.go,
//	    while the run goes on; when it returns a Promise, the run waits
//	    until that settles (the worker's flow control); key (a string or
//	    number, default "") names the run: runs under different keys go on
//	    at once. The Promise resolves with the luamod.Result as JSON, or
//	    rejects with an Error when the run could not start (bad options, a
//	    run already going under key) or onBatch threw.
//	cancel(key) → boolean
//	    stops the run under key (its Promise then resolves with status
//	    "cancelled"); false when no run was going under it.
//	chromeTrace(trace) → Promise<string>
//	    converts a luamod.Trace (an object or its JSON) to the Chrome
//	    trace-event format, for Perfetto and chrome://tracing.
//	buffers
//	    an Array: the caller may push onto it the ArrayBuffer of a batch
//	    that onBatch received, once nothing reads it any more, for a later
//	    batch to go out in (bufpool_js.go); the engine takes the last one
//	    when it is an ArrayBuffer large enough, and drops anything else.
//
// No function blocks the JavaScript thread: work happens in a goroutine that
// settles the Promise, and a Go panic there becomes a rejection.
type bridge struct {
	sess    session
	buffers *bufferPool
	funcs   []js.Func // owned by the bridge, released by release
}

// install puts the bridge's functions on a new object at target[name] and
// returns the function that releases them.
func (b *bridge) install(target js.Value, name string) (release func()) {
	obj := js.Global().Get("Object").New()
	for key, fn := range map[string]func(js.Value, []js.Value) any{
		"run":         b.run,
		"cancel":      b.cancel,
		"chromeTrace": b.chromeTrace,
	} {
		f := js.FuncOf(fn)
		b.funcs = append(b.funcs, f)
		obj.Set(key, f)
	}
	b.buffers = newBufferPool()
	obj.Set("buffers", b.buffers.arr)
	target.Set(name, obj)
	return func() {
		target.Delete(name)
		for _, f := range b.funcs {
			f.Release()
		}
		b.funcs = nil
	}
}

func (b *bridge) run(_ js.Value, args []js.Value) any {
	src, opts, onBatch := arg(args, 0), arg(args, 1), arg(args, 2)
	key, err := keyArg(arg(args, 3))
	if err != nil {
		return rejected(err)
	}
	if src.Type() != js.TypeString {
		return rejected(fmt.Errorf("luaplay.run: source must be a string, got %s", src.Type()))
	}
	if t := onBatch.Type(); t != js.TypeFunction && t != js.TypeUndefined && t != js.TypeNull {
		return rejected(fmt.Errorf("luaplay.run: onBatch must be a function, got %s", t))
	}
	optsJSON, err := jsonArg(opts)
	if err != nil {
		return rejected(err)
	}
	pending, err := b.sess.start(key, src.String(), optsJSON)
	if err != nil {
		return rejected(err)
	}
	return promise(func() (any, error) {
		d := &batchDelivery{fn: onBatch, stop: func() bool { return b.sess.stop(key) }, buffers: b.buffers}
		res, err := pending.exec(d.deliver)
		if err == nil {
			err = d.failure()
		}
		if err != nil {
			return nil, err
		}
		return string(res), nil
	})
}

func (b *bridge) cancel(_ js.Value, args []js.Value) any {
	key, err := keyArg(arg(args, 0))
	if err != nil {
		return false
	}
	return b.sess.stop(key)
}

func (b *bridge) chromeTrace(_ js.Value, args []js.Value) any {
	trace := arg(args, 0)
	data, err := jsonArg(trace)
	if err != nil {
		return rejected(err)
	}
	return promise(func() (any, error) {
		out, err := chromeTrace(data)
		if err != nil {
			return nil, err
		}
		return string(out), nil
	})
}

// batchDelivery calls onBatch with each batch's bytes, in a buffer from
// buffers when one was handed back. A throwing onBatch must not crash the
// engine (it is called from the run's goroutine), so the exception is
// kept, the run is stopped and the Promise rejects with it.
type batchDelivery struct {
	fn      js.Value
	stop    func() bool
	buffers *bufferPool
	mu      sync.Mutex
	err     error
}

func (d *batchDelivery) deliver(batch []byte) {
	if d.fn.Type() != js.TypeFunction || d.failure() != nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			d.fail(fmt.Errorf("luaplay.run: onBatch threw: %v", r))
		}
	}()
	bytes := d.buffers.view(len(batch))
	js.CopyBytesToJS(bytes, batch)
	if r := d.fn.Invoke(bytes); r.Type() == js.TypeObject && r.Get("then").Type() == js.TypeFunction {
		settled(r)
	}
}

// settled waits until the promise p settles. The run's goroutine blocks,
// so the event loop runs meanwhile (all goroutines wait for it).
func settled(p js.Value) {
	done := make(chan struct{})
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		return nil
	})
	p.Call("then", cb, cb)
	<-done
	cb.Release()
}

var uint8Array = js.Global().Get("Uint8Array")

func (d *batchDelivery) fail(err error) {
	d.mu.Lock()
	if d.err == nil {
		d.err = err
	}
	d.mu.Unlock()
	d.stop()
}

func (d *batchDelivery) failure() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// arg returns args[i], or undefined when the caller passed fewer.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// keyArg reads a run key: a string, a number (as JavaScript prints it) or
// nothing ("").
func keyArg(v js.Value) (string, error) {
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return "", nil
	case js.TypeString, js.TypeNumber:
		return js.Global().Call("String", v).String(), nil
	}
	return "", errors.New("luaplay: a run key must be a string or a number, got " + v.Type().String())
}

// jsonArg accepts a JSON string, an object (stringified) or nothing.
func jsonArg(v js.Value) ([]byte, error) {
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return nil, nil
	case js.TypeString:
		return []byte(v.String()), nil
	case js.TypeObject:
		return []byte(js.Global().Get("JSON").Call("stringify", v).String()), nil
	}
	return nil, errors.New("luaplay: expected an object or its JSON, got " + v.Type().String())
}
