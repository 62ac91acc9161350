// The page prerendered at build time (src/bin/prerender.rs): the first cards, the data's title
// and description, JSON-LD and links to the whole data are in index.html itself; without
// JavaScript they read; with it, the app takes over in place, showing the same cards, without a
// layout shift or a loading message.
import { test, expect, status, seedPapers } from "./helpers.mjs";

/** What a card says, as a visitor reads it: title, authors, venue and year, topics, links. */
async function cardTexts(page) {
  return page.getByRole("article").evaluateAll((articles) =>
    articles.map((a) =>
      [".paper-title", ".authors", ".meta", ".topics", ".links a"]
        .flatMap((selector) => [...a.querySelectorAll(selector)].map((e) => e.textContent.trim()))
        .join(" | "),
    ),
  );
}

test("index.html itself holds the cards, the page's details and JSON-LD naming the papers", async ({ page }) => {
  const response = await page.request.get("./");
  const html = await response.text();
  const papers = seedPapers();
  expect(html.match(/<article /g)).toHaveLength(papers.length);
  expect(html).toContain("<title>Publications</title>");
  expect(html).toContain('<meta property="og:title" content="Publications" />');
  expect(html).toContain('<meta name="description" content="Recent papers by the lab');
  expect(html).toContain('<link rel="preload" href="publications.json" as="fetch" crossorigin');
  const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
  expect(jsonLd["@context"]).toBe("https://schema.org");
  const names = jsonLd["@graph"].map((a) => a.name);
  expect(names.toSorted()).toEqual(papers.map((p) => p.title).toSorted());
  for (const article of jsonLd["@graph"]) {
    expect(article["@type"]).toBe("ScholarlyArticle");
    const paper = papers.find((p) => p.title === article.name);
    expect(article.author.map((a) => a.name)).toEqual(paper.authors ?? []);
    expect(article.datePublished).toBe(paper.year === undefined ? undefined : String(paper.year));
  }
  // The whole data, for readers without JavaScript.
  const bib = await page.request.get("./publications.bib");
  expect(bib.ok()).toBe(true);
  expect((await bib.text()).match(/^@\w+\{/gm)).toHaveLength(papers.length);
});

test("the app shows the same cards in the same order as the prerendered page", async ({ browser, page }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const plain = await noScript.newPage();
  await plain.goto("./");
  const prerendered = await cardTexts(plain);
  await noScript.close();

  await page.goto("./");
  await expect(status(page)).toHaveText("12 publications");
  await expect(page.locator("#prerendered")).toHaveCount(0);
  expect(prerendered).toHaveLength(12);
  expect(await cardTexts(page)).toEqual(prerendered);
});

test("without JavaScript the papers read: abstracts open natively, the data is linked, controls are off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Publications" })).toBeVisible();
  const card = page.getByRole("article", { name: /^Forgetting Transformer/ });
  await expect(card.getByRole("link", { name: "Code" })).toHaveAttribute("href", /^https:/);
  const abstract = seedPapers().find((p) => p.id === "forgetting-transformer").abstract;
  const ending = abstract.slice(-40);
  await expect(card.getByText(ending)).toBeHidden();
  await card.getByText("Show abstract").click();
  await expect(card.getByText(ending)).toBeVisible();
  await expect(card.getByText("Hide abstract")).toBeVisible();
  await expect(page.getByRole("link", { name: "publications.json" })).toHaveAttribute("href", "publications.json");
  await expect(page.getByRole("link", { name: "publications.bib" })).toHaveAttribute("href", "publications.bib");
  await expect(page.getByText("All 12 publications:")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toBeDisabled();
  await expect(card.getByRole("button", { name: /^Cite/ })).toBeDisabled();
  await context.close();
});

test("the handover moves nothing and never shows a loading message", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    window.__loadingSeen = false;
    new MutationObserver(() => {
      if (document.body?.textContent.includes("Loading publications…")) window.__loadingSeen = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The wasm arrives late, so the prerendered page is on screen for a while first.
  await page.route("**/*.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.goto("./");
  await expect(page.locator("#prerendered h1")).toBeVisible();
  await expect(page.locator("#prerendered")).toHaveCount(0, { timeout: 10_000 });
  await expect(status(page)).toHaveText("12 publications");
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toBeEnabled();
  // Let a late shift be recorded before reading the sum.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { shifts, loadingSeen } = await page.evaluate(() => ({ shifts: window.__shifts, loadingSeen: window.__loadingSeen }));
  expect(shifts).toBeLessThanOrEqual(0.02);
  expect(loadingSeen).toBe(false);
});

test("the data is fetched once, while the wasm is still downloading", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("12 publications");
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource");
    const data = entries.filter((e) => new URL(e.name).pathname.endsWith("/publications.json"));
    const wasm = entries.find((e) => e.name.endsWith(".wasm"));
    return { requests: data.length, dataStart: data[0]?.startTime, wasmEnd: wasm?.responseEnd };
  });
  expect(timing.requests).toBe(1);
  expect(timing.dataStart).toBeLessThan(timing.wasmEnd);
});

test("a shared link to another view drops the prerendered default view at once", async ({ page }) => {
  await page.goto("./?topic=language%20models");
  await expect(page.locator("#prerendered")).toHaveCount(0);
  await expect(status(page)).toHaveText("2 publications");
  await expect(page.getByRole("button", { name: "language models", pressed: true }).first()).toBeVisible();
});
