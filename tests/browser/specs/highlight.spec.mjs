// Highlighting search matches in text whose accents are written as separate combining marks, and
// search terms that fold to nothing.
import { test, expect, status, cards } from "./helpers.mjs";

const DECOMPOSED = "cafe\u0301"; // "café" as an e followed by U+0301 COMBINING ACUTE ACCENT
const data = JSON.stringify({
  publications: [
    { id: "cafe", title: `Un ${DECOMPOSED} noir`, authors: ["Ada Lovelace"], year: 2020 },
    { id: "tea", title: "A cup of tea", authors: ["Alan Turing"], year: 2021 },
  ],
});

const search = (page) => page.getByRole("searchbox", { name: "Search", exact: true });

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText("2 publications");
});

for (const q of ["cafe", "café", "CAFE\u0301"]) {
  test(`searching ${q} marks the whole decomposed "café", accent included`, async ({ page }) => {
    await search(page).fill(q);
    await expect(status(page)).toHaveText("1 publication");
    const heading = cards(page).getByRole("heading", { level: 3 });
    await expect(heading).toHaveText(`Un ${DECOMPOSED} noir`);
    const marks = heading.locator("mark");
    await expect(marks).toHaveCount(1);
    expect(await marks.textContent()).toBe(DECOMPOSED);
  });
}

test("a lone spacing accent (a dead key) is no search term: nothing is filtered or marked", async ({ page }) => {
  await search(page).fill("\u00b4");
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(status(page)).toHaveText("2 publications");
  await expect(page.locator("mark")).toHaveCount(0);
  await search(page).fill("\u00b4 tea");
  await expect(status(page)).toHaveText("1 publication");
  await expect(page.locator("mark")).toHaveText(["tea"]);
});
