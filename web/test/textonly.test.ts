// User text reaches the DOM as text only: no source file of the page uses a
// sink that parses markup or runs code from a string. (The page's CSP also
// makes Chromium refuse strings at these sinks; this test names the line.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

/** SINKS parse markup or run strings as code. */
const SINKS: [string, RegExp][] = [
  ["innerHTML", /\.innerHTML\b/],
  ["outerHTML", /\.outerHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["setHTMLUnsafe/parseHTMLUnsafe", /\b(?:setHTMLUnsafe|parseHTMLUnsafe)\b/],
  ["document.write", /\bdocument\.write(?:ln)?\s*\(/],
  ["createContextualFragment", /\bcreateContextualFragment\b/],
  ["DOMParser", /\bDOMParser\b/],
  ["srcdoc", /\bsrcdoc\b/],
  ["eval", /(?<![.\w])eval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
  ["a string to setTimeout/setInterval", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ["an on* attribute", /setAttribute\s*\(\s*["'`]on/i],
  ["a javascript: URL", /["'`]\s*javascript:/i],
];

/** code drops comments, so the sinks may be named in prose. */
function code(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** findSinks lists "file:line: sink" for each sink used in src. */
function findSinks(file: string, src: string): string[] {
  const found: string[] = [];
  code(src).split("\n").forEach((line, i) => {
    for (const [name, re] of SINKS) if (re.test(line)) found.push(`${file}:${i + 1}: ${name}`);
  });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f.split("\\").join("/")}`);
}

test("no page source uses a markup or code sink", () => {
  const files = sources("web/src");
  assert.ok(files.length > 20, `only ${files.length} sources found`);
  const found = files.flatMap((f) => findSinks(f, readFileSync(f, "utf8")));
  assert.deepEqual(found, []);
});

test("the scan finds each sink and skips comments", () => {
  const bad = [
    "el.innerHTML = text;",
    "el.outerHTML = text;",
    'el.insertAdjacentHTML("beforeend", text);',
    "document.write(text);",
    "range.createContextualFragment(text);",
    "new DOMParser().parseFromString(text, 'text/html');",
    "frame.srcdoc = text;",
    "eval(text);",
    "new Function(text)();",
    'setTimeout("run()", 10);',
    'el.setAttribute("onclick", text);',
    "a.href = 'javascript:void 0';",
    "el.setHTMLUnsafe(text);",
  ];
  assert.equal(findSinks("x.ts", bad.join("\n")).length, bad.length);
  const fine = [
    "// never el.innerHTML = text",
    "/* eval(text) is refused */",
    "el.textContent = text; // not innerHTML",
    'const url = "https://example.com/x"; // innerHTML',
    "retrieval(text); medieval (x);",
  ];
  assert.deepEqual(findSinks("y.ts", fine.join("\n")), []);
});
