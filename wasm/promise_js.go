//go:build js

package main

import (
	"fmt"
	"syscall/js"
)

// promise returns a Promise that work settles from a new goroutine, so the
// JavaScript callback that asked for it returns at once. A panic in work
// rejects the Promise instead of ending the program.
func promise(work func() (any, error)) js.Value {
	var resolve, reject js.Value
	executor := js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	})
	p := js.Global().Get("Promise").New(executor) // calls executor synchronously
	executor.Release()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				reject.Invoke(jsError(fmt.Errorf("luaplay: internal error: %v", r)))
			}
		}()
		v, err := work()
		if err != nil {
			reject.Invoke(jsError(err))
			return
		}
		resolve.Invoke(v)
	}()
	return p
}

// rejected is a Promise already rejected with err.
func rejected(err error) js.Value {
	return js.Global().Get("Promise").Call("reject", jsError(err))
}

func jsError(err error) js.Value {
	return js.Global().Get("Error").New(err.Error())
}
