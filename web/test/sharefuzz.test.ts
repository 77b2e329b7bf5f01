// Property tests of the shared-link decoder: whatever a fragment holds
// (random text, damaged links, well-formed data of the wrong shape, bombs),
// decodeShare settles quickly, and either gives code and options or fails
// with a ShareError that says what is wrong.

import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { rng } from "../bench/gen";
import { defaultOptions, parseOptions } from "../src/options";
import { decodeShare, encodeShare, MAX_LINK_CHARS, MAX_SHARED_BYTES, SHARE_PREFIX, ShareError } from "../src/share";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ODD = "#.%=+/ \n\u0000é✓🚀<>\"'\\{}[]";

/** LIMIT_MS is how long one decode may take, far above what it needs. */
const LIMIT_MS = 2000;

/** within fails when p has not settled after ms. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`decodeShare hung over ${ms} ms on ${what}`)), ms);
  });
  return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

/** outcome decodes hash and checks the property; it names the outcome
 * ("ok" or the error's message without numbers), so a run can show that
 * the inputs reached every kind of answer. */
async function outcome(hash: string): Promise<string> {
  const what = JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}… (${hash.length} chars)` : hash);
  try {
    const s = await within(decodeShare(hash), LIMIT_MS, what);
    assert.equal(typeof s.code, "string", what);
    assert.deepEqual(s.options, parseOptions(s.options), what);
    assert.deepEqual(Object.keys(s.options), Object.keys(defaultOptions), what);
    return "ok";
  } catch (e) {
    assert.ok(e instanceof ShareError, `${what} threw ${String(e)}`);
    assert.match(e.message, /^(not a shared playground link|shared link .{10,})$/, what);
    return kind(e.message);
  }
}

/** kind is an error message without its numbers. */
function kind(message: string): string {
  return message.replace(/\b\d+\b/g, "N");
}

function pick(r: () => number, chars: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += chars[Math.floor(r() * chars.length)];
  return s;
}

/** mutate damages a link the way copying, mail and chat clients do. */
function mutate(r: () => number, link: string): string {
  const at = SHARE_PREFIX.length + Math.floor(r() * (link.length - SHARE_PREFIX.length));
  switch (Math.floor(r() * 6)) {
    case 0: return link.slice(0, at) + pick(r, B64URL, 1) + link.slice(at + 1);
    case 1: return link.slice(0, at) + link.slice(at + 1 + Math.floor(r() * 8));
    case 2: return link.slice(0, at) + pick(r, r() < 0.5 ? B64URL : ODD, 1 + Math.floor(r() * 4)) + link.slice(at);
    case 3: return link.slice(0, at);
    case 4: return link + pick(r, B64URL, 1 + Math.floor(r() * 12));
    default: return `#v${Math.floor(r() * 3)}` + link.slice(3);
  }
}

/** deflated is a link whose data is raw deflate of bytes: well-formed to
 * the decoder's first steps, anything after. */
function deflated(bytes: Uint8Array | string): string {
  return SHARE_PREFIX + deflateRawSync(typeof bytes === "string" ? Buffer.from(bytes) : bytes).toString("base64url");
}

test("random fragments never throw anything but a clear ShareError, nor hang", async () => {
  const r = rng(1);
  const seen = new Set<string>();
  for (let i = 0; i < 1500; i++) {
    const prefix = ["#v1.", "#v1.", "#v", "#v7.", "#", "", "#v1"][i % 7];
    const chars = i % 3 === 0 ? B64URL + ODD : B64URL;
    seen.add(await outcome(prefix + pick(r, chars, Math.floor(r() * 200))));
  }
  for (const want of ["not a shared playground link", "shared link is damaged: it is not base64url text"]) {
    assert.ok(seen.has(kind(want)), `no input gave "${want}": ${[...seen].join(" | ")}`);
  }
});

