// The output pane: streams stdout and stderr as a run produces them and
// stays responsive under floods by appending at most once per animation
// frame, up to a cap; past the cap it still shows the last lines, which say
// why a run ended. Each chunk knows the goroutine and run time that wrote
// it (outputtext.ts): hovering it points at that instant, a time range
// highlights what was written in it, and links lead to the editor's lines
// and the timeline's goroutines.

import { chunkRenderer, type Chunk, type Stream, type Written } from "./outputtext";
import { Tail } from "./outputtail";

export type { Stream, Written } from "./outputtext";

/** OutputOptions configure an output pane. */
export interface OutputOptions {
  /** chunkName is the script's name in messages; default "main.lua". */
  chunkName?: string;
  /** maxChars is how much text the pane keeps; the rest is counted, not shown. */
  maxChars?: number;
  /** onLine is called when a file:line link is activated. */
  onLine(line: number): void;
  /** onGoroutine is called when a report's "goroutine N" is activated. */
  onGoroutine?(g: number): void;
  /** onHover is called with where the chunk under the pointer came from, or null. */
  onHover?(at: Written | null): void;
}

export type NoteKind = "info" | "ok" | "warn" | "error";

/** Output is the output pane component. */
export interface Output {
  dom: HTMLElement;
  append(stream: Stream, text: string, at?: Written): void;
  /** note adds a line of the page's own (not the script's), e.g. the run's outcome. */
  note(text: string, kind: NoteKind): void;
  /** highlight marks the chunks written in [t0, t1] (µs) and scrolls to the first; null clears. */
  highlight(range: { t0: number; t1: number } | null): void;
  clear(): void;
  /** update renders what is queued now, without waiting for the next frame. */
  update(): void;
  destroy(): void;
}

export const DEFAULT_MAX_CHARS = 200_000;

/** TAIL_CHARS is how much of the text past the cap is kept: its end. */
export const TAIL_CHARS = 2_000;

type Piece = Chunk | { note: string; kind: NoteKind };

const IN_RANGE = "lp-out-in-range";

/** createOutput builds an empty output pane. */
export function createOutput(opts: OutputOptions): Output {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const render = chunkRenderer(opts.chunkName ?? "main.lua");
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
  let range: { t0: number; t1: number } | null = null;
  const tail = new Tail(TAIL_CHARS);

  const onClick = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest?.(".lp-out-link") as HTMLElement | null;
    if (!link || !dom.contains(link)) return;
    if (link.dataset.line) opts.onLine(Number(link.dataset.line));
    else if (link.dataset.goroutine) opts.onGoroutine?.(Number(link.dataset.goroutine));
  };
  let hovered: HTMLElement | null = null;
  const onOver = (e: MouseEvent) => {
    const span = (e.target as HTMLElement).closest?.("[data-t]") as HTMLElement | null;
    if (span === hovered) return;
    hovered = span;
    opts.onHover?.(span ? { g: Number(span.dataset.g), t: Number(span.dataset.t) } : null);
  };
  const onLeave = () => {
    hovered = null;
    opts.onHover?.(null);
  };
  dom.addEventListener("click", onClick);
  dom.addEventListener("mouseover", onOver);
  dom.addEventListener("mouseleave", onLeave);

  const inRange = (el: HTMLElement) => range !== null && el.dataset.t !== undefined &&
    Number(el.dataset.t) >= range.t0 && Number(el.dataset.t) <= range.t1;

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
        continue;
      }
      const span = render(p);
      if (inRange(span)) span.classList.add(IN_RANGE);
      frag.appendChild(span);
    }
    queue = [];
    body.appendChild(frag);
    if (dropped > 0) {
      cap.hidden = false;
      const left = dropped - tail.chars;
      cap.textContent = `Output capped after ${maxChars.toLocaleString("en")} characters` +
        (left > 0 ? `: ${left.toLocaleString("en")} more were left out. The end of the output:` : ". The rest:");
      tailText.replaceChildren(...tail.chunks.map(render));
    }
    if (atBottom) dom.scrollTop = dom.scrollHeight;
  }

  function schedule() {
    if (frame === 0) frame = requestAnimationFrame(flush);
  }

  return {
    dom,
    append(stream, text, at) {
      // Past the cap nothing more is kept: it is counted, and the cap note says so.
      const room = maxChars - accepted;
      if (text.length > room) {
        dropped += text.length - room;
        tail.add({ stream, text: text.slice(room), at });
        text = text.slice(0, room);
      }
      accepted += text.length;
      if (text !== "") queue.push({ stream, text, at });
      schedule();
    },
    note(text, kind) {
      queue.push({ note: text, kind });
      schedule();
    },
    highlight(r) {
      flush();
      range = r;
      let first: HTMLElement | null = null;
      for (const el of dom.querySelectorAll<HTMLElement>("[data-t]")) {
        const on = inRange(el);
        el.classList.toggle(IN_RANGE, on);
        first ??= on ? el : null;
      }
      first?.scrollIntoView({ block: "nearest" });
    },
    clear() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      queue = [];
      accepted = dropped = 0;
      range = hovered = null;
      tail.clear();
      body.replaceChildren();
      tailText.replaceChildren();
      cap.hidden = true;
      cap.textContent = "";
    },
    update: flush,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      dom.removeEventListener("click", onClick);
      dom.removeEventListener("mouseover", onOver);
      dom.removeEventListener("mouseleave", onLeave);
      dom.remove();
    },
  };
}
