// Shared links: the code and options travel in the URL fragment, deflated
// and base64url-encoded, so sharing needs no server.

import { parseOptions, type PageOptions } from "./options";

/** Shared is what a link carries. */
export interface Shared {
  code: string;
  options: PageOptions;
}

/** SHARE_PREFIX starts every fragment this page writes; its version is 1. */
export const SHARE_PREFIX = "#v1.";

/** MAX_SHARED_BYTES bounds a decoded link, so a crafted one cannot exhaust memory. */
export const MAX_SHARED_BYTES = 1 << 20;

/** MAX_LINK_CHARS bounds a link's data before it is decoded: deflate grows
 * incompressible input by a few bytes per 64 KiB and base64 by a third, so
 * a link of MAX_SHARED_BYTES always fits. */
export const MAX_LINK_CHARS = Math.ceil(MAX_SHARED_BYTES * 1.5);

/** ShareError says why a fragment is not a usable link. */
export class ShareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareError";
  }
}

/** encodeShare makes the fragment (with its "#") for code and options; a
 * ShareError says when the code is too large for decodeShare to accept. */
export async function encodeShare(s: Shared): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ code: s.code, options: s.options }));
  if (json.length > MAX_SHARED_BYTES) {
    throw new ShareError(`the code is too large to share: ${json.length} bytes, links hold ${MAX_SHARED_BYTES}`);
  }
  const deflated = await pipe(json, new CompressionStream("deflate-raw"), Infinity);
  return SHARE_PREFIX + toBase64url(deflated);
}

/** isShareFragment tells a fragment this page wrote from any other. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith("#v") && /^#v\d+\./.test(hash);
}

/** decodeShare reads a fragment from encodeShare, or throws a ShareError. */
export async function decodeShare(hash: string): Promise<Shared> {
  if (!isShareFragment(hash)) throw new ShareError("not a shared playground link");
  if (!hash.startsWith(SHARE_PREFIX)) {
    throw new ShareError(`shared link version ${hash.slice(2, hash.indexOf("."))} is not supported (this page reads version 1)`);
  }
  const data = hash.slice(SHARE_PREFIX.length);
  if (data.length > MAX_LINK_CHARS) {
    throw new ShareError(`shared link is too long: more than ${MAX_LINK_CHARS} characters of data`);
  }
  const bytes = fromBase64url(data);
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_SHARED_BYTES);
  } catch (e) {
    if (e instanceof ShareError) throw e;
    throw new ShareError("shared link is damaged: its data does not decompress (was it cut short?)");
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    throw new ShareError("shared link is damaged: its data is not valid JSON text");
  }
  const v = value as Record<string, unknown> | null;
  if (typeof v !== "object" || v === null || typeof v.code !== "string") {
    throw new ShareError("shared link holds no code");
  }
  return { code: v.code, options: parseOptions(v.options) };
}

// pipe runs data through a compression transform, failing past max bytes.
async function pipe(data: Uint8Array, t: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array> {
  const writer = t.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = t.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw new ShareError(`shared link is too large: more than ${max} bytes of code`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1 || text.length === 0) {
    throw new ShareError("shared link is damaged: it is not base64url text");
  }
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
