// A page for every paper: the fixture lab (fixtures/paper-pages.mjs) deployed as a lab deploys it
// (deploy.mjs: the release build with that data, prerendered with the site's own address), each
// paper's own page at p/<name>/ read as a visitor, a crawler and a link preview read it. What to
// expect comes from the fixture, and each page's address from the naming rule, computed here.
import { test as base, expect, status, cards } from "./helpers.mjs";
import { countText } from "./corpus.mjs";
import { deploy } from "../deploy.mjs";
import { IMAGE, PNG, article, full, hostile, lab } from "../fixtures/paper-pages.mjs";
import { fileName as pageName } from "./static-docs.mjs";

const papers = lab.publications;

/** The thumbnail from elsewhere on the web is answered here: the machine is offline. */
const answerImage = (context) => context.route(IMAGE, (route) => route.fulfill({ contentType: "image/png", body: PNG }));

const test = base.extend({
  site: [
    async ({}, use) => {
      const site = await deploy({ data: lab });
      await use(site);
      await site.close();
    },
    { scope: "worker" },
  ],
  context: async ({ context }, use) => {
    await answerImage(context);
    await use(context);
  },
});

/** The address of a paper's own page. */
const pageUrl = (site, paper) => `${site.url}p/${pageName(paper.id)}/`;

/** Every `<meta>` value with this name (or property), in the document's order. */
const metas = (page, name) =>
  page.locator(`head meta[name="${name}"], head meta[property="${name}"]`).evaluateAll((ms) => ms.map((m) => m.content));

/** The page's JSON-LD, parsed. */
const jsonLd = async (page) => JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());

/** Waits for the app itself (not the listing prerendered at build time) to show `count` papers. */
async function appShows(page, count) {
  await expect(page.locator("#prerendered")).toHaveCount(0);
  await expect(status(page)).toHaveText(countText(count));
}

/** The paper's h1, in a page that must be that paper's. */
const heading = (page) => page.getByRole("heading", { level: 1 });
/** The card of the page's paper: an article named by its title. Its math is read out as the
 * browser reads MathML, so the name is matched around it. */
const titleName = (paper) =>
  paper === full ? /^Bandits with .*T.* regret under drift$/ : paper.title;

test("without JavaScript, a visitor reads the whole paper and its BibTeX, and no Copy button shows", async ({ browser, site }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await answerImage(context);
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(pageUrl(site, full));
    const card = page.getByRole("article", { name: titleName(full) });
    await expect(card).toBeVisible();
    await expect(heading(page)).toHaveText("Bandits with T regret under drift");
    await expect(heading(page).locator("math msqrt mi")).toHaveText("T");
    // The authors in order, each a link to the listing's view of them.
    const authors = card.getByRole("list", { name: "Authors" });
    await expect(authors.getByRole("listitem")).toHaveText(full.authors.map((a) => new RegExp(`^${a}`)));
    for (const a of full.authors) {
      await expect(authors.getByRole("link", { name: a, exact: true })).toHaveAttribute("href", `./?author=${encodeURIComponent(a)}`);
    }
    await expect(card.getByText(`${full.venue} ${full.year}`, { exact: true })).toBeVisible();
    await expect(card.getByText(full.award, { exact: true })).toBeVisible();
    // The whole abstract, not collapsed.
    await expect(card.getByText(full.abstract, { exact: true })).toBeVisible();
    await expect(card.getByRole("button", { name: /abstract/i })).toHaveCount(0);
    // The topics, each a link to the listing's view of it.
    const topics = card.getByRole("list", { name: "Topics" });
    await expect(topics.getByRole("link")).toHaveText(full.topics);
    // Links in the data's order, by their labels; the PDF within the site.
    const links = card.getByRole("list", { name: "Links" }).getByRole("link");
    await expect(links).toHaveText(["PDF", "DOI", "Code"]);
    expect(await links.evaluateAll((as) => as.map((a) => a.href))).toEqual([
      `${site.url}${full.links.pdf}`,
      full.links.doi,
      full.links.code,
    ]);
    await expect(card.getByRole("img", { name: full.title })).toHaveAttribute("src", IMAGE);

    // The BibTeX record, to select by hand: the Copy button needs the script.
    const bibtex = page.getByRole("region", { name: "BibTeX" });
    await expect(bibtex).toBeVisible();
    const record = bibtex.locator("code");
    await expect(record).toBeVisible();
    const text = await record.textContent();
    expect(text).toMatch(/^@inproceedings\{\w+,\n/);
    expect(text).toContain(`\n  title = {{${full.title}}},\n`);
    expect(text).toContain(`\n  booktitle = {${full.venue}},\n`);
    expect(text).toContain(`\n  year = {${full.year}},\n`);
    expect(text).toContain(`\n  doi = {10.1234/bandits.5678},\n`);
    await expect(bibtex.getByRole("button")).toHaveCount(0);
    await expect(page.locator("#copy-bibtex")).toBeHidden();
    expect(failed).toEqual([]);
  } finally {
    await context.close();
  }
});

