// The output pane: streams stdout and stderr as a run produces them,
// turns "main.lua:N" into links to the editor, and stays responsive under
// floods by appending at most once per animation frame, up to a cap. Past
// the cap it still shows the last lines, which say why a run ended.

/** OutputOptions configure an output pane. */
export interface OutputOptions {
  /** chunkName is the script's name in messages; default "main.lua". */
  chunkName?: string;
  /** maxChars is how much text the pane keeps; the rest is counted, not shown. */
  maxChars?: number;
  /** onLine is called when a file:line link is activated. */
  onLine(line: number): void;
}

export type Stream = "stdout" | "stderr";
export type NoteKind = "info" | "ok" | "warn" | "error";

/** Output is the output pane component. */
export interface Output {
  dom: HTMLElement;
  append(stream: Stream, text: string): void;
  /** note adds a line of the page's own (not the script's), e.g. the run's outcome. */
  note(text: string, kind: NoteKind): void;
  clear(): void;
  /** update renders what is queued now, without waiting for the next frame. */
  update(): void;
  destroy(): void;
}

export const DEFAULT_MAX_CHARS = 200_000;

/** TAIL_CHARS is how much of the text past the cap is kept: its end. */
export const TAIL_CHARS = 2_000;

type Piece = { stream: Stream; text: string } | { note: string; kind: NoteKind };

/** createOutput builds an empty output pane. */
export function createOutput(opts: OutputOptions): Output {
  const chunk = opts.chunkName ?? "main.lua";
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const linkRe = new RegExp(`${chunk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)`, "g");
  const dom = document.createElement("div");
  dom.className = "lp-output";
  dom.setAttribute("role", "log");
  dom.setAttribute("aria-label", "Output");
  dom.tabIndex = 0;
  const body = document.createElement("pre");
  body.className = "lp-output-text";
  const cap = document.createElement("div");
  cap.className = "lp-output-cap";
  cap.hidden = true;
  const tailText = document.createElement("pre");
  tailText.className = "lp-output-text lp-output-tail";
  dom.append(body, cap, tailText);

  let queue: Piece[] = [];
  let frame = 0;
  let accepted = 0; // characters queued or shown
  let dropped = 0;
  let tail: { stream: Stream; text: string }[] = []; // the end of what was dropped
  let tailChars = 0;

  // keepTail adds dropped text to the tail, which keeps its last TAIL_CHARS.
  function keepTail(stream: Stream, text: string) {
    const last = tail[tail.length - 1];
    if (last?.stream === stream) last.text += text;
    else tail.push({ stream, text });
    tailChars += text.length;
    while (tailChars > TAIL_CHARS) {
      const over = tailChars - TAIL_CHARS;
      if (tail[0].text.length <= over) {
        tailChars -= tail.shift()!.text.length;
      } else {
        tail[0].text = tail[0].text.slice(over);
        tailChars -= over;
      }
    }
  }

  function renderTail() {
    tailText.replaceChildren();
    for (const p of tail) {
      const span = document.createElement("span");
      span.className = p.stream === "stderr" ? "lp-out-stderr" : "lp-out-stdout";
      render(p.text, span);
      tailText.appendChild(span);
    }
  }

  const onClick = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest?.(".lp-out-link") as HTMLElement | null;
    if (link && dom.contains(link)) opts.onLine(Number(link.dataset.line));
  };
  dom.addEventListener("click", onClick);

  // render writes text into a node, with each chunk:line as a link button.
  function render(text: string, into: Node) {
    let at = 0;
    for (const m of text.matchAll(linkRe)) {
      if (m.index > at) into.appendChild(document.createTextNode(text.slice(at, m.index)));
      const b = document.createElement("button");
      b.type = "button";
      b.className = "lp-out-link";
      b.dataset.line = m[1];
      b.textContent = m[0];
      b.title = `Go to line ${m[1]}`;
      into.appendChild(b);
      at = m.index + m[0].length;
    }
    if (at < text.length) into.appendChild(document.createTextNode(text.slice(at)));
  }

  // last is the span that text of the same stream goes on extending.
  let last: { stream: Stream; span: HTMLElement } | null = null;

  function flush() {
    frame = 0;
    if (queue.length === 0 && dropped === 0) return;
    const atBottom = dom.scrollTop + dom.clientHeight >= dom.scrollHeight - 8;
    const frag = document.createDocumentFragment();
    for (const p of queue) {
      if ("note" in p) {
        const note = document.createElement("span");
        note.className = `lp-out-note lp-out-note-${p.kind}`;
        note.textContent = p.note + "\n";
        frag.appendChild(note);
        last = null;
        continue;
      }
      if (last?.stream !== p.stream) {
        const span = document.createElement("span");
        span.className = p.stream === "stderr" ? "lp-out-stderr" : "lp-out-stdout";
        frag.appendChild(span);
        last = { stream: p.stream, span };
      }
      render(p.text, last.span);
    }
    queue = [];
    body.appendChild(frag);
    if (dropped > 0) {
      cap.hidden = false;
      const left = dropped - tailChars;
      cap.textContent = `Output capped after ${maxChars.toLocaleString("en")} characters` +
        (left > 0 ? `: ${left.toLocaleString("en")} more were left out. The end of the output:` : ". The rest:");
      renderTail();
    }
    if (atBottom) dom.scrollTop = dom.scrollHeight;
  }

  function schedule() {
    if (frame === 0) frame = requestAnimationFrame(flush);
  }

  return {
    dom,
    append(stream, text) {
      // Past the cap nothing more is kept: it is counted, and the cap note says so.
      const room = maxChars - accepted;
      if (text.length > room) {
        dropped += text.length - room;
        keepTail(stream, text.slice(room));
        text = text.slice(0, room);
      }
      accepted += text.length;
      if (text !== "") queue.push({ stream, text });
      schedule();
    },
    note(text, kind) {
      queue.push({ note: text, kind });
      schedule();
    },
    clear() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      queue = [];
      accepted = dropped = tailChars = 0;
      tail = [];
      body.replaceChildren();
      tailText.replaceChildren();
      last = null;
      cap.hidden = true;
      cap.textContent = "";
    },
    update: flush,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      dom.removeEventListener("click", onClick);
      dom.remove();
    },
  };
}
