// `make screenshots`: the release build of the seed site, photographed for the README (docs/):
// desktop and a 390 px phone, light and dark. Not a test; look at the pictures.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

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
await browser.close();
server.close();