test("Highwire Press tags (Google Scholar, Zotero) say what the paper is, each value from the data", async ({ page, site }) => {
  await page.goto(pageUrl(site, full));
  expect(await metas(page, "citation_title")).toEqual([full.title]);
  // One tag per author, in the paper's order.
  expect(await metas(page, "citation_author")).toEqual(full.authors);
  expect(await metas(page, "citation_publication_date")).toEqual([String(full.year)]);
  // A conference paper's venue is a conference.
  expect(await metas(page, "citation_conference_title")).toEqual([full.venue]);
  expect(await metas(page, "citation_journal_title")).toEqual([]);
  // The PDF within the site, as an absolute URL under the site.
  expect(await metas(page, "citation_pdf_url")).toEqual([`${site.url}${full.links.pdf}`]);
  expect(await metas(page, "citation_doi")).toEqual(["10.1234/bandits.5678"]);
  expect(await metas(page, "citation_abstract_html_url")).toEqual([pageUrl(site, full)]);
  expect(await metas(page, "citation_abstract_html_url")).toEqual([page.url()]);

  // A journal article's venue is a journal.
  await page.goto(pageUrl(site, article));
  expect(await metas(page, "citation_title")).toEqual([article.title]);
  expect(await metas(page, "citation_author")).toEqual(article.authors);
  expect(await metas(page, "citation_publication_date")).toEqual([String(article.year)]);
  expect(await metas(page, "citation_journal_title")).toEqual([article.venue]);
  expect(await metas(page, "citation_conference_title")).toEqual([]);
  // No PDF, no DOI: no tag rather than an empty one.
  expect(await metas(page, "citation_pdf_url")).toEqual([]);
  expect(await metas(page, "citation_doi")).toEqual([]);
  expect(await metas(page, "citation_abstract_html_url")).toEqual([pageUrl(site, article)]);
});

test("the JSON-LD is a ScholarlyArticle with the paper's name, authors, date, abstract and address", async ({ page, site }) => {
  await page.goto(pageUrl(site, full));
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  const ld = await jsonLd(page);
  expect(ld["@context"]).toBe("https://schema.org");
  expect(ld["@type"]).toBe("ScholarlyArticle");
  expect(ld.name).toBe(full.title);
  expect(ld.author.map((a) => a.name)).toEqual(full.authors);
  // A member's own page is the author's url.
  expect(ld.author[0].url).toBe(lab.members[0].url);
  expect(ld.author.slice(1).map((a) => a.url)).toEqual([undefined, undefined]);
  expect(ld.datePublished).toBe(String(full.year));
  expect(ld.abstract).toBe(full.abstract);
  expect(ld.url).toBe(pageUrl(site, full));
  expect(ld.url).toBe(page.url());
  expect(ld.keywords).toEqual(full.topics);
  expect(ld.image).toBe(IMAGE);
});

