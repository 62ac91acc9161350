// Finding papers in the 10,059-paper corpus: search, facets, the URL as state, #id links.
// Expected counts come from corpus.mjs, which reads the JSON itself.
import { test, expect, status, cards, stillness } from "./helpers.mjs";
import { corpus, matching, countText } from "./corpus.mjs";

const { text, papers } = corpus();

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
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

test("a word typed key by key is counted as the written rules count it, in every facet", async ({ page }) => {
  // Each key's selection is counted in slices from the one before it (taking out what the
  // longer word no longer matches): the years' and the top authors' counts must still be exact.
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  await search(page).pressSequentially("variational", { delay: 40 });
  const expected = matching(papers, { q: "variational" });
  await expect(status(page)).toHaveText(countText(expected.length));
  const years = facet(page, "Years").getByRole("button");
  const byYear = new Map();
  for (const p of expected) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  await expect(years).toHaveCount(byYear.size);
  for (const [year, inYear] of byYear) {
    const name = `${year} ${inYear.length} ${inYear.length === 1 ? "paper" : "papers"}`;
    await expect(years.and(page.getByRole("button", { name, exact: true }))).toHaveCount(1);
  }
  const authors = facet(page, "Authors").getByRole("button").filter({ has: page.locator(".facet-label") });
  for (const author of (await authors.all()).slice(0, 3)) {
    const label = await author.locator(".facet-label").innerText();
    const count = await author.locator(".facet-count").innerText();
    expect(count).toMatch(new RegExp(`^${matching(papers, { q: "variational", authors: [label] }).length}\\b`));
  }
});

test("papers titled alike for 30,000 characters load, and sort by title", async ({ page }) => {
  // The alphabetical order sorts labels alike so far three bytes a level: a level must not be a
  // call of its own, or the page runs out of stack before the catalog is in.
  const alike = "a".repeat(30_000);
  const publications = [
    { id: "two", title: `${alike} two`, authors: ["A B"], year: 2021 },
    { id: "other", title: "Other", authors: ["C D"], year: 2021 },
    { id: "one", title: `${alike} one`, authors: ["A B"], year: 2020 },
  ];
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ publications }) }),
  );
  await page.goto("./?sort=title");
  await expect(status(page)).toHaveText(countText(3));
  expect(await cards(page).evaluateAll((all) => all.map((a) => a.id))).toEqual(["paper-one", "paper-two", "paper-other"]);
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

