// trunk post_build hook: pins a Content-Security-Policy into index.html. The policy allows the
// app's own files, WebAssembly compilation, fetching from its own origin, and exactly one inline
// script: trunk's bootstrap, by its SHA-256 (it names hashed file names, so it changes with every
// build, hence a hook rather than a fixed tag). Nothing else inline, nothing foreign.
//
// Under `trunk serve` the page also carries trunk's live-reload script, which trunk completes
// with the server's address only when it serves the page, after this hook: no hash taken here
// could match it. So development builds (trunk's debug profile, or any page with that script)
// allow inline scripts instead of pinning hashes; release builds keep the strict policy.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("csp.mjs: run as a trunk hook (TRUNK_STAGING_DIR) or pass the dist directory");
const path = join(dir, "index.html");
let html = readFileSync(path, "utf8");

// JSON-LD is data the browser never runs: no script-src applies to it.
const inline = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => m[1],
);
if (inline.length === 0) throw new Error("csp.mjs: no inline bootstrap script found in index.html");
const liveReload = inline.some((s) => s.includes("{{__TRUNK_ADDRESS__}}"));
const development = process.env.TRUNK_PROFILE === "debug" || liveReload;
const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
const inlineScripts = development ? "'unsafe-inline'" : hashes.join(" ");

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts}`,
  "style-src 'self'",
  // Thumbnails: the site's own files, or https: addresses (the data's `image`; the reader takes
  // nothing else).
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// Release builds are minified: the charset tag may have lost its quotes.
const charset = /<meta charset="?utf-8"?\s*\/?>/i;
if (!charset.test(html)) throw new Error("csp.mjs: expected <meta charset=\"utf-8\" /> in index.html");
html = html.replace(charset, (tag) => `${tag}\n    ${meta}`);
writeFileSync(path, html);
