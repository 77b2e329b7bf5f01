// Package wire is the JSON the engine exchanges with the page: run options
// in, results and traces out, and a trace back in for the Chrome export.
// It covers what those types use (structs with json tags and omitempty,
// slices, maps with string keys, strings, numbers, booleans, and decoding
// types with a DecodeJSON method) and writes and reads the same bytes as
// encoding/json for them; a differential test holds it to that.
//
// It exists for size: encoding/json, through the page's wasm build, was
// about 250 KB of its code, and the page's download has a budget. Native
// tools that are not part of the wasm build keep using encoding/json.
//
// No method here is called through an interface under the names
// MarshalJSON or UnmarshalJSON: the linker would then keep those methods
// of every type the program converts to an interface (time.Time's, with
// its date parser and formatter, among them).
package wire
