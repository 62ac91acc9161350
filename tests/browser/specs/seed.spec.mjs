// The seed site, release build, served under /papers/: cards, abstracts, filters, load errors.
import { test, expect, seedPapers, status, cards } from "./helpers.mjs";

const papers = seedPapers();

test.beforeEach(async ({ page }) => {
  await page.goto("./");
});

test("shows one card per paper, fetched from under the sub-path", async ({ page }) => {
  await expect(cards(page)).toHaveCount(12);
  await expect(status(page)).toHaveText("12 publications");
  await expect(page.getByText("Starting the publications page…")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publications");
  for (const p of papers) {
    const card = page.getByRole("article", { name: p.title, exact: true });
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(p.title);
    for (const name of p.authors ?? []) {
      await expect(card.getByRole("button", { name, exact: true })).toBeVisible();
    }
  }
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
  );
  expect(loaded).toContain("/papers/publications.json");
});

test("papers without an abstract render cleanly", async ({ page }) => {
  const bare = papers.filter((p) => !p.abstract);
  expect(bare.length).toBe(2);
  for (const p of bare) {
    const card = page.getByRole("article", { name: p.title });
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: /abstract/i })).toHaveCount(0);
    await expect(card.locator(".abstract")).toHaveCount(0);
  }
});

test("an abstract opens and closes, by mouse and by keyboard", async ({ page }) => {
  const paper = papers.find((p) => p.id === "boosting-latent-diffusion");
  const ending = "when using our perceptual loss.";
  expect(paper.abstract.endsWith(ending)).toBe(true);
  const card = page.getByRole("article", { name: paper.title });
  const toggle = card.getByRole("button", { name: "Show abstract" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(card.getByText(ending)).toHaveCount(0);
  await expect(card.getByText(paper.abstract.slice(0, 60))).toBeVisible();

  await toggle.click();
  const hide = card.getByRole("button", { name: "Hide abstract" });
  await expect(hide).toHaveAttribute("aria-expanded", "true");
  await expect(card.getByText(ending)).toBeVisible();
  await expect(card.locator(".abstract")).toHaveText(paper.abstract);

  await hide.focus();
  await page.keyboard.press("Enter");
  await expect(card.getByRole("button", { name: "Show abstract" })).toHaveAttribute("aria-expanded", "false");
  await expect(card.getByText(ending)).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(card.getByRole("button", { name: "Hide abstract" })).toBeFocused();
  await expect(card.getByText(ending)).toBeVisible();
});

test("the code link named in an abstract is a safe link", async ({ page }) => {
  const card = page.getByRole("article", { name: /Forgetting Transformer/ });
  const link = card.getByRole("link", { name: "Code" });
  await expect(link).toHaveAttribute("href", "https://github.com/zhixuan-lin/forgetting-transformer");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
});

test("clicking an author shows that author's papers, and the count follows", async ({ page }) => {
  const name = "Karteek Alahari";
  const expected = papers.filter((p) => (p.authors ?? []).includes(name));
  await page.getByRole("button", { name, exact: true }).first().click();
  await expect(cards(page)).toHaveCount(expected.length);
  await expect(status(page)).toHaveText(expected.length === 1 ? "1 publication" : `${expected.length} publications`);
  for (const p of expected) await expect(page.getByRole("article", { name: p.title })).toBeVisible();

  const active = page.getByRole("group", { name: "Active filters" });
  await active.getByRole("button", { name: `Remove filter Author: ${name}` }).click();
  await expect(cards(page)).toHaveCount(12);
  await expect(active).toHaveCount(0);
});

test("a topic chip filters by topic, and clearing restores every paper", async ({ page }) => {
  const topic = "reinforcement learning";
  const expected = papers.filter((p) => (p.topics ?? []).includes(topic));
  expect(expected.length).toBeGreaterThan(1);
  const chip = page.locator(`button[data-topic="${topic}"]`).first();
  await chip.click();
  await expect(cards(page)).toHaveCount(expected.length);
  await expect(status(page)).toHaveText(`${expected.length} publications`);
  await expect(page.locator(`button[data-topic="${topic}"]`).first()).toHaveAttribute("aria-pressed", "true");

  // A second topic widens (OR within a kind); an author then narrows (AND across kinds).
  const either = papers.filter((p) => p.topics.includes(topic) || p.topics.includes("optimization"));
  await page.locator('button[data-topic="optimization"]').first().click();
  await expect(cards(page)).toHaveCount(either.length);
  const author = "Reza Asad";
  const narrowed = either.filter((p) => (p.authors ?? []).includes(author));
  await page.getByRole("button", { name: author, exact: true }).click();
  await expect(cards(page)).toHaveCount(narrowed.length);
  await expect(status(page)).toHaveText("1 publication");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(cards(page)).toHaveCount(12);
  await expect(status(page)).toHaveText("12 publications");
});

test("controls that remove themselves hand focus on: to a chip left, the search box or the count", async ({ page }) => {
  const searchBox = page.getByRole("searchbox", { name: "Search", exact: true });
  const active = page.getByRole("group", { name: "Active filters" });
  await page.getByRole("button", { name: "Karteek Alahari", exact: true }).first().click();
  await active.getByRole("button", { name: "Clear filters" }).focus();
  await page.keyboard.press("Enter");
  await expect(active).toHaveCount(0);
  await expect(searchBox).toBeFocused();

  // Two chips: removing one moves focus to the other; removing the last, to the search box.
  await page.getByRole("button", { name: "Karteek Alahari", exact: true }).first().click();
  await page.locator('button[data-topic="computer vision"]').first().click();
  await active.getByRole("button", { name: "Remove filter Author: Karteek Alahari" }).focus();
  await page.keyboard.press("Enter");
  const topicChip = active.getByRole("button", { name: "Remove filter Topic: computer vision" });
  await expect(topicChip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(active).toHaveCount(0);
  await expect(searchBox).toBeFocused();
});

test("a facet value keeps focus when it moves, and hands it to the count when it goes", async ({ page }) => {
  const authors = page.getByRole("region", { name: "Authors", exact: true });
  // The last value listed moves to the top once selected.
  const last = authors.getByRole("button").last();
  const label = await last.locator(".facet-label").innerText();
  await last.focus();
  await page.keyboard.press("Enter");
  const moved = authors.getByRole("button", { name: new RegExp(`^${label} \\d`) });
  await expect(moved).toHaveAttribute("aria-pressed", "true");
  await expect(authors.getByRole("button").first()).toHaveAttribute("aria-pressed", "true");
  await expect(moved).toBeFocused();

  // An unknown author from the URL is listed while selected, with 0 papers, and goes when released.
  await page.goto("./?author=Nobody%20Atall");
  await expect(status(page)).toHaveText("0 publications");
  const nobody = authors.getByRole("button", { name: /^Nobody Atall 0 papers$/ });
  await nobody.focus();
  await page.keyboard.press("Enter");
  await expect(nobody).toHaveCount(0);
  await expect(status(page)).toHaveText("12 publications");
  await expect(status(page)).toBeFocused();
});
