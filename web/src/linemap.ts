// Following a line of a text through one edit that turned it into
// another, without knowing the edit: the plain editor's line tracking
// (editor.ts), as CodeMirror maps a line's start through its changes.

/** mapLine finds line (1-based) of before in after. It takes the edit
 * to be one replaced stretch between the texts' common start and common
 * end, and maps the line's start through it as CodeMirror's mapPos(pos, 1)
 * maps a position through a change: kept before the stretch, moved past
 * an insertion at it, moved to the end of the new stretch from inside the
 * old one. null: before has no such line. */
export function mapLine(before: string, after: string, line: number): number | null {
  const start = lineStart(before, Math.floor(line));
  if (start < 0) return null;
  const limit = Math.min(before.length, after.length);
  let from = 0;
  while (from < limit && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < limit - from && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail, newEnd = after.length - tail;
  let pos = start;
  if (start >= oldEnd && start > from) pos = start + newEnd - oldEnd;
  else if (start > from || (start === from && oldEnd === from)) pos = newEnd;
  return lineOf(after, pos);
}

/** lineStart is the offset where line (1-based) of text starts, or -1. */
export function lineStart(text: string, line: number): number {
  if (line < 1) return -1;
  let at = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return -1;
    at = nl + 1;
  }
  return at;
}

/** lineOf is the line (1-based) that holds offset pos of text. */
export function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < pos; at = text.indexOf("\n", at + 1)) n++;
  return n;
}
