// A second origin for the embed tests: serves e2e/thirdparty/ on an
// ephemeral port of 127.0.0.1, with its pages' script tag pointed at the
// playground under test instead of ./build.sh serve's default address.

import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const ROOT = join(import.meta.dirname, "thirdparty");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** ThirdParty is the running server; origin ends without a slash. */
export interface ThirdParty {
  origin: string;
  close(): Promise<void>;
}

/** serveThirdParty starts the server; playground is the site under test. */
export async function serveThirdParty(playground: string): Promise<ThirdParty> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "index.html";
    try {
      let body = await readFile(join(ROOT, path), "utf8");
      body = body.replaceAll("http://127.0.0.1:8080/", playground);
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "text/plain" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
