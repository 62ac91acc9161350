// trunk post_build hook (run by tools/post-build.sh): moves trunk's preloads of the app (the
// wasm and its JavaScript), which trunk appends at the end of <head>, up to just after the
// stylesheet, with the wasm's `fetchpriority="high"`. At the end of the head they were found only
// after everything above them, the prerendered head included; there, on a slow phone, the wasm
// (the longest download by far) starts with the stylesheet instead of after it (bench/phone.mjs).
// The stylesheet stays first: the first card needs it and nothing else.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("head-order.mjs: run as a trunk hook (TRUNK_STAGING_DIR) or pass the dist directory");
const path = join(dir, "index.html");
let html = readFileSync(path, "utf8");

const take = (pattern) => {
  const found = html.match(pattern);
  if (!found) throw new Error(`head-order.mjs: no ${pattern} in index.html`);
  html = html.replace(found[0], "");
  return found[0];
};
const wasm = take(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/).replace(/ fetchpriority="\w+"/, "").replace("<link ", '<link fetchpriority="high" ');
const js = take(/<link rel="modulepreload"[^>]*>/);
const stylesheet = html.match(/<link rel="stylesheet"[^>]*>/);
if (!stylesheet) throw new Error("head-order.mjs: no stylesheet in index.html");
html = html.replace(stylesheet[0], `${stylesheet[0]}\n    ${wasm}\n    ${js}`);
writeFileSync(path, html);
