// The "phone" section of `make bench`: the seed-sized site (dist/, prerendered) against a static
// HTML page of the same cards and stylesheet (dist/index.html without its scripts), loaded under
// Lighthouse's mobile conditions: Slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up)
// and a CPU 4× slower, emulated over the Chrome DevTools Protocol, with an empty cache.
//
// Per load: first card (the first frame with a card in the DOM), LCP, CLS (from navigation until
// the app has taken over, or a second after load for the static page) and bytes transferred.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../tests/browser/serve.mjs";

const instrument = () => {
  const phone = (window.__phone = { firstCard: null, lcp: null, cls: 0 });
  const look = () => {
    if (document.querySelector("article")) phone.firstCard ??= performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
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
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
  writeFileSync(join(root, "index.html"), html);
}

async function load(browser, url, app) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(instrument);
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  if (app) {
    await page.waitForFunction(() => !document.getElementById("prerendered"), null, { timeout: 120_000 });
    await page.getByRole("searchbox", { name: "Search", exact: true }).waitFor();
  }
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return { ...window.__phone, bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0) };
  });
  await context.close();
  return result;
}

/** Medians of `runs` loads of each page. */
export async function measurePhone(browser, { dist, out, port, runs }) {
  const staticRoot = join(out, "phone-static");
  staticPage(dist, staticRoot);
  const pages = [
    { name: "papershelf", root: dist, app: true },
    { name: "static", root: staticRoot, app: false },
  ];
  const results = {};
  for (const [i, site] of pages.entries()) {
    await startServer({ root: site.root, prefix: "/papers/", port: port + i });
    const loads = [];
    for (let run = 0; run < runs; run++) loads.push(await load(browser, `http://127.0.0.1:${port + i}/papers/`, site.app));
    const median = (key) => loads.map((l) => l[key]).sort((a, b) => a - b)[Math.floor(loads.length / 2)];
    results[site.name] = { firstCard: median("firstCard"), lcp: median("lcp"), cls: median("cls"), bytes: median("bytes") };
  }
  return results;
}

/** The section of BENCHMARKS.md. */
export function phoneTable(results, runs) {
  const ours = results.papershelf, peer = results.static;
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : "n/a");
  const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
  const met = (ok) => (ok ? "yes" : "**no**");
  return [
    `Seed data (12 papers), 390 px wide, Slow 4G (150 ms, 1.6 Mbit/s) and CPU 4× slower, empty cache; median of ${runs} loads.`,
    "",
    "| Measure | Papershelf | Static page | Ratio | Target | Met |",
    "|---|---:|---:|---:|---|:-:|",
    `| First card | ${ms(ours.firstCard)} | ${ms(peer.firstCard)} | ${ratio(ours.firstCard, peer.firstCard)} | ≤ 1.3× | ${met(ours.firstCard <= 1.3 * peer.firstCard)} |`,
    `| Largest contentful paint | ${ms(ours.lcp)} | ${ms(peer.lcp)} | ${ratio(ours.lcp, peer.lcp)} | — | |`,
    `| Cumulative layout shift (until the app is ready) | ${ours.cls.toFixed(3)} | ${peer.cls.toFixed(3)} | | ≤ 0.02 | ${met(ours.cls <= 0.02)} |`,
    `| Bytes transferred | ${kb(ours.bytes)} | ${kb(peer.bytes)} | ${ratio(ours.bytes, peer.bytes)} | — | |`,
  ].join("\n");
}
