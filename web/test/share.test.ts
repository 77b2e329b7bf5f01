// Shared-link tests: round trips and the errors of damaged fragments.

import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultOptions } from "../src/options";
import { decodeShare, encodeShare, isShareFragment, MAX_SHARED_BYTES, SHARE_PREFIX, ShareError } from "../src/share";

async function rejects(hash: string, pattern: RegExp) {
  await assert.rejects(decodeShare(hash), (e: unknown) => e instanceof ShareError && pattern.test(e.message));
}

test("code and options survive a round trip", async () => {
  const code = 'local ch = goroutine.channel()\nprint("héllo ✓ 🚀", 1 + 2) -- ünïcode\n';
  for (const virtualTime of [true, false]) {
    const hash = await encodeShare({ code, options: { ...defaultOptions, virtualTime } });
    assert.ok(hash.startsWith(SHARE_PREFIX));
    assert.match(hash.slice(SHARE_PREFIX.length), /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(await decodeShare(hash), { code, options: { ...defaultOptions, virtualTime } });
  }
});

test("an empty script and a long one round-trip; long ones compress", async () => {
  assert.equal((await decodeShare(await encodeShare({ code: "", options: defaultOptions }))).code, "");
  const long = "goroutine.spawn(function() goroutine.sleep(10) end)\n".repeat(2000);
  const hash = await encodeShare({ code: long, options: defaultOptions });
  assert.ok(hash.length < long.length / 20, `fragment of ${hash.length} chars`);
  assert.equal((await decodeShare(hash)).code, long);
});

test("only fragments this page wrote count as links", () => {
  assert.ok(isShareFragment("#v1.abc"));
  assert.ok(isShareFragment("#v2.abc"));
  assert.ok(!isShareFragment(""));
  assert.ok(!isShareFragment("#section"));
  assert.ok(!isShareFragment("#v1"));
});

test("malformed fragments fail with a clear error", async () => {
  await rejects("#top", /not a shared playground link/);
  await rejects("#v9.AAAA", /version 9 is not supported/);
  await rejects("#v1.", /not base64url/);
  await rejects("#v1.abc$def", /not base64url/);
  await rejects("#v1.a", /not base64url/);
  await rejects("#v1.AAAAAAAA", /does not decompress/);
  const good = await encodeShare({ code: "print(1)", options: defaultOptions });
  await rejects(good.slice(0, good.length - 4), /does not decompress|not valid JSON/);
});

test("well-formed data without code is rejected; unknown options are defaulted", async () => {
  const encode = async (json: string) => {
    const bytes = new Response(new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw")));
    const b64 = Buffer.from(await bytes.arrayBuffer()).toString("base64url");
    return SHARE_PREFIX + b64;
  };
  await rejects(await encode("not json"), /not valid JSON/);
  await rejects(await encode('{"options":{}}'), /holds no code/);
  await rejects(await encode("null"), /holds no code/);
  const odd = await decodeShare(await encode('{"code":"x","options":{"virtualTime":"yes","extra":1}}'));
  assert.deepEqual(odd, { code: "x", options: defaultOptions });
});

test("code past the limit is refused when shared and when opened", async () => {
  const code = "a".repeat(MAX_SHARED_BYTES + 10);
  await assert.rejects(encodeShare({ code, options: defaultOptions }), /too large to share/);
  const bytes = new Response(new Blob([JSON.stringify({ code })]).stream().pipeThrough(new CompressionStream("deflate-raw")));
  await rejects(SHARE_PREFIX + Buffer.from(await bytes.arrayBuffer()).toString("base64url"), /too large/);
});
