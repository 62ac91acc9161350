// Finding your way in a long list: year headings, Expand all, the sentence of a hidden match, the
// theme button, keys, and how they combine with search, filters and #id links.
import { test, expect, status, cards } from "./helpers.mjs";

const words = (n, w) => Array.from({ length: n }, () => w).join(" ");
// The needle sits far past the preview of a collapsed abstract, in a sentence of its own.
const hiddenNeedle = `${words(80, "filler")}. The needle hides in this sentence. ${words(20, "tail")}.`;
const papers = [
  { id: "a", title: "Alpha paper", authors: ["Ann One"], year: 2021, abstract: hiddenNeedle },
  { id: "b", title: "Beta paper", authors: ["Ann One", "Bo Two"], year: 2021, abstract: `${words(60, "beta")}.` },
  { id: "c", title: "Gamma paper", authors: ["Bo Two"], year: 2019, abstract: "Short gamma abstract." },
  { id: "d", title: "Delta paper", authors: ["Cy Three"], abstract: `${words(60, "delta")}.` },
  { id: "e", title: "Epsilon paper", authors: ["Cy Three"], year: 2019 },
];
const data = JSON.stringify({ publications: papers });

const search = (page) => page.getByRole("searchbox", { name: "Search", exact: true });
const yearHeadings = (page) => page.getByRole("heading", { level: 2 }).filter({ hasNotText: /filter/i });
const titles = (page) => cards(page).getByRole("heading", { level: 3 });

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText("5 publications");
});

test("sorted by year, papers sit under year headings that stay while searching and filtering", async ({ page }) => {
  const results = page.getByRole("region", { name: "Publications" });
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(["2021", "2019", "Year not given"]);
  await expect(titles(page)).toHaveText(["Alpha paper", "Beta paper", "Epsilon paper", "Gamma paper", "Delta paper"]);

  await page.getByRole("button", { name: "Bo Two", exact: true }).first().click();
  await expect(status(page)).toHaveText("2 publications");
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(["2021", "2019"]);

  await search(page).fill("gamma");
  await expect(status(page)).toHaveText("1 publication");
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(["2019"]);

  await page.getByLabel("Sort").selectOption("old");
  await search(page).fill("");
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(["2019", "2021"]);

  // By title there are no year groups, and titles are headings of the second level again.
  await page.getByLabel("Sort").selectOption("title");
  await expect(cards(page).getByRole("heading", { level: 2 })).toHaveText(["Beta paper", "Gamma paper"]);
  await expect(results.getByRole("heading", { level: 3 })).toHaveCount(0);
});

test("a year heading stays in sight while its papers scroll under it", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 400 });
  const heading = page.getByRole("heading", { name: "2021", exact: true });
  await page.getByRole("article", { name: "Beta paper" }).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await expect
    .poll(async () => (await heading.boundingBox()).y)
    .toBeLessThan(5);
  await expect(heading).toBeInViewport();
});

test("a collapsed abstract shows the sentence where the search matches; opening it shows all", async ({ page }) => {
  const card = page.getByRole("article", { name: "Alpha paper" });
  await expect(card.locator(".abstract")).not.toContainText("needle");
  await search(page).fill("needle");
  await expect(status(page)).toHaveText("1 publication");
  const passage = card.locator(".abstract-match");
  await expect(passage).toHaveText("Matching sentence: …The needle hides in this sentence.…");
  await expect(passage.locator("mark")).toHaveText(["needle"]);
  await card.getByRole("button", { name: "Show abstract" }).click();
  await expect(passage).toHaveCount(0);
  await expect(card.locator(".abstract mark")).toHaveText(["needle"]);
  // A term seen in the preview needs no extra sentence; one it hides does, beside it.
  await search(page).fill("filler");
  await card.getByRole("button", { name: "Hide abstract" }).click();
  await expect(card.locator(".abstract mark").first()).toBeVisible();
  await expect(card.locator(".abstract-match")).toHaveCount(0);
  await search(page).fill("filler needle");
  await expect(card.locator(".abstract-match mark")).toHaveText(["needle"]);
});

