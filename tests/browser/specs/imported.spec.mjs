// A file written by `papershelf import` from the awkward .bib fixture (crates/cli/tests/fixtures;
// a native test keeps tests/browser/fixtures/imported.json equal to a fresh import) on the page:
// resolved accents, "et al." for `and others`, math, an inherited venue, and Cite giving back
// the entry's own normalised record.
import { readFileSync } from "node:fs";
import { test, expect, status } from "./helpers.mjs";

const data = readFileSync(new URL("../fixtures/imported.json", import.meta.url), "utf8");

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
});

const accents = (page) => page.getByRole("article", { name: /^Öber Gödel, été à la ça/ });

test("an imported file shows every entry, with accents resolved and no data notice", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("4 publications");
  await expect(page.getByRole("alert")).toHaveCount(0);
  const card = accents(page);
  await expect(card.getByRole("heading")).toContainText("Straße – NASA's");
  // `$O(\sqrt{T})$` is math on the page, not dollars.
  await expect(card.getByRole("heading").locator("math msqrt")).toHaveCount(1);
  await expect(card.getByRole("heading")).not.toContainText("$");
  const venue = page.getByRole("article", { name: "A Paper in a Volume" });
  await expect(venue).toContainText("International Conference on Machine Learning 2020");
});

test("`and others` is a visible et al. after the named authors, not an author to filter by", async ({ page }) => {
  await page.goto("./");
  const authors = accents(page).getByRole("list", { name: "Authors" });
  await expect(authors.getByRole("listitem")).toHaveText([
    "Jörg Müller",
    "René François",
    "John von Neumann Jr.",
    "et al.",
  ]);
  await expect(authors.getByRole("button")).toHaveCount(3);
  await expect(page.getByRole("button", { name: /^et al/ })).toHaveCount(0);
  // Searching for an accented name without its accents finds the paper.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("jorg muller");
  await expect(status(page)).toHaveText("1 publication");
  await expect(accents(page)).toBeVisible();
});

test("Cite gives back the entry's own record, `and others` included", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("4 publications");
  await page.getByRole("button", { name: /^Cite Öber Gödel/ }).click();
  const bibtex = page.getByRole("dialog", { name: "Cite" }).getByLabel("BibTeX");
  await expect(bibtex).toContainText("@inproceedings{accents,\n  title = {{\\\"O}ber G{\\\"o}del");
  await expect(bibtex).toContainText("von Neumann, Jr., John and others},");
});
