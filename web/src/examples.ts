// The shipped examples: web/examples/index.json lists them in menu order,
// and each file's leading comment says what running it shows.

/** ExampleInfo is one entry of web/examples/index.json. */
export interface ExampleInfo {
  file: string;
  title: string;
}

/** ExampleHeader is what an example's "-- Key: value" lines promise. */
export interface ExampleHeader {
  title: string;
  /** expect is ok, error, deadlock or leak. */
  expect: string;
  /** contains are substrings of the run's whole output. */
  contains: string[];
}

/** parseExampleHeader reads the comment lines at the top of an example
 * (luamod/examples_test.go reads them the same way). */
export function parseExampleHeader(src: string): ExampleHeader {
  const h: ExampleHeader = { title: "", expect: "", contains: [] };
  for (const line of src.split("\n")) {
    if (!line.startsWith("--")) break;
    const text = line.slice(2).trim();
    const colon = text.indexOf(":");
    if (colon < 0) continue;
    const key = text.slice(0, colon);
    const value = text.slice(colon + 1).trim();
    if (key === "Title") h.title = value;
    else if (key === "Expect") h.expect = value;
    else if (key === "Output contains") h.contains.push(value);
  }
  return h;
}

/** parseExampleIndex checks index.json's shape and returns its entries. */
export function parseExampleIndex(v: unknown): ExampleInfo[] {
  if (!Array.isArray(v)) throw new Error("examples/index.json is not a list");
  return v.map((e, i) => {
    if (typeof e?.file !== "string" || typeof e?.title !== "string" || !/^[\w-]+\.lua$/.test(e.file)) {
      throw new Error(`examples/index.json entry ${i + 1} needs a file (name.lua) and a title`);
    }
    return { file: e.file, title: e.title };
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
