// trunk post_build hook (run by tools/post-build.sh, before the prerender copies the stylesheet's
// tag into every paper page): minifies the stylesheet and the app's JavaScript glue that trunk
// emitted, with esbuild, in release builds. trunk's own minifier cannot be used: it also minifies
// index.html (unquoted attributes the prerender and the head's tools do not read) and its
// JavaScript minifier fails on wasm-bindgen's `export default`. The files keep their names (trunk
// hashed the source); their `integrity` hashes in index.html are recomputed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("minify.mjs: run as a trunk hook (TRUNK_STAGING_DIR) or pass the dist directory");
// `trunk serve` and debug builds stay readable.
if (process.env.TRUNK_PROFILE === "debug") process.exit(0);

const sha384 = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
// trunk's outputs: a name, a 16-digit hash of the source, and the extension.
for (const name of readdirSync(dir).filter((n) => /-[0-9a-f]{16}\.(css|js)$/.test(n))) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  const loader = name.endsWith(".css") ? "css" : "js";
  // No `target`: the output keeps the syntax it was written in, for the browsers the page names.
  const { code } = transformSync(source, { loader, minify: true, legalComments: "none" });
  const integrity = sha384(source);
  if (!html.includes(integrity)) throw new Error(`minify.mjs: index.html does not pin ${name} by its hash`);
  writeFileSync(path, code);
  html = html.replaceAll(integrity, sha384(code));
}
writeFileSync(indexPath, html);
