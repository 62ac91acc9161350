// A tiny static server for dist/ under a sub-path (default /papers/), as GitHub Pages serves a
// project site. It gzips text responses when asked, like Pages does, so sizes and timings are real.
// Run directly (`node serve.mjs`, with DIST, PUBLIC_URL, PORT) or import startServer (benchmarks).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".xml"]);
const gzipCache = new Map();

function answer(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
const notFound = (res) => answer(res, 404, "Not found");

/** A file's compressed form is reused until the file changes: a rebuild may keep its length. */
async function cacheKey(path) {
  const { size, mtimeMs } = await stat(path);
  return `${path}:${size}:${mtimeMs}`;
}

/** Serves the directory `root` at `prefix` on `port`; resolves with the server once listening.
 * `warm` lists files (relative to root) to compress ahead, so a first request is not slowed by
 * compressing a large file, as it would not be on a real host. `intercept(path, req, res)`, if
 * given, may answer a request for a file itself (a test's broken or trickling download): it
 * resolves true when it did. */
export async function startServer({ root, prefix = "/papers/", port = 4173, warm = [], intercept }) {
  root = resolve(root);
  for (const file of warm) {
    const path = join(root, file);
    gzipCache.set(await cacheKey(path), gzipSync(await readFile(path)));
  }

  async function findFile(urlPath) {
    const relative = normalize(urlPath).replace(/^([/\\])+/, "");
    const path = join(root, relative);
    if (!path.startsWith(root)) return null;
    try {
      const info = await stat(path);
      return info.isDirectory() ? findFile(join(urlPath, "index.html")) : path;
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    // A request line that is not a valid URL, or a path whose percent-encoding is not UTF-8,
    // is the client's error: answer it, and keep serving.
    let url, pathname;
    try {
      url = new URL(req.url, "http://localhost");
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return answer(res, 400, "Bad request: malformed URL");
    }
    if (pathname === prefix.replace(/\/$/, "") || pathname === "/") {
      res.writeHead(302, { location: prefix + url.search + url.hash });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return notFound(res);
    const path = await findFile(pathname.slice(prefix.length - 1));
    if (!path) return notFound(res);
    if (intercept && (await intercept(path, req, res))) return;
    const ext = extname(path);
    const gzip = compressible.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    let body, key;
    try {
      key = gzip && (await cacheKey(path));
      // A compressed form already made is sent without reading the file again: a host serves a
      // large file from its cache, and reading 190 MB here held the first byte back ~200 ms.
      body = gzip && gzipCache.has(key) ? null : await readFile(path);
    } catch {
      // Gone since it was found: a test took its site down while the page still asked (the
      // favicon, say). Not an error of the test now running.
      return notFound(res);
    }
    const headers = { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
    if (gzip) {
      if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body));
      body = gzipCache.get(key);
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const root = process.env.DIST ?? join(here, "../../dist");
  const prefix = process.env.PUBLIC_URL ?? "/papers/";
  const port = Number(process.env.PORT ?? 4173);
  await startServer({ root, prefix, port });
  console.log(`serving ${resolve(root)} at http://127.0.0.1:${port}${prefix}`);
}
