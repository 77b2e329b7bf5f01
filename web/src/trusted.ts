// Trusted Types: the page's Content-Security-Policy (web/index.html) makes
// the browser refuse strings at script sinks (innerHTML, new Worker(url),
// eval…). The one sink the page needs is the engine's worker; this module
// is the only policy the CSP allows (`trusted-types lp-worker`), and it lets
// through same-origin script URLs only (a blob: URL the page made counts:
// its origin is the page's). Every other sink stays closed, so
// user text can reach the DOM as text and nothing else.

/** The part of the Trusted Types API this module uses (not in lib.dom yet). */
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

/** POLICY_NAME is the name the CSP's trusted-types directive allows. */
export const POLICY_NAME = "lp-worker";

let policy: { createScriptURL(url: string): unknown } | undefined;

/** sameOrigin resolves url against the page and refuses another origin's. */
export function sameOrigin(url: string, base: string): string {
  const u = new URL(url, base);
  if (u.origin !== new URL(base).origin) throw new Error(`refusing a worker script from another origin: ${u.origin}`);
  return u.href;
}

/** workerScriptURL turns url into what new Worker accepts under the page's
 * CSP: a TrustedScriptURL where Trusted Types exist, else the checked URL. */
export function workerScriptURL(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return sameOrigin(url, location.href);
  policy ??= factory.createPolicy(POLICY_NAME, { createScriptURL: (u) => sameOrigin(u, location.href) });
  // A TrustedScriptURL is what the browser wants; TypeScript's lib.dom does not know the type.
  return policy.createScriptURL(url) as string;
}