test("a link preview (Open Graph, Twitter) shows the title, the abstract's start, the page and the thumbnail", async ({ page, site }) => {
  await page.goto(pageUrl(site, full));
  expect(await metas(page, "og:title")).toEqual([full.title]);
  const [description] = await metas(page, "og:description");
  // The abstract's start, cut at a word with an ellipsis.
  const start = description.replace(/…$/, "");
  expect(start.length).toBeGreaterThan(100);
  expect(start.length).toBeLessThan(full.abstract.length);
  expect(full.abstract.startsWith(start)).toBe(true);
  expect(await metas(page, "og:url")).toEqual([pageUrl(site, full)]);
  expect(await metas(page, "og:image")).toEqual([IMAGE]);
  expect(await metas(page, "og:type")).toEqual(["article"]);
  expect(await metas(page, "og:site_name")).toEqual([lab.title]);
  // With a picture, the large card.
  expect(await metas(page, "twitter:card")).toEqual(["summary_large_image"]);

  // Without a picture, the small one, and no og:image.
  await page.goto(pageUrl(site, article));
  expect(await metas(page, "og:description")).toEqual([article.abstract]);
  expect(await metas(page, "og:image")).toEqual([]);
  expect(await metas(page, "twitter:card")).toEqual(["summary"]);
});

test("the tab's title is the paper's, and the page names its canonical address and a description", async ({ page, site }) => {
  await page.goto(pageUrl(site, full));
  await expect(page).toHaveTitle(full.title);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", pageUrl(site, full));
  const [description] = await metas(page, "description");
  expect(full.abstract.startsWith(description.replace(/…$/, ""))).toBe(true);
  expect(await metas(page, "og:description")).toEqual([description]);

  for (const paper of [article, ...hostile]) {
    await page.goto(pageUrl(site, paper));
    await expect(page).toHaveTitle(paper.title);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", pageUrl(site, paper));
    await expect(heading(page)).toHaveText(paper.title);
  }
});

