//go:build !race

package luamod

// raceDetector reports whether the tests run with -race, which makes
// code several times slower.
const raceDetector = false
