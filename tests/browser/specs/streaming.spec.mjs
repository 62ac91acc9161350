// A large file streaming in: the papers are counted as they arrive, search and facets work on
// what has come (and say "so far"), and the view ends exact once the whole is in. A download that
// breaks off keeps what came, says the list is incomplete, and Retry ends in the whole catalog.
// The site is deployed with its own data (deploy.mjs); its server holds the body part-way until
// the test releases it, or cuts the connection there.
import { test, expect, status, cards, stillness } from "./helpers.mjs";
import { deploy } from "../deploy.mjs";
import { RARE, TOTAL, after, dataControl, text } from "../trickle.mjs";

let site, control;
test.beforeEach(async () => {
  control = dataControl();
  site = await deploy({ data: text, intercept: control.intercept, address: false });
});
test.afterEach(async () => {
  control.release();
  await site?.close();
});

const searchBox = (page) => page.getByRole("searchbox", { name: "Search", exact: true });
const progress = (page) => page.getByRole("progressbar", { name: "Loading publications" });

test("search works on the papers that have arrived, says so, and ends exact", async ({ page }) => {
  const arrived = 120;
  Object.assign(control, { mode: "hold", at: after(arrived) });
  await page.goto(site.url);
  await expect(status(page)).toHaveText(`${arrived} publications found so far`);
  await expect(progress(page)).toHaveAttribute("aria-valuetext", `${arrived} papers so far`);
  await expect(progress(page)).toHaveJSProperty("max", text.length);
  await expect(progress(page)).toHaveJSProperty("value", after(arrived));
  await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "true");
  // Nothing offers a link that a title-made id could make wrong, nor a partial export.
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Export the papers shown" }).getByRole("button").first()).toBeDisabled();

  await searchBox(page).fill(RARE.toLowerCase());
  await expect(status(page)).toHaveText("1 publication found so far");
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(`${RARE} Paper number 6`);
  await expect(searchBox(page)).toBeFocused();

  control.release();
  await expect(status(page)).toHaveText("2 publications");
  await expect(progress(page)).toHaveCount(0);
  await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "false");
  // The visitor's search, focus and caret went through every update.
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue(RARE.toLowerCase());
  expect(await searchBox(page).evaluate((input) => input.selectionStart)).toBe(RARE.length);
  await expect(page).toHaveURL(/\?q=quasar$/);
  await expect(cards(page)).toHaveCount(2);
  await searchBox(page).fill("");
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  const topics = page.getByRole("region", { name: "Topics", exact: true });
  await expect(topics.getByRole("button", { name: `Robotics ${TOTAL / 3} papers` })).toBeVisible();
  // Whole, the cards link to their papers' own pages.
  await expect(page.getByRole("button", { name: "Copy link" }).first()).toBeVisible();
});

test("a filtered address opened while loading shows the papers so far, then exactly its papers", async ({ page }) => {
  Object.assign(control, { mode: "hold", at: after(100) });
  await page.goto(`${site.url}?topic=Vision`);
  await expect(status(page)).toHaveText(`${Math.ceil((100 - 1) / 3)} publications found so far`);
  control.release();
  await expect(status(page)).toHaveText(`${TOTAL / 3} publications`);
  await expect(page).toHaveURL(/\?topic=Vision$/);
});

test("a download that breaks off keeps what came, says so, and Retry loads the whole", async ({ page }) => {
  const arrived = 100;
  // Broken off while the page reads it, as a connection drops a third of the way in.
  Object.assign(control, { mode: "hold", at: after(arrived) });
  await page.goto(site.url);
  await expect(status(page)).toHaveText(`${arrived} publications found so far`);
  control.cut();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The list is incomplete");
  await expect(alert).toContainText(`${arrived} papers arrived; the rest could not be loaded.`);
  await expect(status(page)).toHaveText(`${arrived} publications found so far`);
  await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "false");
  // What came is searchable.
  await searchBox(page).fill(RARE);
  await expect(status(page)).toHaveText("1 publication found so far");

  control.mode = "whole";
  const before = control.requests;
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(status(page)).toHaveText("2 publications");
  expect(control.requests).toBeGreaterThan(before);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(searchBox(page)).toHaveValue(RARE);
  await searchBox(page).fill("");
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
});

test("a download that breaks off before the first page keeps the prerendered cards", async ({ page }) => {
  Object.assign(control, { mode: "cut", at: after(2) });
  await page.goto(site.url);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("broke off");
  // The prerendered page (8 cards of 300) stays to read, its controls still disabled.
  await expect(cards(page)).toHaveCount(8);
  await expect(cards(page).first()).toContainText("Paper number 1 on learning");
  await expect(searchBox(page)).toBeDisabled();

  control.mode = "whole";
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  await expect(searchBox(page)).toBeEnabled();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("an author the file names a member after its papers is shown as one once they come", async ({ page }) => {
  // `members` after the publications, as a lab may append them: the facet's row made from an
  // earlier catalog must follow the whole one.
  const data = text.replace(/\n\]\}\n$/, '\n], "members": [{"name": "Writer 1"}]}\n');
  const own = await deploy({ data, intercept: control.intercept, address: false });
  try {
    Object.assign(control, { mode: "hold", at: after(100) });
    await page.goto(own.url);
    await expect(status(page)).toHaveText("100 publications found so far");
    const writer = page.getByRole("region", { name: "Authors", exact: true }).getByRole("button", { name: /^Writer 1 / });
    await expect(writer).not.toHaveClass(/\bmember\b/);
    control.release();
    await expect(status(page)).toHaveText(`${TOTAL} publications`);
    await expect(writer).toHaveClass(/\bmember\b/);
  } finally {
    await own.close();
  }
});

