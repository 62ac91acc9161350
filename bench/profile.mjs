// A profiling aid (not part of make bench): CPU profile of typing into the 10k page; `load`
// profiles until the first card, `searchable` until the whole catalog is searchable.
import { chromium } from "playwright-core";
import { startServer } from "../tests/browser/serve.mjs";
const root = process.argv[2] ?? ".out/papershelf-10k";
const what = process.argv[3] ?? "type";
await startServer({ root, prefix: "/papers/", port: Number(process.env.PROFILE_PORT ?? 4399) });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
if (what !== "type") await cdp.send("Profiler.start");
await page.goto(`http://127.0.0.1:${process.env.PROFILE_PORT ?? 4399}/papers/`);
await page.waitForSelector("article");
if (what === "searchable") {
  await page.waitForFunction(
    () => !document.getElementById("prerendered") && !document.querySelector('[role="progressbar"]') && document.querySelector(".toolbar input[type=search]:not(:disabled)"),
    null,
    { timeout: 120_000, polling: 20 },
  );
}
if (what !== "type") {
  const { profile } = await cdp.send("Profiler.stop");
  report(profile);
} else {
  await page.waitForFunction(() => !document.getElementById("prerendered") && document.querySelector("main[data-shown]"), null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.getByRole("searchbox", { name: "Search", exact: true }).click();
  // PREFIX is typed before profiling starts: the profile then holds only the keys after it.
  if (process.env.PREFIX) { await page.keyboard.type(process.env.PREFIX, { delay: 150 }); await page.waitForTimeout(500); }
  await cdp.send("Profiler.start");
  for (const ch of process.argv[4] ?? "variational inference") { await page.keyboard.type(ch); await page.waitForTimeout(200); }
  await page.waitForTimeout(500);
  const { profile } = await cdp.send("Profiler.stop");
  report(profile);
}
function tree(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfT = new Map();
  profile.samples.forEach((id, i) => selfT.set(id, (selfT.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = (n) => (selfT.get(n.id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(byId.get(c)), 0);
  const walk = (n, depth) => {
    const t = total(n);
    if (t < Number(process.env.TREE_MIN ?? 1)) return;
    const name = (n.callFrame.functionName || "(anon)").replace(/::h[0-9a-f]{16}/g, "").replace(/reactive_graph::|tachys::|core::|alloc::/g, "");
    console.log(" ".repeat(depth) + t.toFixed(1) + " " + name.slice(0, 160));
    for (const c of n.children ?? []) walk(byId.get(c), depth + 1);
  };
  walk(profile.nodes[0], 0);
}
function report(profile) {
  if (process.env.TREE) return tree(profile);
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
  const incl = new Map(); const name2 = (n) => n.callFrame.functionName || "(anon)";
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      const name = n.callFrame.functionName || "(anon)";
      if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000); }
    }
  });
  // CALLERS=name: which functions the samples in `name` were called from (the nearest caller
  // whose name does not match CALLERS_SKIP).
  if (process.env.CALLERS) {
    const skip = new RegExp(process.env.CALLERS_SKIP ?? "^$");
    const from = new Map();
    profile.samples.forEach((id, i) => {
      if (!name2(byId.get(id)).includes(process.env.CALLERS)) return;
      let at = parent.get(id);
      while (at !== undefined && (skip.test(name2(byId.get(at))) || name2(byId.get(at)).includes(process.env.CALLERS))) at = parent.get(at);
      const caller = at === undefined ? "(root)" : name2(byId.get(at));
      from.set(caller, (from.get(caller) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    for (const [k, v] of [...from.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log("from", v.toFixed(1).padStart(8), k.slice(0, 170));
  }
  if (process.env.INCL) for (const [k, v] of [...incl.entries()].filter(([k]) => k.includes(process.env.INCL)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log("incl", v.toFixed(1).padStart(8), k.slice(0, 150));
  if (process.env.CRATES) {
    const byCrate = new Map();
    for (const [k, v] of self) {
      const m = k.match(/^[<(]*([a-z_0-9]+)::/) ?? k.match(/ (\S+\.js)$/);
      const key = m ? m[1] : k.split(" ")[0];
      byCrate.set(key, (byCrate.get(key) ?? 0) + v);
    }
    for (const [k, v] of [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log("crate", v.toFixed(1).padStart(8), k);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log("total ms", total.toFixed(0));
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
}
await browser.close();
process.exit(0);