test("Expand all opens every abstract, is remembered after a reload, and a #id card still opens", async ({ page }) => {
  const expandAll = page.getByRole("button", { name: "Expand all abstracts" });
  await expect(expandAll).toHaveAttribute("aria-pressed", "false");
  const toggles = page.getByRole("button", { name: "Show abstract" });
  await expect(toggles).toHaveCount(3);
  await expandAll.click();
  await expect(expandAll).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Hide abstract" })).toHaveCount(3);
  // Each card still toggles on its own.
  await page.getByRole("article", { name: "Beta paper" }).getByRole("button", { name: "Hide abstract" }).click();
  await expect(page.getByRole("button", { name: "Hide abstract" })).toHaveCount(2);

  await page.reload();
  await expect(status(page)).toHaveText("5 publications");
  await expect(expandAll).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Hide abstract" })).toHaveCount(3);

  await expandAll.click();
  await expect(page.getByRole("button", { name: "Show abstract" })).toHaveCount(3);
  await page.goto("./?q=delta#d");
  await expect(status(page)).toHaveText("1 publication");
  await expect(expandAll).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("article", { name: "Delta paper" }).getByRole("button", { name: "Hide abstract" })).toBeVisible();
});

test("the theme button switches light and dark, says which is on, and is remembered", async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false"); // headless Chromium prefers light
  const light = await background();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background()).not.toBe(light);
  const dark = await background();

  // After a reload the dark theme is there before the app starts (index.html's inline script), not after.
  await page.route("**/*.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.reload({ waitUntil: "domcontentloaded" });
  // The page prerendered at build time, before the app has started.
  await expect(page.locator("#prerendered h1")).toBeVisible();
  expect(await background()).toBe(dark);
  await expect(status(page)).toHaveText("5 publications");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  expect(await background()).toBe(light);
});

test("the theme follows the system until the visitor chooses", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText("5 publications");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(19, 21, 25)");
  await context.close();
});

test("/ focuses the search box from anywhere, Esc clears the search", async ({ page }) => {
  await page.getByRole("button", { name: "Ann One", exact: true }).first().focus();
  await page.keyboard.press("/");
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveValue("");
  await page.keyboard.type("gamma");
  await expect(status(page)).toHaveText("1 publication");
  await expect(page).toHaveURL(/q=gamma/);
  await page.keyboard.press("Escape");
  await expect(search(page)).toHaveValue("");
  await expect(status(page)).toHaveText("5 publications");
  await expect(page).not.toHaveURL(/q=/);

  // Typing "/" into the search box types it; Esc from elsewhere clears too.
  await search(page).fill("a/b");
  await expect(search(page)).toHaveValue("a/b");
  await page.getByRole("button", { name: "Dark theme" }).focus();
  await page.keyboard.press("Escape");
  await expect(search(page)).toHaveValue("");
  // Esc in another field (the author finder) belongs to that field.
  await search(page).fill("paper");
  const finder = page.getByRole("searchbox", { name: "Find an author" });
  if (await finder.count()) {
    await finder.fill("x");
    await finder.press("Escape");
    await expect(search(page)).toHaveValue("paper");
  }
});

test("printing shows every abstract whole and hides the controls, then restores the view", async ({ page }) => {
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator(".abstract")).toHaveCount(4);
  await expect(page.locator(".abstract.collapsed")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Show abstract", includeHidden: true }).first()).toBeHidden();
  await expect(search(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Dark theme" })).toBeHidden();
  await expect(page.getByRole("article", { name: "Alpha paper" })).toContainText("The needle hides");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "Show abstract" })).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Expand all abstracts" })).toHaveAttribute("aria-pressed", "false");
});

test("printing keeps an abstract opened by hand open, and prints dark text in the dark theme", async ({ page }) => {
  await page.getByRole("button", { name: "Dark theme" }).click();
  const beta = page.getByRole("article", { name: "Beta paper" });
  await beta.getByRole("button", { name: "Show abstract" }).click();
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const color = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(color).toBe("rgb(29, 31, 35)");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  await expect(beta.getByRole("button", { name: "Hide abstract" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show abstract" })).toHaveCount(2);
});

test("printing renders every shown paper, not only the cards in view, then the window returns", async ({ page }) => {
  // More than a small catalog, which is rendered whole at once.
  const many = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}`, year: 1950 + i }));
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ publications: many }) }),
  );
  await page.goto("./?q=paper");
  await expect(status(page)).toHaveText("60 publications");
  const rendered = await cards(page).count();
  expect(rendered).toBeLessThan(60);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(cards(page)).toHaveCount(60);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(cards(page)).toHaveCount(rendered);
});

test("without a choice, the theme button follows a change of the system's scheme", async ({ page }) => {
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  // The first press now chooses light: what the button showed and what it does agree.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(251, 251, 248)");
});