test("the search is an active filter whose chip follows the typing and clears it", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  const active = page.getByRole("group", { name: "Active filters" });
  await search(page).pressSequentially("gauss");
  await expect(active.getByRole("button", { name: "Remove search: gauss", exact: true })).toBeVisible();
  await search(page).pressSequentially("ian process");
  const chip = active.getByRole("button", { name: "Remove search: gaussian process", exact: true });
  await expect(chip).toHaveText(/Search: gaussian process/);
  await expect(status(page)).toHaveText(countText(matching(papers, { q: "gaussian process" }).length));
  await chip.click();
  await expect(search(page)).toHaveValue("");
  await expect(status(page)).toHaveText(countText(papers.length));
  await expect(active).toHaveCount(0);
  // Focus is not lost with the chip: it goes to the search box.
  await expect(search(page)).toBeFocused();
  // Nor when Escape clears the search while its chip has focus.
  await search(page).pressSequentially("kernel");
  await active.getByRole("button", { name: "Remove search: kernel", exact: true }).focus();
  await page.keyboard.press("Escape");
  await expect(search(page)).toHaveValue("");
  await expect(active).toHaveCount(0);
  await expect(search(page)).toBeFocused();
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
  const card = page.getByRole("article", { name: target.title, exact: true });
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

/** A paper no other paper shares a title with, so its card is found by its accessible name. */
const uniquelyTitled = (test) =>
  papers.find((p) => test(p) && papers.filter((q) => q.title === p.title).length === 1);
const card = (page, paper) => page.getByRole("article", { name: paper.title, exact: true });

test("a #id link with a search and facets hiding its paper drops only those; box, URL, count, chips and cards agree", async ({ page }) => {
  const topic = "Reinforcement Learning";
  const target = uniquelyTitled(
    (p) => (p.topics ?? []).includes(topic) && p.year && p.year !== 2024 && matching([p], { q: "kernel" }).length === 0,
  );
  await page.goto(`./?q=kernel&topic=${encodeURIComponent(topic)}&year=2024#${target.id}`);
  await expect(card(page, target)).toBeFocused();
  await expect(card(page, target)).toHaveClass(/targeted/);
  // The search and the year hid the paper and are gone; the topic holds and stays.
  const expected = matching(papers, { topics: [topic] });
  await expect(status(page)).toHaveText(countText(expected.length));
  await expect(search(page)).toHaveValue("");
  await expect(page).toHaveURL(new RegExp(`/papers/\\?topic=Reinforcement%20Learning#${target.id}$`));
  const active = page.getByRole("group", { name: "Active filters" });
  await expect(active.getByRole("button", { name: /^Remove/ })).toHaveText([/Topic: Reinforcement Learning/]);
  await expect(facet(page, "Topics").getByRole("button", { name: new RegExp(`^${topic} \\d`) })).toHaveAttribute("aria-pressed", "true");
  await expect(facet(page, "Years").getByRole("button", { pressed: true })).toHaveCount(0);
  for (const shown of await cards(page).all()) {
    await expect(shown.getByRole("list", { name: "Topics" })).toContainText(/reinforcement learning/i);
  }
  // Typing afterwards searches within the view the page shows.
  await search(page).fill("policy");
  await expect(status(page)).toHaveText(countText(matching(papers, { q: "policy", topics: [topic] }).length));
});

test("a later #id change brings in a card above the rendered window", async ({ page }) => {
  const far = uniquelyTitled((p) => p.year === 1988);
  const top = uniquelyTitled((p) => p.year === 2015);
  await page.goto(`./#${far.id}`);
  await expect(card(page, far)).toBeFocused();
  await expect(page.getByRole("button", { name: /^Show earlier \(/ })).toBeVisible();
  await expect(card(page, top)).toHaveCount(0);

  await page.evaluate((id) => {
    location.hash = id;
  }, top.id);
  await expect(card(page, top)).toBeFocused();
  await expect(card(page, top)).toBeInViewport();
  await expect(card(page, top)).toHaveClass(/targeted/);
  await expect(page.locator("article.targeted")).toHaveCount(1);
  await expect(status(page)).toHaveText(countText(papers.length));
});

test("a topic chip pressed through another spelling releases the filter and keeps the search", async ({ page }) => {
  await page.goto("./?q=policy&topic=REINFORCEMENT%20learning");
  const filtered = matching(papers, { q: "policy", topics: ["reinforcement learning"] });
  await expect(status(page)).toHaveText(countText(filtered.length));
  const chip = cards(page)
    .first()
    .getByRole("list", { name: "Topics" })
    .getByRole("button", { name: "Reinforcement Learning", exact: true });
  await expect(chip).toHaveAttribute("aria-pressed", "true");

  await chip.click();
  await expect(status(page)).toHaveText(countText(matching(papers, { q: "policy" }).length));
  await expect(page).not.toHaveURL(/topic=/);
  await expect(page).toHaveURL(/[?&]q=policy/);
  await expect(search(page)).toHaveValue("policy");
  const active = page.getByRole("group", { name: "Active filters" });
  await expect(active.getByRole("button", { name: /^Remove/ })).toHaveText([/Search: policy/]);

  // Pressed again, the chip selects the topic once, in the data's spelling.
  await cards(page).getByRole("button", { name: "Reinforcement Learning", exact: true }).first().click();
  await expect(status(page)).toHaveText(countText(filtered.length));
  await expect(page).toHaveURL(/[?&]topic=Reinforcement%20Learning(&|$)/);
});

test('"Show earlier" that shows the last earlier page leaves focus on the count', async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  await page.getByRole("button", { name: /^Show more/ }).click();
  // The permalink of the eleventh paper in the list: opened, it renders the second page of cards.
  const eleventh = cards(page).nth(10);
  const title = (await eleventh.getByRole("heading").textContent()).trim();
  await eleventh.getByRole("button", { name: /^Copy link to / }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.goto("about:blank");
  await page.goto(link);
  await expect(page.getByRole("article", { name: title, exact: true })).toBeFocused();
  const earlier = page.getByRole("button", { name: "Show earlier (8 above)" });
  await earlier.focus();
  await page.keyboard.press("Enter");
  await expect(earlier).toHaveCount(0);
  await expect(status(page)).toBeFocused();
  await expect(status(page)).toHaveText(countText(papers.length));
  await expect(cards(page).nth(10).getByRole("heading")).toHaveText(title);
});

test("an author in the address in another case or without accents finds the author the facet shows", async ({ page }) => {
  const name = "Bernhard Schölkopf";
  const expected = matching(papers, { authors: [name] });
  // Lower case; without the accent; the ö decomposed (o and U+0308), as some keyboards write it.
  for (const spelled of ["bernhard%20sch%C3%B6lkopf", "Bernhard%20Scholkopf", "Bernhard%20Scho%CC%88lkopf"]) {
    await page.goto(`./?author=${spelled}`);
    await expect(status(page)).toHaveText(countText(expected.length));
    const authors = facet(page, "Authors");
    await expect(authors.getByRole("button", { name: new RegExp(`^${name} ${expected.length} papers$`) })).toHaveAttribute("aria-pressed", "true");
    await expect(authors.getByRole("button", { pressed: true })).toHaveCount(1);
    const active = page.getByRole("group", { name: "Active filters" });
    await expect(active.getByRole("button", { name: `Remove filter Author: ${name}` })).toBeVisible();
  }
});

test("a search of more words than are searched says so by the box, until it is shortened", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  const words = Array.from({ length: 33 }, (_, i) => `w${i}`);
  await search(page).fill(words.join(" "));
  const notice = "Only the first 32 words are searched.";
  await expect(search(page)).toHaveAccessibleDescription(notice);
  await expect(page.getByRole("search").getByText(notice)).toBeVisible();
  await search(page).fill(words.slice(0, 32).join(" "));
  await expect(search(page)).toHaveAccessibleDescription("");
  await expect(page.getByText(notice)).toHaveCount(0);
});

test("the notice of a search past 32 words is written once, not again at each word typed past them", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText(countText(papers.length));
  // A live region is read out again whenever its text is written, even as it was.
  await page.evaluate(() => {
    window.writes = 0;
    const notice = document.getElementById("search-limit");
    new MutationObserver((records) => (window.writes += records.length)).observe(notice, { childList: true, characterData: true, subtree: true });
  });
  const words = Array.from({ length: 33 }, (_, i) => `w${i}`).join(" ");
  await search(page).fill(words);
  await expect(search(page)).toHaveAccessibleDescription("Only the first 32 words are searched.");
  const once = await page.evaluate(() => window.writes);
  for (const more of ["x1", "x2", "x3"]) {
    await search(page).press("End");
    await page.keyboard.type(` ${more}`);
    await expect(page).toHaveURL(new RegExp(`${more}$`));
  }
  expect(await page.evaluate(() => window.writes)).toBe(once);
});

