// How a chunk of output is shown: a span per chunk, which knows the
// goroutine and run time that wrote it (data-g, data-t), with each
// "main.lua:N" as a link to the editor and, in the engine's reports on
// stderr, each "goroutine N" as a button that shows it on the timeline.
// Text goes in as text nodes only.

export type Stream = "stdout" | "stderr";

/** Written is where a chunk came from: goroutine g at run time t (µs). */
export interface Written {
  g: number;
  t: number;
}

/** Chunk is text of one stream, with where it came from when known. */
export interface Chunk {
  stream: Stream;
  text: string;
  at?: Written;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** chunkRenderer returns the function that builds a chunk's span; chunkName
 * is the script's name in messages. */
export function chunkRenderer(chunkName: string): (c: Chunk) => HTMLElement {
  const lineRe = new RegExp(`${escape(chunkName)}:(\\d+)`, "g");
  const bothRe = new RegExp(`${escape(chunkName)}:(\\d+)|\\bgoroutine (\\d+)`, "g");
  return (c) => {
    const span = document.createElement("span");
    span.className = c.stream === "stderr" ? "lp-out-stderr" : "lp-out-stdout";
    if (c.at) {
      span.dataset.g = String(c.at.g);
      span.dataset.t = String(c.at.t);
    }
    let at = 0;
    for (const m of c.text.matchAll(c.stream === "stderr" ? bothRe : lineRe)) {
      if (m.index > at) span.appendChild(document.createTextNode(c.text.slice(at, m.index)));
      span.appendChild(m[1] !== undefined ? lineLink(m[0], m[1]) : goroutineLink(m[0], m[2]));
      at = m.index + m[0].length;
    }
    if (at < c.text.length) span.appendChild(document.createTextNode(c.text.slice(at)));
    return span;
  };
}

function linkButton(text: string, cls: string, title: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `lp-out-link ${cls}`;
  b.textContent = text;
  b.title = title;
  return b;
}

function lineLink(text: string, line: string): HTMLButtonElement {
  const b = linkButton(text, "lp-out-line", `Go to line ${line}`);
  b.dataset.line = line;
  return b;
}

function goroutineLink(text: string, g: string): HTMLButtonElement {
  const b = linkButton(text, "lp-out-goroutine", `Show goroutine ${g} on the timeline`);
  b.dataset.goroutine = g;
  return b;
}
