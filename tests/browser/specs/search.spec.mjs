// Finding papers in the 10,059-paper corpus: search, facets, the URL as state, #id links.
// Expected counts come from corpus.mjs, which reads the JSON itself.
import { test, expect, status, cards } from "./helpers.mjs";
import { corpus, matching, countText } from "./corpus.mjs";

const { text, papers } = corpus();

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: text }),
  );
});

const search = (page) => page.getByRole("searchbox", { name: "Search", exact: true });
const facet = (page, name) => page.getByRole("region", { name, exact: true });

test("every paper is counted, and only a page of cards is rendered", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  const first = await cards(page).count();
  expect(first).toBeGreaterThanOrEqual(8);
  expect(first).toBeLessThanOrEqual(50);
  // Reaching the end of the list (or pressing the button) renders the next cards, not all.
  await page.getByRole("button", { name: /^Show more/ }).click();
  await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(2 * first);
  expect(await cards(page).count()).toBeLessThan(1000);
});

for (const q of ["reinforcement learning", '"neural network" gaussian', "SCHOLKOPF kernel", "Schölkopf", "variational inférence"]) {
  test(`search ${q} shows exactly the papers that contain every term`, async ({ page }) => {
    const expected = matching(papers, { q });
    expect(expected.length).toBeGreaterThan(0);
    await page.goto("./");
    await expect(status(page)).toHaveText(countText(papers.length));
    await search(page).fill(q);
    await expect(status(page)).toHaveText(countText(expected.length));
    await expect(page).toHaveURL(/[?&]q=/);
    const first = cards(page).first();
    await expect(first.locator("mark").first()).toBeVisible();
  });
}

test("an author facet selection gives that author's exact paper count", async ({ page }) => {
  const name = "Bernhard Schölkopf";
  const expected = matching(papers, { authors: [name] });
  await page.goto("./");
  const authors = facet(page, "Authors");
  await authors.getByRole("searchbox", { name: "Find an author" }).fill("scholkopf");
  const value = authors.getByRole("button", { name: new RegExp(`^${name} ${expected.length} papers$`) });
  await value.click();
  await expect(status(page)).toHaveText(countText(expected.length));
  await expect(value).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/author=Bernhard%20Sch%C3%B6lkopf/);

  // Other facets now count within this author's papers (AND across facets).
  const years = facet(page, "Years");
  const year = expected[0].year;
  const inYear = matching(papers, { authors: [name], years: [year] });
  await expect(years.getByRole("button", { name: `${year} ${inYear.length} ${inYear.length === 1 ? "paper" : "papers"}` })).toBeVisible();
});

test("a shared URL reproduces the view, and Back restores the previous one", async ({ page }) => {
  const view = { q: "policy", topics: ["reinforcement learning"], years: [2024, 2025] };
  const expected = matching(papers, view);
  await page.goto("./?q=policy&topic=Reinforcement%20Learning&year=2024-2025&sort=title");
  await expect(status(page)).toHaveText(countText(expected.length));
  await expect(search(page)).toHaveValue("policy");
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("title");
  const titles = expected.map((p) => p.title).sort((a, b) => a.localeCompare(b));
  await expect(cards(page).first().getByRole("heading")).toBeVisible();
  expect(titles).toContain(await cards(page).first().getByRole("heading").innerText());

  // A facet click is a new history entry; Back returns to the shared view.
  const active = page.getByRole("group", { name: "Active filters" });
  await active.getByRole("button", { name: "Remove filter Topic: Reinforcement Learning" }).click();
  const wider = matching(papers, { q: "policy", years: [2024, 2025] });
  await expect(status(page)).toHaveText(countText(wider.length));
  await page.goBack();
  await expect(status(page)).toHaveText(countText(expected.length));
  await expect(page).toHaveURL(/topic=Reinforcement%20Learning/);
  await page.goForward();
  await expect(status(page)).toHaveText(countText(wider.length));
});

test("unknown values are active filters that match nothing, and can be removed", async ({ page }) => {
  await page.goto("./?author=Nobody%20Atall&year=someday");
  await expect(status(page)).toHaveText("0 publications");
  const active = page.getByRole("group", { name: "Active filters" });
  await expect(active.getByRole("button", { name: "Remove filter Author: Nobody Atall" })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(status(page)).toHaveText(countText(papers.length));
});

test("a #id link opens its card, expanded, in view, focused and highlighted", async ({ page }) => {
  // A paper far down the default (newest first) order, with a long abstract.
  const target = papers.find((p) => p.year === 1988 && (p.abstract ?? "").length > 600);
  await page.goto(`./#${target.id}`);
  const card = page.locator(`article[id="${target.id}"]`);
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect(card).toHaveClass(/targeted/);
  await expect(card.getByRole("button", { name: "Hide abstract" })).toHaveAttribute("aria-expanded", "true");
  await expect(status(page)).toHaveText(countText(papers.length));
  // Only the page of cards around it is rendered, with a way to reach the earlier ones.
  expect(await cards(page).count()).toBeLessThanOrEqual(50);
  await expect(page.getByRole("button", { name: /^Show earlier \(/ })).toBeVisible();
});

test("sorting by title and oldest first reorders the list", async ({ page }) => {
  await page.goto("./?sort=old");
  const oldest = [...papers].filter((p) => p.year).sort((a, b) => a.year - b.year)[0].year;
  await expect(cards(page).first()).toContainText(String(oldest));
  await page.getByRole("combobox", { name: "Sort" }).selectOption("new");
  await expect(page).not.toHaveURL(/sort=/);
  await expect(cards(page).first()).toContainText("2025");
});

test("a search typed just before a facet click is kept in history: Back returns to it", async ({ page }) => {
  const typed = matching(papers, { q: "kernel" });
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  // The address bar follows typing once it pauses; a click before that must not lose the search.
  await search(page).fill("kernel");
  await expect(status(page)).toHaveText(countText(typed.length));
  await facet(page, "Years").getByRole("button").first().click();
  await expect(page).toHaveURL(/[?&]year=/);
  await expect(page).toHaveURL(/[?&]q=kernel/);
  await page.goBack();
  await expect(page).not.toHaveURL(/year=/);
  await expect(page).toHaveURL(/[?&]q=kernel/);
  await expect(search(page)).toHaveValue("kernel");
  await expect(status(page)).toHaveText(countText(typed.length));
});
