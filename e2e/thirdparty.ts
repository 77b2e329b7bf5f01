// Other origins for the embed tests. serveThirdParty serves e2e/thirdparty/
// on an ephemeral port of 127.0.0.1, with its pages' script tag pointed at
// a playground instead of ./build.sh serve's default address.
// servePlayground is such a playground on an origin of its own: it passes
// the site under test through with only the headers that
// web/docs/embedding.md asks of a host (CORS on the wasm), or fewer.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const ROOT = join(import.meta.dirname, "thirdparty");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** Origin is a running server; origin ends without a slash. */
export interface Origin {
  origin: string;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Origin> {
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const pathOf = (req: IncomingMessage) => normalize(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");

/** serveThirdParty starts the sample pages; playground is the site whose
 * embed.js they load (ends with a slash). */
export function serveThirdParty(playground: string): Promise<Origin> {
  return listen(async (req, res) => {
    const path = pathOf(req) || "index.html";
    try {
      const body = (await readFile(join(ROOT, path), "utf8")).replaceAll("http://127.0.0.1:8080/", playground);
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "text/plain" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

/** servePlayground passes the site at upstream through with its content
 * types and nothing else, adding Access-Control-Allow-Origin to the wasm
 * only when cors is true. */
export function servePlayground(upstream: string, cors: boolean): Promise<Origin> {
  return listen(async (req, res) => {
    const path = pathOf(req);
    try {
      const answer = await fetch(new URL(path, upstream));
      const headers: Record<string, string> = { "Content-Type": answer.headers.get("Content-Type") ?? "text/plain" };
      if (cors && path.endsWith(".wasm")) headers["Access-Control-Allow-Origin"] = "*";
      res.writeHead(answer.status, headers);
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.writeHead(502).end();
    }
  });
}
