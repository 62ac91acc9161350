// Moving in without loss (issue 20): a lab's al-folio bibliography imported (the fixture lab in
// fixtures/alfolio-lab, its publications.json and assets) and deployed as a lab would deploy it
// (deploy.mjs: the release build with that data as the shipped file, prerendered, under /papers/).
// Types, the featured filter, marks on names, "+4 more", thumbnails, paths within the site, and
// the page prerendered for it. Counts come from the JSON, read by the test itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect, status, cards } from "./helpers.mjs";
import { countText } from "./corpus.mjs";
import { alfolioLab, deploy } from "../deploy.mjs";

const lab = alfolioLab();
const papers = lab.doc.publications;
const tides = papers.find((p) => p.id === "lovelace2025tides");
const tidesPng = join(lab.dir, "assets/img/publication_preview/tides.png");

/** The fixture lab, deployed once per worker. */
const test = base.extend({
  site: [
    async ({}, use) => {
      const site = await deploy({ data: lab.text, files: lab.files });
      await use(site);
      await site.close();
    },
    { scope: "worker" },
  ],
});

const MARKS = /[*†‡∗§#]+$/u;
/** An author's name as the card shows it: an object's name, or the text without its marks. */
const nameOf = (author) => (typeof author === "string" ? author.replace(MARKS, "").trim() : author.name);
const marksOf = (author) => (typeof author === "string" ? (author.match(MARKS)?.[0] ?? "") : (author.marks ?? ""));
const byAuthor = (name) => papers.filter((p) => (p.authors ?? []).some((a) => nameOf(a) === name));
const titlesOf = (list) => list.map((p) => p.title).sort();
const papersText = (n) => `${n} ${n === 1 ? "paper" : "papers"}`;

/** The titles of the cards shown, sorted. */
const shownTitles = (page) =>
  cards(page)
    .locator(".paper-title")
    .allTextContents()
    .then((t) => t.sort());

/** Waits for the app itself (not the page prerendered at build time) to show `count` papers. */
async function appShows(page, count) {
  await expect(page.locator("#prerendered")).toHaveCount(0);
  await expect(status(page)).toHaveText(countText(count));
}

const facet = (page, name) => page.getByRole("region", { name, exact: true });
const featuredButton = (page) =>
  facet(page, "Featured papers").getByRole("button", { name: /^Featured papers only \d+ papers?$/ });
const typeButton = (page, label) => facet(page, "Types").getByRole("button", { name: new RegExp(`^${label} \\d+ papers?$`) });

/** The view `{ featured, type }`: the list, the URL, the count on the featured button (featured
 * papers of the type), the Types facet's count for conference papers, and what is pressed. */
async function expectView(page, { featured = false, type = null }) {
  const ofType = papers.filter((p) => !type || p.type === type);
  const shown = ofType.filter((p) => !featured || p.featured);
  await expect(status(page)).toHaveText(countText(shown.length));
  await expect.poll(() => shownTitles(page)).toEqual(titlesOf(shown));
  await expect(page).toHaveURL((url) => url.searchParams.get("featured") === (featured ? "1" : null));
  await expect(page).toHaveURL((url) => url.searchParams.get("type") === type);
  const button = featuredButton(page);
  await expect(button).toHaveAttribute("aria-pressed", String(featured));
  await expect(button).toHaveAccessibleName(`Featured papers only ${papersText(ofType.filter((p) => p.featured).length)}`);
  const conference = papers.filter((p) => p.type === "conference" && (!featured || p.featured));
  const conferenceButton = typeButton(page, "Conference paper");
  await expect(conferenceButton).toHaveAccessibleName(`Conference paper ${papersText(conference.length)}`);
  await expect(conferenceButton).toHaveAttribute("aria-pressed", String(type === "conference"));
  await expect(page.getByRole("button", { name: "Remove filter: Featured only" })).toHaveCount(featured ? 1 : 0);
}

test("the Types facet and the featured filter narrow the list, live in the URL, and Back and Forward restore each view", async ({ page, site }) => {
  const featured = papers.filter((p) => p.featured);
  const conference = papers.filter((p) => p.type === "conference");
  // The fixture is worth testing on: some featured papers, of several types, one of them a conference paper.
  expect(featured.length).toBeGreaterThan(1);
  expect(conference.length).toBeGreaterThan(0);
  expect(new Set(featured.map((p) => p.type)).size).toBeGreaterThan(1);

  await page.goto(site.url);
  await appShows(page, papers.length);
  const views = [{}];
  await expectView(page, views[0]);

  // The featured filter, at the top of the filters, with its count.
  const facetNames = await page.locator(".facet-groups > section").evaluateAll((s) => s.map((e) => e.getAttribute("aria-label") ?? e.querySelector("h2").textContent));
  expect(facetNames[0]).toBe("Featured papers");
  await featuredButton(page).click();
  views.push({ featured: true });
  await expectView(page, views.at(-1));
  // Every card shown says it is featured.
  await expect(cards(page).locator(".kicker .featured-mark")).toHaveText(featured.map(() => "Featured"));

  // A type narrows further: the URL takes its key.
  await typeButton(page, "Conference paper").click();
  views.push({ featured: true, type: "conference" });
  await expectView(page, views.at(-1));
  await expect(page.getByRole("button", { name: /^Remove filter Type: / })).toContainText("Conference paper");

  // The chip takes the featured filter off, and only it.
  await page.getByRole("button", { name: "Remove filter: Featured only" }).click();
  views.push({ type: "conference" });
  await expectView(page, views.at(-1));

  // Back through each view, then Forward again.
  for (let i = views.length - 2; i >= 0; i--) {
    await page.goBack();
    await expectView(page, views[i]);
  }
  for (let i = 1; i < views.length; i++) {
    await page.goForward();
    await expectView(page, views[i]);
  }

  // A URL typed by hand with the type's label selects the same papers.
  await page.goto(`${site.url}?type=Conference%20paper`);
  await appShows(page, conference.length);
  await expect.poll(() => shownTitles(page)).toEqual(titlesOf(conference));
  await expect(typeButton(page, "Conference paper")).toHaveAttribute("aria-pressed", "true");
  await page.goto(`${site.url}?featured=1`);
  await appShows(page, featured.length);
  await expect(featuredButton(page)).toHaveAttribute("aria-pressed", "true");
});

test("marks are superscripts after the name, explained in a legend; a marked and an unmarked spelling are one author and one member", async ({ page, site }) => {
  const ada = "Ada Lovelace";
  const hers = byAuthor(ada);
  // The fixture marks her on some papers and not on others.
  const marked = hers.filter((p) => p.authors.some((a) => nameOf(a) === ada && marksOf(a)));
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.length).toBeLessThan(hers.length);

  await page.goto(site.url);
  await appShows(page, papers.length);

  // The legend, under the page's description.
  const legend = page.locator("header .description + .marks-legend");
  await expect(legend).toBeVisible();
  await expect(legend).toContainText("* Equal contribution");
  await expect(legend).toContainText("† Corresponding author");

  // On the tides paper she is "*†": a superscript right after her button, read out in words.
  const card = page.getByRole("article", { name: tides.title });
  const button = card.getByRole("button", { name: ada, exact: true });
  const sup = card.locator("li", { has: page.getByRole("button", { name: ada, exact: true }) }).locator("sup.marks");
  await expect(sup.locator('[aria-hidden="true"]')).toHaveText("*†");
  await expect(sup).toContainText("(Equal contribution, Corresponding author)");
  expect(await button.evaluate((b) => b.nextElementSibling?.matches("sup.marks"))).toBe(true);
  const [b, s] = [await button.boundingBox(), await sup.boundingBox()];
  expect(s.x).toBeGreaterThanOrEqual(b.x + b.width - 1);
  expect(s.y).toBeLessThan(b.y + b.height / 2);
  // Marks are not part of any name.
  await expect(page.locator("button.author").filter({ hasText: /[*†]/ })).toHaveCount(0);

  // One entry in the Authors facet, counting every paper she is on, marked or not; a member.
  const authors = facet(page, "Authors");
  await expect(authors.getByRole("button", { name: new RegExp(`^${ada}`) })).toHaveCount(1);
  const entry = authors.getByRole("button", { name: `${ada} ${papersText(hers.length)}` });
  await expect(entry).toHaveClass(/\bmember\b/);
  // On every card she is on, marked or not, she is the member, with her page.
  for (const paper of hers) {
    const card = page.getByRole("article", { name: paper.title });
    await expect(card.locator("li.member").getByRole("button", { name: ada, exact: true })).toHaveCount(1);
    await expect(card.getByRole("link", { name: `${ada}’s page` })).toHaveCount(1);
  }
  await entry.click();
  await expect(status(page)).toHaveText(countText(hers.length));
  await expect.poll(() => shownTitles(page)).toEqual(titlesOf(hers));

  // Her name with a mark, typed into the URL, means her too.
  await page.goto(`${site.url}?author=Ada%20Lovelace*`);
  await appShows(page, hers.length);
  await expect(facet(page, "Authors").getByRole("button", { name: new RegExp(`^${ada}`) })).toHaveAttribute("aria-pressed", "true");

  // "+4 more" and "et al." are said, and are nobody: no author button and no facet entry.
  await page.goto(site.url);
  await appShows(page, papers.length);
  expect(tides.et_al).toBe(4);
  await expect(page.getByRole("article", { name: tides.title }).locator(".et-al")).toHaveText("+4 more");
  const etAl = papers.find((p) => p.et_al === true);
  await expect(page.getByRole("article", { name: etAl.title }).locator(".et-al")).toHaveText("et al.");
  await expect(page.getByRole("button", { name: /\bmore\b|^authors\b|^others$|et al/i })).toHaveCount(0);
  const people = new Set(papers.flatMap((p) => (p.authors ?? []).map(nameOf)));
  await expect(facet(page, "Authors").getByRole("button")).toHaveCount(people.size);
});

