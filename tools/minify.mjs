// trunk post_build hook (run by tools/post-build.sh, before the prerender copies the stylesheet's
// tag into every paper page): minifies the stylesheet and the app's JavaScript glue that trunk
// emitted, with esbuild, in release builds. trunk's own minifier cannot be used: it also minifies
// index.html (unquoted attributes the prerender and the head's tools do not read) and its
// JavaScript minifier fails on wasm-bindgen's `export default`. Each minified file is named anew
// for its content, as trunk names its files (trunk's name is the source's hash: the same source
// minified differently, by another esbuild, would keep a name a browser may have cached under
// other bytes, which the new integrity hash would then block); index.html's references and
// integrity hashes follow.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("minify.mjs: run as a trunk hook (TRUNK_STAGING_DIR) or pass the dist directory");
// `trunk serve` and debug builds stay readable.
if (process.env.TRUNK_PROFILE === "debug") process.exit(0);

const sha256Hex = (text) => createHash("sha256").update(text).digest("hex");
const sha384 = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
// trunk's outputs: a name, a hash of the source (16 hex digits, fewer when it begins with zeros),
// and the extension.
const hashed = /-[0-9a-f]{8,16}\.(css|js)$/;
for (const name of readdirSync(dir).filter((n) => hashed.test(n))) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  const loader = name.match(hashed)[1];
  // No `target`: the output keeps the syntax it was written in, for the browsers the page names.
  const { code } = transformSync(source, { loader, minify: true, legalComments: "none" });
  const integrity = sha384(source);
  if (!html.includes(integrity)) throw new Error(`minify.mjs: index.html does not pin ${name} by its hash`);
  const renamed = name.replace(hashed, `-${sha256Hex(code).slice(0, 16)}.${loader}`);
  rmSync(path);
  writeFileSync(join(dir, renamed), code);
  html = html.replaceAll(integrity, sha384(code)).replaceAll(name, renamed);
}
writeFileSync(indexPath, html);
