// Hidden set-up lines of an embedded example: a "-- hide" line starts a
// region that runs but is not shown, a "-- show" line ends it. The reader
// edits the shown lines; the run (and "Open in playground") gets them with
// the hidden regions put back where they were.

/** Region is hidden lines (markers included) and how many shown lines come before them. */
interface Region {
  at: number;
  lines: string[];
}

/** Hidden is an example split into what is shown and what is not. */
export interface Hidden {
  shown: string;
  regions: Region[];
}

const isHide = (l: string) => l.trim() === "-- hide";
const isShow = (l: string) => l.trim() === "-- show";

/** splitHidden takes the hidden regions out of src. */
export function splitHidden(src: string): Hidden {
  const shown: string[] = [];
  const regions: Region[] = [];
  let open: Region | null = null;
  for (const line of src.split("\n")) {
    if (!open && isHide(line)) {
      open = { at: shown.length, lines: [line] };
      regions.push(open);
    } else if (open) {
      open.lines.push(line);
      if (isShow(line)) open = null;
    } else {
      shown.push(line);
    }
  }
  return { shown: shown.join("\n"), regions };
}

/** Joined is the full script and, for each of its lines (1-based), the
 * shown line it is, or 0 for a hidden one. */
export interface Joined {
  source: string;
  shownLine: number[];
}

/** joinHidden puts the regions back into (possibly edited) shown text; a
 * region past the end of shorter text goes at its end. */
export function joinHidden(shown: string, regions: readonly Region[]): Joined {
  const lines = shown.split("\n");
  const out: string[] = [];
  const map: number[] = [0];
  let r = 0;
  const flush = (upTo: number) => {
    while (r < regions.length && regions[r].at <= upTo) {
      for (const l of regions[r].lines) {
        out.push(l);
        map.push(0);
      }
      r++;
    }
  };
  lines.forEach((line, i) => {
    flush(i);
    out.push(line);
    map.push(i + 1);
  });
  flush(Infinity);
  return { source: out.join("\n"), shownLine: map };
}

/** shownLines rewrites "chunk:N" in text so N counts shown lines; a
 * hidden line becomes "(set-up line N)". */
export function shownLines(text: string, chunk: string, joined: Joined): string {
  const re = new RegExp(`${chunk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)`, "g");
  return text.replace(re, (all, n: string) => {
    const line = Number(n);
    if (line >= joined.shownLine.length) return all;
    const shown = joined.shownLine[line];
    return shown > 0 ? `${chunk}:${shown}` : `(set-up line ${line})`;
  });
}