test("thumbnails keep their box: no layout shift when they arrive after the first paint; the alt text is the title", async ({ page, site }) => {
  const withImage = papers.filter((p) => p.image);
  expect(withImage.length).toBeGreaterThan(1);
  // Tall enough that every card is in view: a lazy image is fetched, and any shift would count.
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  // The images are held back (delayed, not replaced) until the app's page is painted.
  const held = [];
  let release = false;
  await page.route("**/assets/img/**", (route) => (release ? route.continue() : held.push(route)));
  await page.goto(site.url);
  await appShows(page, papers.length);
  const thumbs = page.locator("img.thumbnail");
  await expect(thumbs).toHaveCount(withImage.length);
  await expect.poll(() => held.length).toBeGreaterThanOrEqual(withImage.length);
  expect(await page.evaluate(() => performance.getEntriesByType("paint").map((e) => e.name))).toContain("first-contentful-paint");
  expect(await thumbs.evaluateAll((all) => all.filter((i) => i.complete && i.naturalWidth > 0).length)).toBe(0);
  const before = await thumbs.evaluateAll((all) => all.map((i) => i.getBoundingClientRect().toJSON()));

  release = true;
  for (const route of held.splice(0)) await route.continue();
  await expect.poll(() => thumbs.evaluateAll((all) => all.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
  // Two frames, so that a shift the images caused has been reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await thumbs.evaluateAll((all) => all.map((i) => i.getBoundingClientRect().toJSON()));
  expect(after).toEqual(before);
  const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  console.log(`CLS ${cls}`);
  expect(cls).toBeLessThanOrEqual(0.02);

  for (const paper of withImage) {
    const card = page.getByRole("article", { name: paper.title });
    const img = card.getByRole("img", { name: paper.title, exact: true });
    await expect(img).toHaveAttribute("alt", paper.title);
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(img).toHaveAttribute("width", /^\d+$/);
    await expect(img).toHaveAttribute("height", /^\d+$/);
    expect(await img.evaluate((i) => new URL(i.src).pathname)).toBe(`/papers/${paper.image}`);
    // Not squashed: the box keeps the width and height attributes' ratio, the picture covers it.
    const box = await img.boundingBox();
    const [w, h] = await img.evaluate((i) => [i.width, i.height].map(Number));
    const ratio = Number(await img.getAttribute("width")) / Number(await img.getAttribute("height"));
    expect(Math.abs(box.width / box.height - ratio)).toBeLessThan(0.02);
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
  }
  await expect(page.locator("article:not(.has-image) img")).toHaveCount(0);
});

test("on a 390 px phone: no sideways scrolling, the thumbnail keeps its ratio beside the kicker and title", async ({ page, site }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.url);
  await appShows(page, papers.length);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  const card = page.getByRole("article", { name: tides.title });
  const img = card.getByRole("img", { name: tides.title });
  await expect(img).toHaveJSProperty("complete", true);
  const [box, cardBox] = [await img.boundingBox(), await card.boundingBox()];
  const ratio = Number(await img.getAttribute("width")) / Number(await img.getAttribute("height"));
  expect(Math.abs(box.width / box.height - ratio)).toBeLessThan(0.02);
  expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  // The kicker's and the title's lines wrap beside the picture, never under it.
  const overlapping = await card.evaluate((article) => {
    const picture = article.querySelector("img.thumbnail").getBoundingClientRect();
    const lines = [...article.querySelectorAll(".kicker, .paper-title")].flatMap((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return [...range.getClientRects()];
    });
    return lines
      .filter((r) => r.bottom > picture.top && r.top < picture.bottom && r.right > picture.left + 0.5)
      .map((r) => JSON.stringify(r));
  });
  expect(overlapping).toEqual([]);
});

/** Images no page may fetch, beside one within the site. */
const hostileImages = {
  title: "Hostile thumbnails",
  publications: [
    { id: "js", title: "A javascript: image", image: "javascript:window.__pwned='image'" },
    { id: "proto", title: "A protocol-relative image", image: "//evil.example/x.png" },
    { id: "http", title: "An http: image", image: "http://insecure.example/x.png" },
    { id: "data", title: "A data: image", image: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>" },
    { id: "up", title: "An image a step up", image: "../outside.png" },
    { id: "rooted", title: "A rooted image", image: "/outside.png" },
    { id: "back", title: "A backslashed image", image: "\\\\evil.example\\x.png" },
    { id: "tabbed", title: "A tabbed image", image: "java\tscript:alert(1)" },
    { id: "ok", title: "An image within the site", image: "ok.png" },
  ],
};

test("a hostile image is never requested, in the prerendered page or the app", async ({ browser }) => {
  const site = await deploy({ data: hostileImages, files: { "ok.png": tidesPng } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requested = [];
    const images = [];
    page.on("request", (r) => {
      requested.push(r.url());
      if (r.resourceType() === "image" && !/favicon/.test(r.url())) images.push(new URL(r.url()).pathname);
    });
    await page.goto(site.url);
    await appShows(page, hostileImages.publications.length);
    // Only the image within the site is shown, and fetched from under /papers/.
    const ok = page.getByRole("article", { name: "An image within the site" }).getByRole("img", { name: "An image within the site" });
    await expect(ok).toHaveJSProperty("complete", true);
    expect(await ok.evaluate((i) => i.naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator("img")).toHaveCount(1);
    // Each other one is reported as ignored.
    await expect(page.locator("details.data-notice summary")).toHaveText(`${hostileImages.publications.length - 1} fields were ignored in the data`);
    await page.waitForLoadState("networkidle");
    expect([...new Set(images)]).toEqual(["/papers/ok.png"]);
    expect(requested.filter((u) => /evil\.example|insecure\.example|outside|^javascript:|^data:/.test(u))).toEqual([]);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    // The prerendered page names none of them either.
    const html = readFileSync(join(site.root, "index.html"), "utf8");
    expect(html.match(/<img[^>]*>/g)).toHaveLength(1);
    expect(html).not.toMatch(/evil\.example|insecure\.example|outside\.png/);
  } finally {
    await context.close();
    await site.close();
  }
});

// Found in review: the Content-Security-Policy (tools/csp.mjs) said `img-src 'self' data:`, so an
// `https:` image, which the reader accepts, was refused by the browser (a broken image and a
// violation in the console).
test("an https: thumbnail loads", async ({ page }) => {
  const data = { publications: [{ id: "remote", title: "A thumbnail from elsewhere", image: "https://images.example/remote.png" }] };
  const site = await deploy({ data });
  try {
    // Nothing is reachable from here: the other host's answer is given by the test.
    await page.route("https://images.example/**", (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: readFileSync(tidesPng) }),
    );
    await page.goto(site.url);
    await appShows(page, 1);
    const img = page.getByRole("img", { name: "A thumbnail from elsewhere" });
    await expect(img).toHaveAttribute("src", "https://images.example/remote.png");
    await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  } finally {
    await site.close();
  }
});

test("a path within the site resolves under /papers/, and the file is there", async ({ page, site }) => {
  // From a deeper view too: the query string does not move where the path points.
  await page.goto(`${site.url}?type=conference`);
  await appShows(page, papers.filter((p) => p.type === "conference").length);
  expect(tides.links.pdf).toBe("assets/pdf/tides.pdf");
  const pdf = page.getByRole("article", { name: tides.title }).getByRole("link", { name: "PDF", exact: true });
  await expect(pdf).toHaveAttribute("href", "assets/pdf/tides.pdf");
  const href = await pdf.evaluate((a) => a.href);
  expect(new URL(href).pathname).toBe("/papers/assets/pdf/tides.pdf");
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // Every path within the site in the data answers.
  for (const paper of papers) {
    for (const url of Object.values(paper.links ?? {})) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
      expect((await page.request.get(new URL(url, site.url).href)).status(), url).toBe(200);
    }
  }
});

// Found in review: the chip of a type showed its label ("Type: Conference paper") but was named
// by the URL's key ("Remove filter Type: conference"): a speech user saying what they see could
// not press it (WCAG 2.5.3 Label in Name; axe's label-content-name-mismatch).
test("a type's chip is named by what it shows", async ({ page, site }) => {
  await page.goto(`${site.url}?type=conference`);
  await appShows(page, papers.filter((p) => p.type === "conference").length);
  const chip = page.getByRole("group", { name: "Active filters" }).getByRole("button", { name: /^Remove filter Type/ });
  await expect(chip).toContainText("Type: Conference paper");
  await expect(chip).toHaveAccessibleName("Remove filter Type: Conference paper");
});

// Found in review: the star before "Featured" was CSS content without alternative text, so screen
// readers said "black star, Featured"; like the theme button's moon, it now has an empty one.
test("the kicker reads as words: badge, type, Featured, award", async ({ page, site }) => {
  await page.goto(site.url);
  await appShows(page, papers.length);
  const kicker = page.getByRole("article", { name: tides.title }).locator(".kicker");
  await expect(kicker).toMatchAriaSnapshot(`- paragraph: ${tides.badge} Conference paper Featured ${tides.award}`);
});

// al-folio's additional_info is Markdown: its `*best thesis*` is imported as the \emph the page
// renders, so the note shows the words emphasised, never the asterisks (which read like a mark).
test("a note's Markdown emphasis is shown as emphasis, without its asterisks", async ({ page, site }) => {
  const thesis = papers.find((p) => p.id === "lovelace2023thesis");
  expect(thesis.note).toContain("\\emph{best thesis}");
  await page.goto(site.url);
  await appShows(page, papers.length);
  const note = page.getByRole("article", { name: thesis.title }).locator(".note");
  await expect(note).toHaveText("Winner of the department's best thesis prize.");
  await expect(note.locator("em")).toHaveText("best thesis");
});

/** What the tides card must show, prerendered or live: the kicker, the thumbnail, the marks. */
async function expectTidesCard(page) {
  const card = page.getByRole("article", { name: tides.title });
  await expect(card.locator(".kicker > span")).toHaveText([tides.badge, "Conference paper", "Featured", tides.award]);
  const img = card.locator("img.thumbnail");
  await expect(img).toHaveAttribute("alt", tides.title);
  await expect(img).toHaveAttribute("width", /^\d+$/);
  await expect(img).toHaveAttribute("height", /^\d+$/);
  const li = card.locator("li", { has: page.getByRole("button", { name: "Ada Lovelace", exact: true }) });
  await expect(li.locator("sup.marks")).toContainText("*†");
  await expect(card.locator(".et-al")).toHaveText("+4 more");
  await expect(page.locator("header .marks-legend")).toContainText("* Equal contribution");
  // The kicker comes before the title, the picture at the card's start.
  expect(await card.evaluate((a) => [...a.children].map((c) => c.className).slice(0, 3))).toEqual(["thumbnail", "kicker", "paper-title"]);
}

test("the prerendered page shows the kicker, thumbnail and marks before the app, and without JavaScript", async ({ browser, site }) => {
  // Without JavaScript: only the prerendered page, ever.
  const off = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await off.newPage();
    await page.goto(site.url);
    await expect(page.locator("#prerendered")).toHaveCount(1);
    await expectTidesCard(page);
    await expect(page.getByRole("img", { name: tides.title })).toHaveJSProperty("complete", true);
  } finally {
    await off.close();
  }

  // With JavaScript, while the wasm is held back: the prerendered page; then the app's, alike.
  const on = await browser.newContext();
  try {
    const page = await on.newPage();
    const held = [];
    await page.route("**/*.wasm", (route) => held.push(route));
    await page.goto(site.url, { waitUntil: "domcontentloaded" });
    await expect.poll(() => held.length).toBe(1);
    await expect(page.locator("#prerendered")).toHaveCount(1);
    await expectTidesCard(page);
    await held[0].continue();
    await appShows(page, papers.length);
    await expectTidesCard(page);
  } finally {
    await on.close();
  }
});

// Found in review: on a catalog small enough to be prerendered whole, a `#id` link neither
// scrolled to its card nor focused it: the hidden prerendered page, on its way out, held the same
// element ids, and its card was the one found. The same with a filter that hides the paper.
for (const query of ["", "?type=conference"]) {
  test(`a #id link brings its card into view and focus on a page prerendered whole (${query || "default view"})`, async ({ page, site }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    const report = papers.find((p) => p.id === "noether2021report");
    await page.goto(`${site.url}${query}#${report.id}`);
    // The type that would hide the report is dropped; the rest of the view stays.
    await appShows(page, papers.length);
    const card = page.getByRole("article", { name: report.title });
    await expect(card).toBeFocused();
    await expect(card).toBeInViewport();
  });
}

// Found in review: the type and "Featured" lit up with the search's matches, though the search
// does not read them ("workshop" matched the venue, and the type "Workshop paper" was marked as
// if it had).
test("only what the search reads shows its matches: the venue, not the type", async ({ page, site }) => {
  const workshop = papers.find((p) => p.type === "workshop");
  await page.goto(`${site.url}?q=workshop`);
  const matching = papers.filter((p) => [p.title, p.venue, p.abstract].join(" ").toLowerCase().includes("workshop"));
  await appShows(page, matching.length);
  const card = page.getByRole("article", { name: workshop.title });
  await expect(card).toBeVisible();
  await expect(card.locator(".paper-type")).toHaveText("Workshop paper");
  await expect(card.locator(".kicker mark")).toHaveCount(0);
  // The badge is searched, and shows a match when it has one.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("icml");
  await expect(card.locator(".badge mark")).toHaveText(["ICML"]);
});
