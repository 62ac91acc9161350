// Hostile and broken data: every usable entry is a card, nothing from the data runs or becomes a
// dangerous link, the visitor is told what was skipped, and the page stays laid out on a phone.
import { test, expect, status, cards } from "./helpers.mjs";
import { hostileJson, documentTitle, expected } from "./hostile.mjs";

/** Every address the page asked for, to show that no hostile link or image was fetched. */
let requested = [];

test.beforeEach(async ({ page }) => {
  requested = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: hostileJson }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText(`${expected.cards} publications`);
});

test("every usable entry is a card with a unique id, and nothing from the data runs", async ({ page }) => {
  await expect(cards(page)).toHaveCount(expected.cards);
  const ids = await cards(page).evaluateAll((all) => all.map((a) => a.id));
  expect(new Set(ids).size).toBe(expected.cards);
  // The second "dup" got an id of its own, and `#dup` opens the first.
  await expect(page.getByRole("article", { name: "Second with a duplicated id" })).toHaveCount(1);
  await page.evaluate(() => {
    location.hash = "dup";
  });
  await expect(page.getByRole("article", { name: "First with a duplicated id" })).toBeFocused();

  // Markup in the data is shown as text.
  await expect(page.getByRole("heading", { name: /<script>.*<b>Bold<\/b> title/ })).toBeVisible();
  const card = page.getByRole("article", { name: /Bold<\/b> title/ });
  await expect(card.getByRole("button", { name: /<img src=x onerror=/ })).toBeVisible();
  expect(await page.title()).toBe(documentTitle);
  await expect(page.locator("article img, article svg, article script, article b")).toHaveCount(0);

  // Hovering and clicking around gives injected handlers every chance to run.
  await card.getByRole("button", { name: /topic<\/b>/ }).hover();
  await page.getByRole("button", { name: "Show abstract" }).first().click();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("only http, https, mailto and paths within the site become links, with rel=noopener noreferrer", async ({ page }) => {
  // In the body: the head's own links (the icon, the data's preload) are not the data's. Every
  // link resolves to the web or to the site under /papers/, never another scheme or host.
  const hrefs = await page.locator("body [href]").evaluateAll((all) => all.map((a) => a.href));
  for (const href of hrefs) {
    expect(href).toMatch(/^(https?:\/\/(example\.org|127\.0\.0\.1:\d+\/papers\/)|mailto:)/i);
  }
  const card = page.getByRole("article", { name: /Bold<\/b> title/ });
  // The data's three safe links, and the title's link to the paper's own page.
  await expect(card.getByRole("link")).toHaveCount(4);
  await expect(card.getByRole("heading").getByRole("link")).toHaveAttribute("href", "p/markup-everywhere/");
  await expect(card.getByRole("link", { name: "safe" })).toHaveAttribute("href", "https://example.org/paper.pdf");
  // A path within the site resolves under the sub-path the site is served at.
  const relative = await card.getByRole("link", { name: "relative" }).evaluate((a) => new URL(a.href).pathname);
  expect(relative).toBe("/papers/paper.pdf");
  const paths = page.getByRole("article", { name: "Hostile paths" });
  await expect(paths.getByRole("link")).toHaveCount(2);
  await expect(paths.getByRole("link", { name: "Hostile paths" })).toHaveAttribute("href", "p/hostile-paths/");
  await expect(paths.getByRole("link", { name: "ok" })).toHaveAttribute("href", "papers/ok.pdf");
  // Markup in the award, badge and note is text; the note's <br> is a line break, nothing more.
  await expect(paths.locator(".award")).toContainText("Best <b>Paper</b>");
  await expect(paths.locator(".badge")).toHaveText(/^<img src=x onerror=/);
  await expect(paths.locator(".note .note-line")).toHaveText([/^<img src=x onerror=/, "second <i>line</i>"]);
  await expect(paths.locator(".note")).toContainText("second <i>line</i>");
  await expect(page.locator("article img, article script, article b, article i")).toHaveCount(0);
  expect(requested.filter((url) => /evil\.example|^javascript:|^data:/.test(url))).toEqual([]);
  for (const link of await card.getByRole("link").all()) {
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }
});

test("the notice counts what was skipped or ignored, and lists why", async ({ page }) => {
  const notice = page.locator("details.data-notice");
  const summary = notice.locator("summary");
  await expect(summary).toHaveText(
    `${expected.skipped} entries could not be shown; ${expected.ignored} fields were ignored in the data`,
  );
  await summary.click();
  const items = notice.getByRole("listitem");
  await expect(items).toHaveCount(expected.skipped + expected.ignored);
  await expect(notice).toContainText("Entry 8: not shown: an entry must be an object with a title, but this is null");
  await expect(notice).toContainText("Entry 14, title: not shown: the title should be text, but it is a number");
  await expect(notice).toContainText("(“Wrong types”), year: should be a whole number such as 2024, but it is text; ignored");
  await expect(notice).toContainText("links.pdf: only http:, https: and mailto: addresses and paths within the site become links");
  await expect(notice).toContainText("(“Hostile image”), image: only https: addresses and paths within the site are shown as images");
});

test("long words, a 1 MB abstract, 3,000 authors, RTL text: no sideways scrolling on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noSideways()).toBe(true);

  const consortium = page.getByRole("article", { name: "A consortium paper" });
  const more = consortium.getByRole("button", { name: "+2,990 more" });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(consortium.locator(".author")).toHaveCount(10);
  await more.click();
  await expect(consortium.locator(".author")).toHaveCount(3000);
  await consortium.getByRole("button", { name: "Show fewer authors" }).click();

  const huge = page.getByRole("article", { name: "A megabyte abstract" });
  await huge.getByRole("button", { name: "Show abstract" }).click();
  await expect(huge.getByRole("button", { name: "Hide abstract" })).toHaveAttribute("aria-expanded", "true");
  expect(await noSideways()).toBe(true);

  const rtl = page.getByRole("article", { name: "نموذج لغوي كبير للترجمة" });
  await expect(rtl.getByRole("heading")).toHaveAttribute("dir", "auto");
  await page.getByRole("article", { name: /^W{100}/ }).scrollIntoViewIfNeeded();
  expect(await noSideways()).toBe(true);

  // Still responsive: a search over all of it answers.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("consortium");
  await expect(status(page)).toHaveText("1 publication");
});
