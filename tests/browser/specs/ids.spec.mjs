// Paper ids from the data meet the page's own ids: spaces, one id that is another's heading id plus
// "-title", ids named like the search box or the facets. Element ids must stay unique and
// whitespace-free, every reference must resolve, and `#id` links must still open their papers.
import { test, expect, status, cards } from "./helpers.mjs";

const long = (words) => `${words} `.repeat(100).trim();

const publications = [
  { id: "smith 2020", title: "A spaced id", year: 2020, topics: ["RL"], abstract: long("spaced") },
  { id: "x", title: "Plain x", year: 2021, abstract: long("plain") },
  { id: "x-title", title: "Named like x's heading", year: 2021, abstract: long("heading") },
  { id: "x-abstract", title: "Named like x's abstract", year: 2021 },
  { id: "search", title: "Named like the search box", year: 2019, abstract: long("search") },
  { id: "facet-groups", title: "Named like the facets", year: 2018 },
  { id: "facet-author", title: "Named like a facet heading", year: 2018 },
  { id: "c++", title: "Plus signs", year: 2017, abstract: long("plus") },
  { id: "tab\there", title: "A tab in the id", year: 2016 },
  { id: "boot", title: "Named like the boot message", year: 2015 },
];

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ publications }) }),
  );
});

/** Every element id on the page, and every id reference that does not name exactly one element. */
const idReport = (page) =>
  page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const count = (id) => ids.filter((x) => x === id).length;
    const broken = [];
    let references = 0;
    for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "for"]) {
      for (const el of document.querySelectorAll(`[${attr}]`)) {
        const value = el.getAttribute(attr);
        // `for` holds one id; the aria attributes hold space-separated lists of them.
        const refs = attr === "for" ? [value] : value.split(/\s+/).filter(Boolean);
        if (refs.length === 0) broken.push(`${attr}="${value}" names nothing`);
        for (const ref of refs) {
          references += 1;
          if (count(ref) !== 1) broken.push(`${attr}="${value}": "${ref}" names ${count(ref)} elements`);
        }
      }
    }
    return {
      ids,
      duplicated: [...new Set(ids.filter((id) => count(id) > 1))],
      unsafe: ids.filter((id) => id === "" || /\s/.test(id)),
      broken,
      references,
    };
  });

test("every element id is unique and whitespace-free, and every reference resolves", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText(`${publications.length} publications`);
  await expect(cards(page)).toHaveCount(publications.length);
  // Open everything that can be opened, so references made on demand are checked too.
  const closed = page.getByRole("button", { name: "Show abstract" });
  await expect(closed).toHaveCount(5);
  while ((await closed.count()) > 0) await closed.first().click();
  await expect(page.getByRole("button", { name: "Hide abstract" })).toHaveCount(5);

  const report = await idReport(page);
  expect(report.duplicated).toEqual([]);
  expect(report.unsafe).toEqual([]);
  expect(report.broken).toEqual([]);
  // One label per card, one control per abstract, the search label, the facets toggle and groups.
  expect(report.references).toBeGreaterThanOrEqual(publications.length + 5);

  // Each card is named by its own heading, whatever its id resembles.
  for (const p of publications) {
    await expect(page.getByRole("article", { name: p.title, exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveCount(1);
});

for (const [hash, title] of [
  ["smith%202020", "A spaced id"],
  ["c++", "Plus signs"],
  ["search", "Named like the search box"],
  ["x-title", "Named like x's heading"],
  ["tab%09here", "A tab in the id"],
]) {
  test(`#${hash} opens the card of "${title}"`, async ({ page }) => {
    await page.goto(`./#${hash}`);
    const card = page.getByRole("article", { name: title, exact: true });
    await expect(card).toBeFocused();
    await expect(card).toHaveClass(/targeted/);
    await expect(status(page)).toHaveText(`${publications.length} publications`);
    expect((await idReport(page)).duplicated).toEqual([]);
  });
}

test("a copied permalink opens its card", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  const card = page.getByRole("article", { name: "A spaced id", exact: true });
  // Named by what it says and the title: "Copy link to …", then "Link copied …".
  const copy = card.getByRole("button", { name: /^(Copy link to|Link copied) A spaced id$/ });
  await expect(copy).toHaveAccessibleName("Copy link to A spaced id");
  await copy.click();
  await expect(copy).toHaveText("Link copied");
  await expect(copy).toHaveAccessibleName("Link copied A spaced id");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/papers\/#smith%202020$/);
  await page.goto(link);
  await page.reload();
  await expect(page.getByRole("article", { name: "A spaced id", exact: true })).toBeFocused();
});
