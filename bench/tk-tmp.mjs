// A profiling aid (not part of make bench): where each keystroke's time goes on the main thread,
// from a Chrome trace. Per key: the key's own task, the frame that paints it, the script that
// then runs for it (search and render, in timers and microtasks until the next key), and the
// style, layout and paint of the frame that shows its result.
//
//   node trace-keys.mjs .out/papershelf-10k "variational inference"   (after `node run.mjs`)
//   PREFIX=varia node trace-keys.mjs .out/papershelf-10k t            (type PREFIX untraced first)
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../tests/browser/serve.mjs";

const root = process.argv[2] ?? ".out/papershelf-10k";
const typed = process.argv[3] ?? "variational";
const GAP = Number(process.env.GAP ?? 150);
const tracePath = join(mkdtempSync(join(tmpdir(), "trace-keys-")), "trace.json");
await startServer({ root, prefix: "/papers/", port: 4397, warm: ["publications.json"] });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://127.0.0.1:4397/papers/");
await page.waitForFunction(() => !document.getElementById("prerendered") && document.querySelector("main[data-shown]"), null, { timeout: 120_000 });
await page.waitForTimeout(1000);
const search = page.getByRole("searchbox", { name: "Search", exact: true });
await search.click();
if (process.env.PREFIX) await page.keyboard.type(process.env.PREFIX, { delay: GAP });
await page.waitForTimeout(500);
await browser.startTracing(page, { path: tracePath, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
for (const key of typed) {
  await page.keyboard.type(key);
  await page.waitForTimeout(GAP);
}
await browser.stopTracing();
await browser.close();

const events = JSON.parse(readFileSync(tracePath, "utf8")).traceEvents;
const main = events.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown")?.tid;
const slices = events.filter((e) => e.tid === main && e.ph === "X").sort((a, b) => a.ts - b.ts);
const tasks = slices.filter((e) => e.name === "RunTask");
const inside = (task, name) => slices.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.name === name);
const ms = (us) => us / 1000;
const sum = (list) => list.reduce((a, e) => a + ms(e.dur), 0);
const keyTasks = tasks.filter((t) => inside(t, "EventDispatch").some((e) => e.args?.data?.type === "keydown"));
const rows = keyTasks.map((key, i) => {
  const until = keyTasks[i + 1]?.ts ?? Infinity;
  const after = tasks.filter((t) => t.ts > key.ts && t.ts < until);
  const painted = after.filter((t) => inside(t, "Paint").length);
  const script = after.filter((t) => inside(t, "TimerFire").length);
  const render = (t) => (t ? sum(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"].flatMap((n) => inside(t, n))) : 0);
  const lastScript = script.at(-1);
  const resultFrame = lastScript && painted.find((t) => t.ts > lastScript.ts);
  // The longest task after the key's own: what a key released (or pressed) meanwhile waits for.
  const longest = Math.max(0, ...after.map((t) => ms(t.dur)));
  return { key: typed[i], keyTask: ms(key.dur), keyFrame: render(painted[0]), script: sum(script), resultFrame: render(resultFrame), longest };
});
for (const [i,key] of keyTasks.entries()) { const until = keyTasks[i + 1]?.ts ?? Infinity; const after = tasks.filter((t) => t.ts > key.ts && t.ts < until); const L = after.reduce((a,t)=> t.dur>(a?.dur??0)?t:a, null); if (!L) continue; const kids = slices.filter((e)=> e.ts>=L.ts && e.ts+e.dur<=L.ts+L.dur && e!==L && e.dur>500); console.log(typed[i], ms(L.dur).toFixed(1), ms(L.ts-key.ts).toFixed(1), kids.map(e=>e.name+":"+ms(e.dur).toFixed(1)+(e.args?.data?.functionName?"("+e.args.data.functionName+")":"")).join(" ")); }
console.log("key  key task  key frame  script  result frame  longest task   (ms)");
const line = (label, r) =>
  `${label.padEnd(5)}${r.keyTask.toFixed(1).padStart(8)}${r.keyFrame.toFixed(1).padStart(11)}${r.script.toFixed(1).padStart(8)}${r.resultFrame.toFixed(1).padStart(14)}${r.longest.toFixed(1).padStart(14)}`;
for (const r of rows) console.log(line(JSON.stringify(r.key), r));
const median = (k) => [...rows].map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(line("median", Object.fromEntries(["keyTask", "keyFrame", "script", "resultFrame", "longest"].map((k) => [k, median(k)]))));
process.exit(0);
