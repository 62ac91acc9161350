// `make screenshots`: the release build of the seed site, photographed for the README (docs/):
// desktop and a 390 px phone, light and dark; then the same for the fixture lab moved from
// al-folio (docs/moving-in-*.png: kickers, thumbnails, marks, notes), deployed with its data as
// a lab would deploy it, and one of its papers' own pages (docs/paper-page-*.png). Not a test;
// look at the pictures. FULL_PAGE=DIR also writes whole-page
// pictures of the fixture lab into DIR, for looking over every card.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";
import { alfolioLab, deploy } from "./deploy.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const port = Number(process.env.PORT ?? 4179);
const server = await startServer({ root: `${repo}dist`, prefix: "/papers/", port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
mkdirSync(`${repo}docs`, { recursive: true });
const shots = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true },
];
for (const { name, ...device } of shots) {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ ...device, colorScheme });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/papers/`);
    await page.getByRole("status").filter({ hasText: /publications$/ }).waitFor();
    // One abstract open shows what a card holds.
    await page.getByRole("button", { name: "Show abstract" }).first().click();
    // Clicking scrolled the button into view; the picture starts at the top of the page.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    await page.evaluate(() => document.fonts.ready);
    const file = `docs/${name}-${colorScheme}.png`;
    await page.screenshot({ path: `${repo}${file}` });
    console.log(`wrote ${file}`);
    await context.close();
  }
}

// The fixture lab: the page as it opens, every thumbnail in view loaded.
const lab = alfolioLab();
const site = await deploy({ data: lab.text, files: lab.files });
for (const { name, ...device } of shots) {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ ...device, colorScheme });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.locator("#prerendered").waitFor({ state: "detached" });
    await page.getByRole("status").filter({ hasText: /publications$/ }).waitFor();
    const loaded = () =>
      page.waitForFunction(() =>
        [...document.querySelectorAll("img.thumbnail")].every((i) => {
          const r = i.getBoundingClientRect();
          return r.top > innerHeight || r.bottom < 0 || (i.complete && i.naturalWidth > 0);
        }),
      );
    await page.evaluate(() => document.fonts.ready);
    await loaded();
    const file = `docs/moving-in-${name}-${colorScheme}.png`;
    await page.screenshot({ path: `${repo}${file}` });
    console.log(`wrote ${file}`);
    if (process.env.FULL_PAGE) {
      // Every card scrolled past once, so that every lazy thumbnail loads.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
          window.scrollTo({ top: y, behavior: "instant" });
          await new Promise((next) => requestAnimationFrame(() => requestAnimationFrame(next)));
        }
        window.scrollTo({ top: 0, behavior: "instant" });
      });
      await page.waitForFunction(() => [...document.querySelectorAll("img.thumbnail")].every((i) => i.complete && i.naturalWidth > 0));
      const whole = `${process.env.FULL_PAGE}/moving-in-${name}-${colorScheme}-full.png`;
      await page.screenshot({ path: whole, fullPage: true });
      console.log(`wrote ${whole}`);
    }
    await context.close();
  }
}
// A paper's own page, as a link from the listing opens it.
for (const { name, ...device } of shots) {
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ ...device, colorScheme });
    const page = await context.newPage();
    await page.goto(`${site.url}p/lovelace2025tides/`);
    await page.getByRole("button", { name: "Copy BibTeX" }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    const file = `docs/paper-page-${name}-${colorScheme}.png`;
    await page.screenshot({ path: `${repo}${file}` });
    console.log(`wrote ${file}`);
    await context.close();
  }
}
await site.close();
await browser.close();
server.close();
