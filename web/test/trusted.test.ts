// The worker-URL policy of Trusted Types: same origin only.

import { test } from "node:test";
import assert from "node:assert/strict";
import { sameOrigin } from "../src/trusted";

test("a worker script resolves against the page and must share its origin", () => {
  const page = "https://play.example/sub/index.html?test";
  assert.equal(sameOrigin("worker.js", page), "https://play.example/sub/worker.js");
  assert.equal(sameOrigin("/w/worker.js", page), "https://play.example/w/worker.js");
  for (const other of ["https://evil.example/worker.js", "//evil.example/w.js", "http://play.example/worker.js", "data:text/javascript,1"]) {
    assert.throws(() => sameOrigin(other, page), /another origin/, other);
  }
});

test("a blob: URL the page made has the page's origin", () => {
  const page = "https://play.example/index.html";
  assert.equal(sameOrigin("blob:https://play.example/1f0c", page), "blob:https://play.example/1f0c");
  assert.throws(() => sameOrigin("blob:https://evil.example/1f0c", page), /another origin/);
});
