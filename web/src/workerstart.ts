// Starting the engine's worker from any page. A worker script must come
// from the page's own origin, so when the engine lives on another origin
// (an embedded example whose embed.js is served elsewhere) the worker is
// started from a small blob: bootstrap made here, which imports the Go
// glue and the worker by absolute URL. That needs the host page to allow
// blob: workers (CSP worker-src) and the engine's host to send CORS
// headers for the wasm; the docs page web/docs/embedding.md says so.

import { POLICY_NAME, workerScriptURL } from "./trusted";

/** startWorker starts the worker script at url (relative to the page). */
export function startWorker(url: string): Worker {
  const abs = new URL(url, location.href);
  if (abs.origin === location.origin) return new Worker(workerScriptURL(abs.href));
  const code = bootstrap([new URL("wasm_exec.js", abs).href, abs.href]);
  const blob = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  const worker = new Worker(workerScriptURL(blob));
  // The bootstrap is read as the worker starts; its first message says it was.
  worker.addEventListener("message", () => URL.revokeObjectURL(blob), { once: true });
  return worker;
}

/** bootstrap is the worker's first script: it imports scripts. A blob:
 * worker inherits the page's policy, so where the page enforces Trusted
 * Types, importScripts takes only TrustedScriptURLs: the bootstrap makes
 * them with a policy of the one allowed name that passes these URLs only. */
function bootstrap(scripts: string[]): string {
  return [
    `const urls = ${JSON.stringify(scripts)};`,
    `const policy = self.trustedTypes && self.trustedTypes.createPolicy(${JSON.stringify(POLICY_NAME)}, {`,
    '  createScriptURL(u) { if (!urls.includes(u)) throw new TypeError("refusing a script: " + u); return u; },',
    "});",
    "importScripts(...urls.map((u) => (policy ? policy.createScriptURL(u) : u)));",
  ].join("\n");
}