test("Retry keeps focus on the page, and the card being read does not move as the rest comes", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  Object.assign(control, { mode: "hold", at: after(120) });
  await page.goto(site.url);
  await expect(status(page)).toHaveText("120 publications found so far");
  const card = cards(page).filter({ hasText: "Paper number 15 on learning" });
  control.cut();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The list is incomplete");

  control.mode = "hold";
  control.held = new Promise((done) => {
    control.release = () => done("rest");
  });
  await alert.getByRole("button", { name: "Retry" }).focus();
  await page.keyboard.press("Enter");
  await expect(alert).toHaveCount(0);
  await expect(status(page)).toBeFocused();
  await card.scrollIntoViewIfNeeded();
  const before = (await card.boundingBox()).y;
  control.release();
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  await expect(status(page)).toBeFocused();
  // Cite and Copy link came into the room kept for them: nothing above the card grew.
  await expect(card.getByRole("button", { name: /^Copy link/ })).toBeAttached();
  expect(Math.abs((await card.boundingBox()).y - before)).toBeLessThanOrEqual(1);
});

test("a Retry over the prerendered page leaves focus on the count of the page that takes its place", async ({ page }) => {
  Object.assign(control, { mode: "hold", at: after(2) });
  await page.goto(site.url);
  // The app's page, started with nothing to show yet, is not a second main landmark beside the
  // prerendered one.
  await expect(page.locator("main[aria-busy=true]")).toBeAttached();
  await expect(page.getByRole("main")).toHaveCount(1);
  control.cut();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("broke off");
  control.mode = "whole";
  await alert.getByRole("button", { name: "Retry" }).focus();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  await expect(status(page)).toBeFocused();
});

test("no link shown while the file streams names an id the whole file gives another paper", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // The newest paper's id is made from its title; a paper far down the file claims that id for
  // itself, so the whole catalog names the first `fresh-result-2`.
  const fresh = { title: "Fresh result", year: 2030, authors: ["Ann Early"], abstract: "Early. ".repeat(60) };
  const claimer = { id: "fresh-result", title: "The paper that owns the id", year: 1990 };
  const head = text.slice(0, text.indexOf("\n") + 1);
  const data = text.replace(head, `${head}${JSON.stringify(fresh)},\n`).replace(/\n\]\}\n$/, `,\n${JSON.stringify(claimer)}\n]}\n`);
  const own = await deploy({ data, intercept: control.intercept, address: false });
  // Every paper-naming address a visitor can take from a card: its links, and what Copy link copies.
  const addresses = async () => {
    const found = [];
    for (const card of await cards(page).all()) {
      const title = await card.getByRole("heading").first().innerText();
      for (const href of await card.locator("a[href]").evaluateAll((as) => as.map((a) => a.href))) {
        if (href.startsWith(own.url)) found.push(`${title} → ${href}`);
      }
      for (const copy of await card.getByRole("button", { name: /^Copy link/ }).all()) {
        await copy.click();
        found.push(`${title} → ${await page.evaluate(() => navigator.clipboard.readText())}`);
      }
    }
    return found;
  };
  try {
    Object.assign(control, { mode: "hold", at: after(100) + JSON.stringify(fresh).length + 2 });
    await page.goto(own.url);
    await expect(status(page)).toHaveText("101 publications found so far");
    const card = page.getByRole("article", { name: fresh.title });
    // Opening the abstract or anything else on the card writes no fragment either.
    await card.getByRole("button", { name: "Show abstract" }).click();
    expect(new URL(page.url()).hash).toBe("");
    const provisional = await addresses();
    control.release();
    await expect(status(page)).toHaveText(`${TOTAL + 2} publications`);
    await expect(card.getByRole("button", { name: /^Copy link/ })).toBeVisible();
    const whole = await addresses();
    expect(whole.some((a) => a.startsWith(`${fresh.title} → `) && a.includes("fresh-result-2"))).toBe(true);
    // What the page offered while streaming, it still offers for the same paper.
    for (const address of provisional) expect(whole).toContain(address);
  } finally {
    await own.close();
  }
});

test("a card a #id link opened while the file streams keeps focus when the whole file is in", async ({ page }) => {
  Object.assign(control, { mode: "hold", at: after(120) });
  const target = "Paper number 30 on learning";
  await page.goto(`${site.url}#paper-number-30-on-learning`);
  await expect(status(page)).toHaveText("120 publications found so far");
  const card = page.getByRole("article", { name: target, exact: true });
  await expect(card).toBeFocused();
  control.release();
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  // The card made again from the whole catalog has the focus, and is in view.
  await expect(card).toBeFocused();
  await expect(card.getByRole("heading", { name: target })).toBeInViewport();
});

test("a card a #id link opened while the file streams, refocused when the whole file is in, leaves the window where the visitor scrolled it", async ({ page }) => {
  Object.assign(control, { mode: "hold", at: after(120) });
  await page.goto(`${site.url}#paper-number-30-on-learning`);
  await expect(status(page)).toHaveText("120 publications found so far");
  const card = page.getByRole("article", { name: "Paper number 30 on learning", exact: true });
  await expect(card).toBeFocused();
  // The visitor reads on, far below the card; focus stays on it.
  await page.evaluate(() => window.scrollBy({ top: 8000, behavior: "instant" }));
  await expect(card).not.toBeInViewport();
  const scrolled = await page.evaluate(() => window.scrollY);
  control.release();
  await expect(status(page)).toHaveText(`${TOTAL} publications`);
  await expect(card).toBeFocused();
  // Once any (smooth) scrolling is over, the window is where it was.
  await stillness(page, 10);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(20);
  await expect(card).not.toBeInViewport();
});
