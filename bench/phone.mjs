// The "phone" section of `make bench`: the seed-sized site (dist/, prerendered) against a List.js
// page of the same papers (bench/peer/, fed dist's publications.json) and a static HTML page of
// the same cards and stylesheet (dist/index.html without its scripts), loaded under Lighthouse's
// mobile conditions: Slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a CPU 4×
// slower, emulated over the Chrome DevTools Protocol, 390 px wide, with an empty cache.
//
// Per load:
// - first card: the first frame with a card in the DOM;
// - working search: navigation start → the search box works (Papershelf: the app's box enabled;
//   List.js: its list built), plus the time from the last key of a word then typed into the box
//   (a key every 120 ms) to the frame after the last DOM change that follows it: the word's
//   result shown. The harness's delay before typing and the typing itself are left out, the same
//   for both pages: a visitor's fingers are not part of the page;
// - LCP, CLS (from navigation until the app is ready and through the search; a second after load
//   for the static page), bytes transferred, and how many times the data file was requested (the
//   preload must be the very response the app reads: 1).
//
// Run alone with `node phone.mjs` (after a release build; PHONE_RUNS, PHONE_LOG=1 prints each
// load's requests with their priority and timing).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer } from "../tests/browser/serve.mjs";

/** The word typed: it matches some of the seed's papers, not all. */
const WORD = "diffusion";

const instrument = (page) => {
  const phone = (window.__phone = { firstCard: null, lcp: null, cls: 0, ready: null, keys: [], frames: [] });
  const working = () => {
    if (page === "static") return false;
    const box = document.querySelector(page === "listjs" ? "#papers input.search" : ".toolbar input[type=search]");
    // The List.js page's box is there from the start; it searches once List.js has its items,
    // when the page writes their count.
    if (page === "listjs") return Boolean(box && /\d publications/.test(document.getElementById("count")?.textContent));
    return Boolean(box && !box.matches(":disabled"));
  };
  const look = () => {
    if (document.querySelector("article, #papers .list li")) phone.firstCard ??= performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  addEventListener("keydown", (e) => phone.keys.push(e.timeStamp), true);
  addEventListener("TrunkApplicationStarted", () => (phone.started = performance.now()));
  new MutationObserver(() => {
    const seen = performance.now();
    if (phone.ready === null && working()) phone.ready = seen;
    requestAnimationFrame(() => phone.frames.push({ seen, frame: performance.now() }));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) phone.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) phone.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
};

/** The static page: the prerendered index.html with every script and preload taken out. */
function staticPage(dist, root) {
  cpSync(dist, root, { recursive: true });
  const html = readFileSync(join(dist, "index.html"), "utf8")
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g, "");
  writeFileSync(join(root, "index.html"), html);
}

/** The List.js page (bench/peer/) with the same papers. */
function listjsPage(dist, root) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  cpSync(join(here, "peer"), root, { recursive: true });
  cpSync(join(here, "node_modules/list.js/dist/list.min.js"), join(root, "list.min.js"));
  cpSync(join(dist, "publications.json"), join(root, "publications.json"));
}

/** One load of `url` as `page` ("papershelf", "listjs" or "static"); exported for comparing two
 * builds' heads in one run, as BENCHMARKS.md's phone notes do. */
export async function load(browser, url, page) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) =>
    requests.set(e.requestId, { url: e.request.url, priority: e.request.initialPriority, start: e.timestamp }),
  );
  cdp.on("Network.loadingFinished", (e) => requests.has(e.requestId) && (requests.get(e.requestId).end = e.timestamp));
  await tab.addInitScript(instrument, page);
  await tab.goto(url, { waitUntil: page === "static" ? "load" : "commit", timeout: 120_000 });
  if (page === "static") await tab.waitForTimeout(1000);
  else {
    await tab.waitForFunction(() => window.__phone.ready !== null, null, { timeout: 120_000 });
    const cards = page === "listjs" ? "#papers .list li" : "article";
    const before = await tab.locator(cards).count();
    await tab.locator(page === "listjs" ? "#papers input.search" : ".toolbar input[type=search]").focus();
    await tab.keyboard.type(WORD, { delay: 120 });
    await tab.waitForFunction(([cards, before]) => document.querySelectorAll(cards).length < before, [cards, before], { timeout: 60_000 });
    // Room for any later change the keys cause (a second render, a shift), counted in CLS too.
    await tab.waitForTimeout(500);
  }
  const result = await tab.evaluate(() => {
    const p = window.__phone;
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    const last = p.keys.at(-1);
    const settled = last === undefined ? NaN : Math.max(last, ...p.frames.filter((f) => f.seen >= last).map((f) => f.frame)) - last;
    return {
      firstCard: p.firstCard,
      started: p.started,
      ready: p.ready,
      lcp: p.lcp,
      cls: p.cls,
      working: p.ready === null ? NaN : p.ready + settled,
      bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
    };
  });
  const all = [...requests.values()];
  result.dataRequests = all.filter((r) => new URL(r.url).pathname.endsWith("/publications.json")).length;
  if (process.env.PHONE_LOG) {
    const t0 = Math.min(...all.map((r) => r.start));
    console.log(`\n${page}: first card ${Math.round(result.firstCard)} ms, working search ${Math.round(result.working)} ms (wasm started ${Math.round(result.started)}, box working ${Math.round(result.ready)})`);
    for (const r of all.sort((a, b) => a.start - b.start)) {
      const name = new URL(r.url).pathname.split("/").pop() || "(page)";
      console.log(`  ${((r.start - t0) * 1000).toFixed(0).padStart(6)} → ${r.end ? ((r.end - t0) * 1000).toFixed(0).padStart(6) : "     ?"} ms  ${r.priority.padEnd(8)} ${name}`);
    }
  }
  await context.close();
  return result;
}

