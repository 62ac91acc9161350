import { chromium } from "playwright-core";
import { startServer } from "../tests/browser/serve.mjs";
const root = process.argv[2];
await startServer({ root, prefix: "/papers/", port: 4397 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://127.0.0.1:4397/papers/");
await page.waitForSelector("article");
await page.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent.startsWith("100,000")));
await page.waitForTimeout(500);
const search = page.getByRole("searchbox", { name: "Search", exact: true });
await search.click();
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"] });
await page.keyboard.type(process.argv[3] ?? "variational inference", { delay: 120 });
await page.waitForTimeout(400);
const buf = await browser.stopTracing();
const { traceEvents } = JSON.parse(buf.toString());
const tn = traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
const mainTid = tn.tid, mainPid = tn.pid;
const top = traceEvents.filter((e) => e.ph === "X" && e.tid === mainTid && e.pid === mainPid && e.dur > 1000 && ["TimerFire","EventDispatch","Layout","Paint","UpdateLayoutTree","FunctionCall","RunMicrotasks","PrePaint","Commit","FireAnimationFrame"].includes(e.name)).sort((a,b)=>a.ts-b.ts);
const t0 = top[0]?.ts ?? 0;
for (const e of top.slice(0, Number(process.env.N ?? 80))) console.log(((e.ts - t0) / 1000).toFixed(1).padStart(8), (e.dur / 1000).toFixed(1).padStart(6), e.name, e.args?.data?.type ?? "");
{
  const keys = top.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "keypress").map((e) => e.ts);
  const spans = keys.map((k, i) => {
    const next = keys[i + 1] ?? Infinity;
    const inKey = top.filter((e) => e.ts >= k && e.ts < next);
    const last = Math.max(...inKey.filter((e) => e.name === "Paint").map((e) => e.ts + e.dur));
    const work = inKey.filter((e) => e.name === "TimerFire").map((e) => (e.dur / 1000).toFixed(0)).join("+");
    const layout = inKey.filter((e) => e.name === "Layout").map((e) => (e.dur / 1000).toFixed(0)).join("+");
    return `${((last - k) / 1000).toFixed(0)}ms timers ${work} layout ${layout} firstTimer +${((inKey.find((e) => e.name === "TimerFire")?.ts - k) / 1000).toFixed(1)}`;
  });
  console.log(spans.join("\n"));
}
const main = traceEvents.filter((e) => e.ph === "X" && e.dur && e.cat.includes("devtools.timeline"));
const agg = new Map();
for (const e of main) agg.set(e.name, (agg.get(e.name) ?? 0) + e.dur / 1000);
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
await browser.close(); process.exit(0);
