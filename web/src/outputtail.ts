// The end of the output past the pane's cap: the last characters of what
// was dropped, kept so the line that says why a run ended still shows.

import type { Chunk } from "./outputtext";

/** Tail keeps the last max characters of the chunks given to it. */
export class Tail {
  chunks: Chunk[] = [];
  chars = 0;

  constructor(private readonly max: number) {}

  add(c: Chunk): void {
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === c.stream && last.at?.g === c.at?.g && last.at?.t === c.at?.t) last.text += c.text;
    else this.chunks.push({ ...c });
    this.chars += c.text.length;
    while (this.chars > this.max) {
      const over = this.chars - this.max;
      const first = this.chunks[0];
      if (first.text.length <= over) {
        this.chunks.shift();
        this.chars -= first.text.length;
      } else {
        first.text = first.text.slice(over);
        this.chars -= over;
      }
    }
  }

  clear(): void {
    this.chunks = [];
    this.chars = 0;
  }
}
