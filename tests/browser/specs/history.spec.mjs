// #id links meeting history and the card's own filter buttons, on a list longer than the
// rendered window: the paper a history entry names comes back, and focus never falls to <body>.
import { test, expect, status } from "./helpers.mjs";

// 200 papers, then X: the oldest, so it sorts last, far outside the first rendered page.
const papers = Array.from({ length: 200 }, (_, i) => ({
  id: `p${i}`,
  title: `Paper number ${i}`,
  year: 2000 + (i % 20),
  authors: [i % 2 ? "Ann Odd" : "Bo Even"],
  topics: [i % 2 ? "RL" : "Vision"],
}));
papers.push({ id: "X", title: "Xylophone study", year: 1990, authors: ["Zoë Solo"], topics: ["RL"] });
papers.push({ id: "#x", title: "Hash-led id", year: 1991 });
papers.push({ id: "x", title: "Plain x", year: 1992 });

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ publications: papers }) }),
  );
});

const xylophone = (page) => page.getByRole("article", { name: "Xylophone study" });

test("Back and Forward to a #id entry bring its paper back into view", async ({ page }) => {
  await page.goto("./#X");
  await expect(xylophone(page)).toBeFocused();

  await xylophone(page).getByRole("button", { name: "RL", exact: true }).click();
  await expect(status(page)).toHaveText("101 publications");
  await page.goBack();
  await expect(page).toHaveURL(/#X$/);
  await expect(status(page)).toHaveText("203 publications");
  await expect(xylophone(page)).toBeInViewport();

  // A fragment set by script, then left and returned to through history.
  await page.goto("./?q=zzz");
  await expect(status(page)).toHaveText("0 publications");
  await page.evaluate(() => (location.hash = "X"));
  await expect(xylophone(page)).toBeFocused();
  await page.goBack();
  await page.goForward();
  await expect(page).toHaveURL(/#X$/);
  await expect(xylophone(page)).toBeInViewport();
});

test("a card's author and topic buttons keep focus on the page when the card leaves", async ({ page }) => {
  await page.goto("./?author=Zo%C3%AB%20Solo#X");
  await expect(status(page)).toHaveText("1 publication");
  const author = xylophone(page).getByRole("button", { name: "Zoë Solo" });
  await author.focus();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText("203 publications");
  await expect(xylophone(page)).toHaveCount(0);
  await expect(status(page)).toBeFocused();

  await page.goto("./#X");
  await expect(xylophone(page)).toBeFocused();
  await xylophone(page).getByRole("button", { name: "RL", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText("101 publications");
  await expect(page.locator("body")).not.toBeFocused();
});

test("a fragment's own # is all that is taken off: ##x opens the paper whose id is #x", async ({ page }) => {
  await page.goto("./##x");
  await expect(page.getByRole("article", { name: "Hash-led id" })).toBeFocused();
  await page.goto("./#x");
  await expect(page.getByRole("article", { name: "Plain x" })).toBeFocused();
});

test("a #id link followed while a typed search waits to reach the address keeps the search", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("203 publications");
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await search.fill("Xylo");
  // At once: the typed view is written to the address only once typing pauses.
  await page.evaluate(() => (location.hash = "X"));
  await expect(xylophone(page)).toBeFocused();
  await expect(page).toHaveURL(/\?q=Xylo#X$/);
  await expect(search).toHaveValue("Xylo");
  await expect(status(page)).toHaveText("1 publication");
});

/** Types `text` into the search box and, in the same task (before any frame or timer, so the
 *  search the key calls for has not run yet), clicks `click` or follows a link to `#hash`. */
async function keyAnd(page, text, { click, hash }) {
  await page.getByRole("searchbox", { name: "Search", exact: true }).focus();
  await page.evaluate(
    ([text, click, hash]) => {
      const box = document.getElementById("search");
      box.value = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true }));
      if (click) document.querySelector(click).click();
      if (hash) location.hash = hash;
    },
    [text, click, hash],
  );
}

test("a key and a click in the same moment: the click's view keeps the typed search, and Back returns to it", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("203 publications");
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await keyAnd(page, "Xylo", { click: ".facet.years button.facet-value" });
  await expect(page).toHaveURL(/\?q=Xylo&year=2019$/);
  await expect(search).toHaveValue("Xylo");
  await expect(status(page)).toHaveText("0 publications");
  await page.goBack();
  await expect(page).toHaveURL(/\?q=Xylo$/);
  await expect(search).toHaveValue("Xylo");
  await expect(status(page)).toHaveText("1 publication");
  await expect(xylophone(page)).toBeVisible();
});

test("a #id link followed in the same moment as a key keeps the typed search and the fragment", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("203 publications");
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await keyAnd(page, "Xylo", { hash: "X" });
  await expect(xylophone(page)).toBeFocused();
  await expect(search).toHaveValue("Xylo");
  await expect(status(page)).toHaveText("1 publication");
  await expect(page).toHaveURL(/\?q=Xylo#X$/);
  // Past the pause after which a typed view is written: the address keeps both.
  await page.waitForTimeout(400);
  await expect(page).toHaveURL(/\?q=Xylo#X$/);
});