/** Whether `heading` is within the window and nothing drawn over it (a sticky year heading). */
const unobscured = (heading) =>
  heading.evaluate((h) => {
    const box = h.getBoundingClientRect();
    const inside = box.top >= 0 && box.bottom <= window.innerHeight;
    const seen = [box.top + 2, (box.top + box.bottom) / 2].every((y) => {
      const at = document.elementFromPoint(box.left + 4, y);
      return at !== null && h.contains(at);
    });
    return { top: Math.round(box.top), bottom: Math.round(box.bottom), inside, seen };
  });

for (const where of ["top", "middle", "end"]) {
  test(`on a phone, a #id link to a card near the ${where} of the list shows its heading in the window`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const years = [...new Set(papers.map((p) => p.year).filter(Boolean))].sort((a, b) => b - a);
    const year = { top: years[0], middle: years[Math.floor(years.length / 2)], end: years.at(-1) }[where];
    const target = papers.find((p) => p.year === year && (p.abstract ?? "").length > 600);
    await page.goto(`./#${encodeURIComponent(target.id)}`);
    const card = page.getByRole("article", { name: target.title, exact: true });
    await expect(card.getByRole("button", { name: "Hide abstract" })).toBeVisible();
    const heading = card.getByRole("heading", { name: target.title, exact: true });
    // Brought into view, and still there, whole and uncovered, once the scrolling is over.
    await expect.poll(() => unobscured(heading)).toMatchObject({ inside: true, seen: true });
    await stillness(page);
    expect(await unobscured(heading)).toMatchObject({ inside: true, seen: true });
  });
}
