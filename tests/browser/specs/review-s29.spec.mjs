// REVIEW s29 (review of 5c8023d..9a721c7): a failing test for a defect found in review; it fails
// until the defect is fixed.
//
// Loading::new (src/data.rs) reserves room for the page's data-papers, "capped by the file's
// length" — but that length is the page's own data-publications attribute, as little trusted as
// the count. A page whose two attributes are both wrong (hand-edited, or written by another tool)
// asks for a Vec of hundreds of millions of papers: the app panics (capacity overflow) and the
// page never becomes interactive.
import { test, expect, status, seedPapers } from "./helpers.mjs";

test("REVIEW s29: a page claiming a huge file and count still loads (no capacity-overflow panic)", async ({ page }) => {
  await page.route(/\/papers\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/data-publications="\d+"/, 'data-publications="4000000000"')
      .replace(/data-papers="\d+"/, 'data-papers="333333333"');
    await route.fulfill({ response, body: html });
  });
  await page.goto("./");
  const searchBox = page.getByRole("searchbox", { name: "Search", exact: true });
  await searchBox.fill("zzzqqqxxx");
  await expect(status(page)).toHaveText("0 publications");
  await searchBox.fill("");
  await expect(status(page)).toHaveText(`${seedPapers().length} publications`);
});
