// What a page per paper costs the build: `trunk build --release` timed with the 10k corpus as the
// shipped public/publications.json (as a lab with that many papers deploys it), then with the
// seed data again (which leaves dist/ as `make bench` built it), and dist's size with and without
// the pages. Both builds reuse the compiled wasm, so their difference is the work that grows with
// the data: the prerender (the listing, and every paper's page), and trunk copying the output.
// Before pages, that work was the listing alone, about a second for 10k papers (the prerender's
// own log gives its counts).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";

/** Bytes under `dir`, and how many files (none when there is no `dir`). */
function size(dir) {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = size(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

function build(repo) {
  const start = performance.now();
  execFileSync("trunk", ["build", "--release", "--public-url", "/papers/"], {
    cwd: repo,
    stdio: "ignore",
    env: { ...process.env, SITE_URL: "https://lab.example.org/papers/" },
  });
  return (performance.now() - start) / 1000;
}

/** Times the two builds and sizes the 10k one. */
export function measureBuild(repo, corpus) {
  const shipped = join(repo, "public/publications.json");
  const kept = `${shipped}.bench-kept`;
  renameSync(shipped, kept);
  let withCorpus, dist;
  try {
    copyFileSync(corpus, shipped);
    withCorpus = build(repo);
    const all = size(join(repo, "dist"));
    const pages = size(join(repo, "dist/p"));
    const feeds = size(join(repo, "dist/feeds"));
    dist = { all, pages, feeds, count: readdirSync(join(repo, "dist/p")).length };
  } finally {
    renameSync(kept, shipped);
  }
  const withSeed = build(repo);
  return { withCorpus, withSeed, dist };
}

/** The section for BENCHMARKS.md. */
export function buildTable({ withCorpus, withSeed, dist }) {
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const extra = withCorpus - withSeed;
  return [
    "| Measure | Value | Target |",
    "|---|---:|---|",
    `| \`trunk build --release\`, 10k corpus shipped (${dist.count.toLocaleString("en")} paper pages) | ${withCorpus.toFixed(1)} s | |`,
    `| \`trunk build --release\`, seed data shipped (12 papers) | ${withSeed.toFixed(1)} s | |`,
    `| **Extra time for 10k papers** (all the work that grows with the data) | **${extra.toFixed(1)} s** | ≤ 30 s (${extra <= 30 ? "met" : "**not met**"}) |`,
    `| dist/ without the pages and feeds | ${mb(dist.all.bytes - dist.pages.bytes - dist.feeds.bytes)} | |`,
    `| dist/ with them (${dist.all.files.toLocaleString("en")} files) | ${mb(dist.all.bytes)} | |`,
    `| The paper pages (p/) | ${mb(dist.pages.bytes)}, ${(dist.pages.bytes / dist.count / 1024).toFixed(1)} KB a page | |`,
  ].join("\n");
}
