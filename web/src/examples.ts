// The shipped examples: web/examples/index.json lists them in menu order,
// with what running each one promises (luamod/examples_test.go and the
// page's tests check it), so the scripts carry no test metadata.

/** ExampleOutcome is how an example's run ends. */
export type ExampleOutcome = "ok" | "error" | "deadlock" | "leak";

const OUTCOMES: readonly string[] = ["ok", "error", "deadlock", "leak"];

/** ExampleInfo is one entry of web/examples/index.json. */
export interface ExampleInfo {
  file: string;
  title: string;
  /** expect is how a run ends; absent when the entry does not say. */
  expect?: ExampleOutcome;
  /** contains are substrings of the run's whole output. */
  contains: string[];
}

/** parseExampleIndex checks index.json's shape and returns its entries. */
export function parseExampleIndex(v: unknown): ExampleInfo[] {
  if (!Array.isArray(v)) throw new Error("examples/index.json is not a list");
  return v.map((e, i) => {
    if (typeof e?.file !== "string" || typeof e?.title !== "string" || !/^[\w-]+\.lua$/.test(e.file)) {
      throw new Error(`examples/index.json entry ${i + 1} needs a file (name.lua) and a title`);
    }
    const info: ExampleInfo = { file: e.file, title: e.title, contains: [] };
    if (OUTCOMES.includes(e.expect)) info.expect = e.expect as ExampleOutcome;
    if (Array.isArray(e.contains)) info.contains = e.contains.filter((c: unknown) => typeof c === "string");
    return info;
  });
}

/** fetchExampleIndex loads the menu from base (the examples directory URL). */
export async function fetchExampleIndex(base: URL): Promise<ExampleInfo[]> {
  const res = await fetch(new URL("index.json", base));
  if (!res.ok) throw new Error(`examples/index.json: HTTP ${res.status}`);
  return parseExampleIndex(await res.json());
}

/** fetchExample loads one example's source. */
export async function fetchExample(base: URL, file: string): Promise<string> {
  const res = await fetch(new URL(file, base));
  if (!res.ok) throw new Error(`examples/${file}: HTTP ${res.status}`);
  return res.text();
}
