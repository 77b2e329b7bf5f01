// The worker's batch decoder reads the bytes that the Go encoder wrote
// (wasm/testdata/batches.bin, made by TestBatchEncodingGolden) into the
// batches the Go reference decoder made of them (batches.json).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BatchDecoder } from "../src/batchcodec";

/** split cuts the golden file into its batches: each is a varint length, then the bytes. */
function split(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos < data.length) {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = data[pos++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
    }
    out.push(data.subarray(pos, pos + n));
    pos += n;
  }
  return out;
}

test("BatchDecoder reads the Go encoder's batches", () => {
  const bytes = split(new Uint8Array(readFileSync("wasm/testdata/batches.bin")));
  const want = JSON.parse(readFileSync("wasm/testdata/batches.json", "utf8")) as unknown[];
  const dec = new BatchDecoder();
  assert.deepEqual(bytes.map((b) => dec.decode(b)), want);
});

test("BatchDecoder refuses bytes that are not a batch", () => {
  assert.throws(() => new BatchDecoder().decode(new Uint8Array([9])), /unknown record tag 9/);
  assert.throws(() => new BatchDecoder().decode(new Uint8Array([2, 5])), /not in the table/);
  assert.throws(() => new BatchDecoder().decode(new Uint8Array([1, 0, 1, 0, 10, 65])), /past the end/);
  assert.throws(() => new BatchDecoder().decode(new Uint8Array([2, 0x80])), /truncated/);
});