test("damaged links fail clearly or still decode to code", async () => {
  const r = rng(2);
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const code = pick(r, B64URL + ODD + "\n()=", Math.floor(r() * 400));
    const link = await encodeShare({ code, options: { ...defaultOptions, virtualTime: r() < 0.5 } });
    for (let j = 0; j < 25; j++) seen.add(await outcome(mutate(r, link)));
  }
  assert.ok(seen.has("ok"), "no damaged link still decoded");
  assert.ok([...seen].some((m) => m.includes("does not decompress")), [...seen].join(" | "));
  assert.ok(seen.size >= 4, `only ${seen.size} kinds of outcome: ${[...seen].join(" | ")}`);
});

test("well-formed data of any shape is refused clearly or defaulted", async () => {
  const r = rng(3);
  const shapes = [
    "", "null", "[]", "1e999", '"code"', '{"code":1}', '{"code":null}', '{"code":["x"]}', '{"code":{"toString":1}}',
    '{"code":"x","options":null}', '{"code":"x","options":[true]}', '{"code":"x","options":{"virtualTime":"no"}}',
    '{"code":"x","options":{"__proto__":{"virtualTime":false}}}', '{"__proto__":{"code":"x"}}',
    "[".repeat(100_000) + "]".repeat(100_000), `{"code":"x","options":${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
  ];
  const seen = new Set<string>();
  for (const s of shapes) seen.add(await outcome(deflated(s)));
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(Math.floor(r() * 300)).map(() => Math.floor(r() * 256));
    seen.add(await outcome(deflated(bytes)));
  }
  for (const want of ["ok", "shared link holds no code", "shared link is damaged: its data is not valid JSON text"]) {
    assert.ok(seen.has(kind(want)), `no shape gave "${want}": ${[...seen].join(" | ")}`);
  }
});

test("a zip bomb is refused as too large, without inflating it", async () => {
  const bomb = deflated(new Uint8Array(200 << 20)); // 200 MiB of zeros in about 200 KB
  assert.ok(bomb.length < MAX_LINK_CHARS, `bomb of ${bomb.length} chars`);
  const t0 = performance.now();
  assert.equal(await outcome(bomb), `shared link is too large: more than N bytes of code`);
  const ms = performance.now() - t0;
  assert.ok(ms < LIMIT_MS / 2, `refusing the bomb took ${Math.round(ms)} ms`);
  const justOver = deflated(JSON.stringify({ code: "a".repeat(MAX_SHARED_BYTES) }));
  assert.equal(await outcome(justOver), `shared link is too large: more than N bytes of code`);
});

test("a link too long to be one this page wrote is refused before decoding", async () => {
  const long = SHARE_PREFIX + "A".repeat(MAX_LINK_CHARS + 1);
  assert.equal(await outcome(long), "shared link is too long: more than N characters of data");
  const huge = SHARE_PREFIX + "A".repeat(64 << 20);
  assert.ok(/A$/.test(huge)); // one flat string, as location.hash is
  const t0 = performance.now();
  await assert.rejects(decodeShare(huge), /too long/);
  const ms = performance.now() - t0;
  assert.ok(ms < 100, `refusing a 64 MB link took ${Math.round(ms)} ms`);
});

test("the largest code a link may hold round-trips, even incompressible", async () => {
  const r = rng(4);
  // Random base64url text deflates to about 6 bits a character: the worst
  // case for the link's length.
  const options = { ...defaultOptions, virtualTime: false };
  const room = MAX_SHARED_BYTES - JSON.stringify({ code: "", options }).length; // what the options leave for code
  const code = pick(r, B64URL, room);
  const link = await encodeShare({ code, options });
  assert.ok(link.length - SHARE_PREFIX.length <= MAX_LINK_CHARS);
  assert.equal((await decodeShare(link)).code, code);
  await assert.rejects(encodeShare({ code: code + "x".repeat(100), options: defaultOptions }), /too large to share/);
});
