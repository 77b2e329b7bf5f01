package luamod

import "slices"

// eventBlock is how many events one block of an EventLog holds.
const eventBlock = 1024

// EventLog keeps a run's events in blocks of fixed size, so that adding
// one never copies the events kept so far. A trace kept in one growing
// slice was copied on every growth, with the garbage collector's write
// barriers on each copy: two fifths of a traced channel ping-pong.
type EventLog struct {
	blocks [][]Event
	n      int
}

// Add keeps e.
func (l *EventLog) Add(e Event) {
	k := len(l.blocks)
	if k == 0 || len(l.blocks[k-1]) == eventBlock {
		l.blocks = append(l.blocks, make([]Event, 0, eventBlock))
		k++
	}
	l.blocks[k-1] = append(l.blocks[k-1], e)
	l.n++
}

// Len is how many events the log holds.
func (l *EventLog) Len() int { return l.n }

// Drain appends the events to dst, in order, and empties the log.
func (l *EventLog) Drain(dst []Event) []Event {
	dst = slices.Grow(dst, l.n)
	for _, b := range l.blocks {
		dst = append(dst, b...)
	}
	l.blocks, l.n = nil, 0
	return dst
}
