// A profiling aid (not part of make bench): CPU profile of typing into the 10k page.
import { chromium } from "playwright-core";
import { startServer } from "../tests/browser/serve.mjs";
const root = process.argv[2] ?? ".out/papershelf-10k";
const what = process.argv[3] ?? "type";
await startServer({ root, prefix: "/papers/", port: 4399 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
if (what === "load") await cdp.send("Profiler.start");
await page.goto("http://127.0.0.1:4399/papers/");
await page.waitForSelector("article");
if (what === "load") {
  const { profile } = await cdp.send("Profiler.stop");
  report(profile);
} else {
  await page.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent.startsWith("Loading"), null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await cdp.send("Profiler.start");
  await page.getByRole("searchbox", { name: "Search", exact: true }).click();
  await page.keyboard.type(process.argv[4] ?? "variational inference", { delay: 120 });
  await page.waitForTimeout(500);
  const { profile } = await cdp.send("Profiler.stop");
  report(profile);
}
function report(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // Inclusive time per function (each sample counted once per distinct function on its stack).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      const name = n.callFrame.functionName || "(anon)";
      if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000); }
    }
  });
  if (process.env.INCL) for (const [k, v] of [...incl.entries()].filter(([k]) => k.includes(process.env.INCL)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log("incl", v.toFixed(1).padStart(8), k.slice(0, 150));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log("total ms", total.toFixed(0));
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
}
await browser.close();
process.exit(0);