/** Medians of `runs` loads of each page. */
export async function measurePhone(browser, { dist, out, port, runs }) {
  const staticRoot = join(out, "phone-static");
  staticPage(dist, staticRoot);
  const listjsRoot = join(out, "phone-listjs");
  listjsPage(dist, listjsRoot);
  const pages = [
    { name: "papershelf", root: dist },
    { name: "listjs", root: listjsRoot },
    { name: "static", root: staticRoot },
  ];
  for (const [i, site] of pages.entries()) await startServer({ root: site.root, prefix: "/papers/", port: port + i });
  // A load of each page in turn, `runs` times: a machine that slows down for a while slows all
  // three alike.
  const loads = Object.fromEntries(pages.map((site) => [site.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [i, site] of pages.entries()) loads[site.name].push(await load(browser, `http://127.0.0.1:${port + i}/papers/`, site.name));
  }
  const results = {};
  for (const site of pages) {
    const median = (key) => loads[site.name].map((l) => l[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
    results[site.name] = Object.fromEntries(["firstCard", "working", "lcp", "cls", "bytes", "dataRequests"].map((k) => [k, median(k)]));
    // CLS's target holds for every load, not only the median one.
    results[site.name].clsMax = Math.max(...loads[site.name].map((l) => l.cls));
  }
  return results;
}

/** The section of BENCHMARKS.md. */
export function phoneTable(results, runs) {
  const { papershelf: ours, listjs, static: plain } = results;
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : "n/a");
  const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
  const ratio = (a, b) => (Number.isFinite(a) && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
  const met = (ok) => (ok ? "yes" : "**no**");
  return [
    `Seed data (12 papers), 390 px wide, Slow 4G (150 ms, 1.6 Mbit/s) and CPU 4× slower, empty cache; median of ${runs} loads. Working search: from navigation until the search box works, plus the time from the last key of “${WORD}”, then typed a key every 120 ms, to the frame that shows its result.`,
    "",
    "| Measure | Papershelf | List.js page | Static page | Ratio | Target | Met |",
    "|---|---:|---:|---:|---:|---|:-:|",
    `| First card | ${ms(ours.firstCard)} | ${ms(listjs.firstCard)} | ${ms(plain.firstCard)} | ${ratio(ours.firstCard, plain.firstCard)} static | ≤ 1.3× static | ${met(ours.firstCard <= 1.3 * plain.firstCard)} |`,
    `| Working search | ${ms(ours.working)} | ${ms(listjs.working)} | — | ${ratio(ours.working, listjs.working)} List.js | ≤ 2× List.js | ${met(ours.working <= 2 * listjs.working)} |`,
    `| Largest contentful paint | ${ms(ours.lcp)} | ${ms(listjs.lcp)} | ${ms(plain.lcp)} | ${ratio(ours.lcp, plain.lcp)} static | — | |`,
    `| Cumulative layout shift (until ready and through the search; worst load) | ${ours.clsMax.toFixed(3)} | ${listjs.clsMax.toFixed(3)} | ${plain.clsMax.toFixed(3)} | | ≤ 0.02 | ${met(ours.clsMax <= 0.02)} |`,
    `| Bytes transferred | ${kb(ours.bytes)} | ${kb(listjs.bytes)} | ${kb(plain.bytes)} | ${ratio(ours.bytes, listjs.bytes)} List.js | — | |`,
    `| Requests for publications.json (the preload reused: 1) | ${ours.dataRequests} | ${listjs.dataRequests} | ${plain.dataRequests} | | 1 | ${met(ours.dataRequests === 1)} |`,
  ].join("\n");
}

// `node phone.mjs`: this section alone, on the release build in ../dist.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import("playwright-core");
  const { mkdirSync } = await import("node:fs");
  const here = fileURLToPath(new URL(".", import.meta.url));
  const out = join(here, ".out-phone");
  mkdirSync(out, { recursive: true });
  const runs = Number(process.env.PHONE_RUNS ?? 5);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
  const results = await measurePhone(browser, { dist: process.env.DIST ?? join(here, "../dist"), out, port: Number(process.env.PORT ?? 4390), runs });
  await browser.close();
  console.log(JSON.stringify(results));
  console.log(phoneTable(results, runs));
  process.exit(0);
}