test("Copy BibTeX puts the record on the clipboard and says so", async ({ page, context, site }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(pageUrl(site, full));
  const bibtex = page.getByRole("region", { name: "BibTeX" });
  const copy = bibtex.getByRole("button", { name: "Copy BibTeX" });
  await expect(copy).toBeVisible();
  const record = await bibtex.locator("code").textContent();
  expect(record).toMatch(/^@inproceedings\{/);
  await copy.click();
  await expect(bibtex.getByRole("button", { name: "BibTeX copied" })).toBeVisible();
  await expect(bibtex.getByRole("status")).toHaveText("BibTeX copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record);
  // Then it is the Copy button again, and the status says nothing more.
  await expect(bibtex.getByRole("button", { name: "Copy BibTeX" })).toBeVisible();
  await expect(bibtex.getByRole("status")).toHaveText("");
});

test("the way back: “Back to this paper in the list” opens the listing at the paper's card", async ({ page, site }) => {
  // A listing long enough that the card is out of view at the top: the article paper, second.
  await page.goto(pageUrl(site, article));
  const back = page.getByRole("link", { name: "← Back to this paper in the list" });
  await back.click();
  await expect(page).toHaveURL(`${site.url}#${article.id}`);
  const card = page.getByRole("article", { name: article.title, exact: true });
  await expect(card).toBeFocused();
  await expect(card).toHaveClass(/targeted/);
  await expect(card).toBeInViewport();
  await expect(page.locator("article.targeted")).toHaveCount(1);
  await appShows(page, papers.length);

  // The lab's name leads to the listing's top.
  await page.goto(pageUrl(site, full));
  await page.getByRole("link", { name: lab.title, exact: true }).click();
  await expect(page).toHaveURL(site.url);
  await appShows(page, papers.length);
});

test("on the listing, a card's title leads to the paper's page, whose heading is that title", async ({ page, site }) => {
  await page.goto(site.url);
  await appShows(page, papers.length);
  const card = page.getByRole("article", { name: titleName(full) });
  // On the listing the abstract is collapsed; the page shows it whole.
  await expect(card.getByRole("button", { name: "Show abstract" })).toBeVisible();
  // (Chromium leaves the math out of the link's name, though not out of the card's.)
  const link = card.getByRole("link", { name: /^Bandits with .*regret under drift$/ });
  await expect(link).toHaveAttribute("href", `p/${pageName(full.id)}/`);
  const text = await link.textContent();
  expect(text).toBe("Bandits with T regret under drift");
  await link.click();
  await expect(page).toHaveURL(pageUrl(site, full));
  await expect(heading(page)).toHaveText(text);
  await expect(heading(page).locator("math")).toHaveAttribute("data-latex", "\\sqrt{T}");
  await expect(page.getByText(full.abstract, { exact: true })).toBeVisible();
  // Back in history, the listing again.
  await page.goBack();
  await appShows(page, papers.length);
});

for (const paper of hostile) {
  const shown = paper.id.length > 40 ? `${paper.id.slice(0, 12)}…${paper.id.slice(-4)} (${paper.id.length} chars)` : paper.id;
  test(`the page of id ${JSON.stringify(shown)} is reached from its card and leads back to it`, async ({ page, site }) => {
    await page.goto(site.url);
    await appShows(page, papers.length);
    const card = page.getByRole("article", { name: paper.title, exact: true });
    await card.getByRole("link", { name: paper.title, exact: true }).click();
    // Under /papers/p/, in a folder of its own, and the right paper's.
    await expect(page).toHaveURL(pageUrl(site, paper));
    expect(new URL(page.url()).pathname).toMatch(/^\/papers\/p\/[A-Za-z0-9_-]+\/$/);
    await expect(heading(page)).toHaveText(paper.title);
    await expect(page).toHaveTitle(paper.title);
    await expect(page.getByRole("article", { name: paper.title, exact: true })).toBeVisible();

    // And back to its card, whatever the id holds.
    await page.getByRole("link", { name: "← Back to this paper in the list" }).click();
    const again = page.getByRole("article", { name: paper.title, exact: true });
    await expect(again).toBeFocused();
    await expect(again).toHaveClass(/targeted/);
    await expect(again).toBeInViewport();
    await appShows(page, papers.length);
  });
}

test("an author's and a topic's links on the page lead to the listing narrowed to them", async ({ page, site }) => {
  const author = "Ada Lovelace";
  const hers = papers.filter((p) => (p.authors ?? []).includes(author));
  expect(hers.length).toBeGreaterThan(1);
  expect(hers.length).toBeLessThan(papers.length);
  await page.goto(pageUrl(site, full));
  await page.getByRole("list", { name: "Authors" }).getByRole("link", { name: author, exact: true }).click();
  await expect(page).toHaveURL(`${site.url}?author=Ada%20Lovelace`);
  await appShows(page, hers.length);
  await expect(cards(page)).toHaveCount(hers.length);
  const authors = page.getByRole("region", { name: "Authors", exact: true });
  await expect(authors.getByRole("button", { name: new RegExp(`^${author}`) })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("group", { name: "Active filters" }).getByRole("button", { name: /^Remove/ })).toHaveText([
    new RegExp(`Author: ${author}`),
  ]);

  const topic = "learning theory";
  const tagged = papers.filter((p) => (p.topics ?? []).includes(topic));
  expect(tagged.length).toBeGreaterThan(1);
  await page.goto(pageUrl(site, full));
  await page.getByRole("list", { name: "Topics" }).getByRole("link", { name: topic, exact: true }).click();
  await expect(page).toHaveURL(`${site.url}?topic=learning%20theory`);
  await appShows(page, tagged.length);
  await expect(cards(page)).toHaveCount(tagged.length);
  // Each card's chip for the topic is pressed, and so is the facet's entry.
  for (const shown of await cards(page).all()) {
    await expect(shown.getByRole("list", { name: "Topics" }).getByRole("button", { name: topic, exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  }
  const topics = page.getByRole("region", { name: "Topics", exact: true });
  await expect(topics.getByRole("button", { name: new RegExp(`^${topic} \\d`) })).toHaveAttribute("aria-pressed", "true");
});

test("the page keeps the site's look in dark mode, fits a 390 px phone, and loads with no error or policy violation", async ({ browser, site }) => {
  /** The page of `paper` in a fresh context with `options`: its background, the listing's, and
   * whether it scrolls sideways; every error, failed request and CSP violation collected. */
  async function look(paper, options) {
    const context = await browser.newContext(options);
    await answerImage(context);
    const page = await context.newPage();
    const problems = [];
    let onListing = false;
    page.on("console", (m) => {
      const counts = m.type() === "error" || (m.type() === "warning" && !onListing);
      if (counts) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    try {
      await page.goto(pageUrl(site, paper));
      await expect(page.getByRole("button", { name: "Copy BibTeX" })).toBeVisible();
      await expect(heading(page)).toBeVisible();
      const img = page.getByRole("img", { name: paper.title });
      if (paper.image) await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
      const style = await page.evaluate(() => {
        const css = (e) => getComputedStyle(e);
        const main = document.querySelector("main");
        return {
          background: css(document.body).backgroundColor,
          text: css(document.body).color,
          font: css(main).fontFamily,
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          overflowing: [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter((e) => !e.closest("pre"))
            .map((e) => e.tagName + (e.className ? `.${e.className}` : "")),
        };
      });
      // The listing's own console (a preload's warning) is not the paper page's.
      onListing = true;
      await page.goto(site.url);
      await appShows(page, papers.length);
      const listing = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        font: getComputedStyle(document.querySelector("main") ?? document.body).fontFamily,
      }));
      return { ...style, listing, problems };
    } finally {
      await context.close();
    }
  }

  const light = await look(full, { colorScheme: "light" });
  const dark = await look(full, { colorScheme: "dark" });
  expect(dark.background).not.toBe(light.background);
  expect(dark.text).not.toBe(light.text);
  // The listing's colours and type, in either scheme.
  for (const scheme of [light, dark]) {
    expect(scheme.background).toBe(scheme.listing.background);
    expect(scheme.text).toBe(scheme.listing.text);
    expect(scheme.font).toBe(scheme.listing.font);
    expect(scheme.problems).toEqual([]);
  }

  // A phone: no sideways scroll, on the fullest page and on the one with the longest address.
  for (const paper of [full, hostile.at(-1)]) {
    const phone = await look(paper, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    expect(phone.sideways, `overflowing: ${phone.overflowing.join(", ")}`).toBe(0);
    expect(phone.problems).toEqual([]);
  }
});

test("the theme a visitor chose on the listing is the paper page's too", async ({ browser, site }) => {
  const context = await browser.newContext({ colorScheme: "light" });
  await answerImage(context);
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await appShows(page, papers.length);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const dark = await background();
    expect(dark).not.toBe(light);

    await page.goto(pageUrl(site, full));
    await expect(heading(page)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await background()).toBe(dark);
  } finally {
    await context.close();
  }
});

test("a paper without links has no empty “Links” list on its page", async ({ page, site }) => {
  // On the listing the list always holds Cite and Copy link; the page has neither.
  const paper = hostile[0];
  expect(paper.links).toBeUndefined();
  await page.goto(pageUrl(site, paper));
  await expect(heading(page)).toHaveText(paper.title);
  const lists = page.getByRole("article").getByRole("list", { name: "Links" });
  for (const list of await lists.all()) await expect(list.getByRole("listitem")).not.toHaveCount(0);
  await expect(page.getByRole("article").locator("ul.links:not(:has(li))")).toHaveCount(0);
});
