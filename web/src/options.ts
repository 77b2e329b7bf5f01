// The run options a user sets on the page; shared links and storage carry them.

/** PageOptions are the page's run settings. */
export interface PageOptions {
  /** virtualTime runs on the reproducible virtual clock (the default). */
  virtualTime: boolean;
}

export const defaultOptions: PageOptions = { virtualTime: true };

/** parseOptions keeps the known, well-typed fields of v and defaults the rest. */
export function parseOptions(v: unknown): PageOptions {
  const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  return {
    virtualTime: typeof o.virtualTime === "boolean" ? o.virtualTime : defaultOptions.virtualTime,
  };
}
