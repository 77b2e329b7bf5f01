// Decodes the engine's batches, a compact binary form that the page reads
// once per batch (wasm/batchcodec.go documents the format and is the
// reference: web/test/batchcodec.test.ts decodes the bytes that its Go test
// wrote).

import type { Batch, OutputChunk } from "./protocol";
import type { TraceEvent } from "./trace";

const REC_OUTPUT = 1;
const REC_EVENT = 2;

/** The optional event fields, in the order of the bits of an event's mask. */
const HAS_OTHER = 1 << 0;
const HAS_LINE = 1 << 1;
const HAS_REASON = 1 << 2;
const HAS_OBJ = 1 << 3;
const HAS_NAME = 1 << 4;
const HAS_GROUP = 1 << 5;
const HAS_STATUS = 1 << 6;
const HAS_ERR = 1 << 7;
const HAS_FROM = 1 << 8;

const utf8 = new TextDecoder();

/** BatchDecoder reads one run's batches: it keeps the run's string table and the last event time. */
export class BatchDecoder {
  private table: string[] = [];
  private lastT = 0;
  private data: Uint8Array = new Uint8Array(0);
  private pos = 0;

  /** decode reads one batch; it throws on bytes that are not one. */
  decode(data: Uint8Array): Batch {
    this.data = data;
    this.pos = 0;
    const output: OutputChunk[] = [];
    const events: TraceEvent[] = [];
    while (this.pos < data.length) {
      const tag = this.uv();
      if (tag === REC_OUTPUT) {
        const flags = this.uv();
        const chunk: OutputChunk = { stream: flags & 1 ? "stderr" : "stdout", text: "" };
        const g = this.uv();
        if (g !== 0) chunk.g = g;
        chunk.t = this.uv();
        chunk.text = this.bytes();
        output.push(chunk);
      } else if (tag === REC_EVENT) {
        events.push(this.event());
      } else {
        throw new Error(`batch: unknown record tag ${tag}`);
      }
    }
    const batch: Batch = {};
    if (output.length) batch.output = output;
    if (events.length) batch.events = events;
    return batch;
  }

  /**
   * event reads an event record. Its fields are stored by name, one
   * statement each, and uv and str return at once for the one-byte
   * numbers most are: it runs for every event of a run.
   */
  private event(): TraceEvent {
    const k = this.str() as TraceEvent["k"];
    const t = this.lastT + this.sv();
    this.lastT = t;
    const e: TraceEvent = { t, k, g: this.uv() };
    const mask = this.uv();
    if (mask & HAS_OTHER) e.o = this.uv();
    if (mask & HAS_LINE) e.line = this.uv();
    if (mask & HAS_REASON) e.reason = this.str() as TraceEvent["reason"];
    if (mask & HAS_OBJ) e.obj = this.str();
    if (mask & HAS_NAME) e.name = this.str();
    if (mask & HAS_GROUP) e.group = this.str();
    if (mask & HAS_STATUS) e.status = this.str() as TraceEvent["status"];
    if (mask & HAS_ERR) e.err = this.str();
    if (mask & HAS_FROM) e.from = t - this.sv();
    return e;
  }

  /** uv reads an unsigned LEB128 varint, exact up to 2^53. */
  private uv(): number {
    const b = this.data[this.pos];
    if (b < 0x80) {
      this.pos++;
      return b;
    }
    return this.uvLong();
  }

  /** uvLong is uv past one byte, or at the end of the data (b undefined above). */
  private uvLong(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.data.length) throw new Error("batch: truncated");
      const b = this.data[this.pos++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
  }

  /** sv reads a zigzag-encoded signed varint. */
  private sv(): number {
    const u = this.uv();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  private bytes(): string {
    const n = this.uv();
    if (this.pos + n > this.data.length) throw new Error("batch: string past the end");
    const s = utf8.decode(this.data.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  private str(): string {
    const n = this.uv();
    if (n >= 2) {
      const s = this.table[n - 2];
      if (s === undefined) throw new Error(`batch: string ${n - 2} not in the table`);
      return s;
    }
    const s = this.bytes();
    if (n === 0) this.table.push(s);
    return s;
  }
}
