package luamod

import (
	"strconv"
	"unicode/utf8"
)

// output writes script output to the sink within the output limit, which
// covers stdout and stderr together. The write that crosses the limit is
// cut there and ends the run; later writes are dropped, except the run's
// final report (finalReport), which is always delivered.
func (s *sched) output(stream, text string) {
	if s.outFull {
		return
	}
	if room := s.opts.MaxOutputBytes - s.outSize; len(text) > room {
		text = cutUTF8(text, room)
		s.outFull = true
		s.stop(StatusLimit, limitError("output bytes", s.opts.MaxOutputBytes))
	}
	s.write(stream, text)
}

// write hands text to the sink and counts it.
func (s *sched) write(stream, text string) {
	if text == "" {
		return
	}
	s.outSize += len(text)
	s.midLine = text[len(text)-1] != '\n'
	c := OutputChunk{Stream: stream, Text: text, T: s.now()}
	if s.cur != nil {
		c.G = s.cur.id
	}
	s.sink.Output(c)
}

// finalReport writes, past the output limit if need be, what stopped the
// run: the goroutines alive at that moment, then the reason as the last
// line, on a line of its own.
func (s *sched) finalReport(reason string) {
	text := aliveReport(s.opts.ChunkName, s.atStop, s.aliveAtStop) + reason + "\n"
	if s.midLine {
		text = "\n" + text
	}
	s.write("stderr", text)
}

// cutUTF8 is text cut to at most n bytes, not inside a character.
func cutUTF8(text string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(text) <= n {
		return text
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// clip shortens text that a script chose (a mark label, a goroutine name,
// an error message) to at most n bytes for the trace and the result,
// saying how long it was. Every trace event passes its strings through
// it, so the common case is small enough to be inlined.
func clip(text string, n int) string {
	if len(text) <= n {
		return text
	}
	return clipLong(text, n)
}

func clipLong(text string, n int) string {
	return cutUTF8(text, n) + "… (" + strconv.Itoa(len(text)) + " bytes)"
}
