// A site deployed with other data, as a lab would deploy it: the release build (dist/) copied to a
// fresh directory, the data written there as publications.json with its files beside it, the page
// prerendered for that data (the binary trunk's post-build hook builds and runs), and served under
// /papers/ like GitHub Pages. Tests with other data use this rather than rewriting the request for
// publications.json, so the prerendered page, the preload and relative paths are what ships.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dist = resolve(process.env.DIST ?? join(repo, "dist"));
/** Built by trunk's post-build hook (tools/post-build.sh), under CARGO_TARGET_DIR when it is set. */
const prerender = join(resolve(process.env.CARGO_TARGET_DIR ?? join(repo, "target")), "debug/prerender");

/** A fixture lab in tests/browser/fixtures: its publications.json and the files beside it. */
export function fixture(name) {
  const dir = join(repo, "tests/browser/fixtures", name);
  const text = readFileSync(join(dir, "publications.json"), "utf8");
  return { dir, text, doc: JSON.parse(text), files: { assets: join(dir, "assets") } };
}

/** The fixture lab moved from al-folio (papers.bib imported over base.json, with its assets). */
export const alfolioLab = () => fixture("alfolio-lab");

/**
 * Deploys the site with `data` (a JSON text, or a value to write as JSON) as its
 * publications.json and `files` beside it (`{ "assets": "/path/to/dir", "x.png": "/path/x.png" }`:
 * where in the site → what to copy there). The prerender gets the site's own address as
 * SITE_URL, as the Pages workflow gives it, so that the sitemap and feeds are written (`address:
 * false` builds without one). `intercept` is the server's (see startServer). Resolves with the site's `url` (ending in /papers/), its `root`
 * directory and `close()`, which stops the server and removes the directory.
 */
export async function deploy({ data, files = {}, prefix = "/papers/", address = true, intercept }) {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist} has no index.html: build the site first (trunk build --release --public-url /papers/)`);
  }
  if (!existsSync(prerender)) {
    throw new Error(`no ${prerender}: trunk's post-build hook builds it (set CARGO_TARGET_DIR as for the build)`);
  }
  const root = mkdtempSync(join(tmpdir(), "papershelf-deploy-"));
  // Served from the start (the port is the server's choice): the address is known before the
  // prerender writes it into the pages.
  const server = await startServer({ root, prefix, port: 0, intercept });
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  const close = async () => {
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    cpSync(dist, root, { recursive: true });
    writeFileSync(join(root, "publications.json"), typeof data === "string" ? data : JSON.stringify(data));
    for (const [to, from] of Object.entries(files)) cpSync(from, join(root, to), { recursive: true });
    const env = { ...process.env, SITE_URL: address ? url : "" };
    execFileSync(prerender, [root], { stdio: "pipe", env });
  } catch (e) {
    await close();
    throw e;
  }
  return { url, root, close };
}
