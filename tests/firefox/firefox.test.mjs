// The release build in a second engine: Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi (Playwright's own Firefox build cannot be installed here, and Playwright drives
// no other). A smaller set than the Chromium specs: what differs between engines (WebAssembly
// start-up, MathML layout, <dialog>, focus, colour schemes), found through Firefox's own
// accessibility tree (`::-p-aria`), with counts computed from the JSON by the test itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { startServer } from "../browser/serve.mjs";
import { countText, matching } from "../browser/specs/corpus.mjs";
import { alfolioLab, deploy } from "../browser/deploy.mjs";
import * as pages from "../browser/fixtures/paper-pages.mjs";
import { fileName } from "../browser/specs/static-docs.mjs";
import * as trickle from "../browser/trickle.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const root = process.env.DIST ?? join(repo, "dist");
const prefix = process.env.PUBLIC_URL ?? "/papers/";
const firefox = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

assert.ok(
  existsSync(join(root, "index.html")),
  `${root} has no index.html: build the site first (make build, or make test, which builds it)`,
);
assert.ok(existsSync(firefox), `no Firefox at ${firefox}: run bash tools/setup.sh test, or set FIREFOX`);

const papers = JSON.parse(readFileSync(join(repo, "public/publications.json"), "utf8")).publications;
const MATHML = "http://www.w3.org/1998/Math/MathML";
/** How long a wait in the page may take; each test has twice that. */
const WAIT_MS = 15_000;

let server, browser, base, labSite, pagesSite;

before(
  async () => {
    // Port 0: any free port, so a second run or another server on this machine cannot collide.
    server = await startServer({ root, prefix, port: 0 });
    base = `http://127.0.0.1:${server.address().port}${prefix}`;
    labSite = await deploy({ data: alfolioLab().text, files: alfolioLab().files, prefix });
    pagesSite = await deploy({ data: pages.lab, prefix });
    // A fresh profile per launch (puppeteer makes and removes it). The window size comes from
    // Firefox's own flags: BiDi viewport emulation is incomplete in ESR, so no default viewport.
    browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: firefox,
      headless: true,
      defaultViewport: null,
      args: ["--width=1280", "--height=900"],
    });
    console.log(`${await browser.version()} on ${base}`);
  },
  { timeout: 60_000 },
);

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  await labSite?.close();
  await pagesSite?.close();
});

/** A test with its own page in a fresh browser context (no storage carried over), which fails
 * if the page throws or logs an error. `data`, when given, is served as publications.json. */
function pageTest(name, body, { data } = {}) {
  test(name, { timeout: 2 * WAIT_MS }, async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
      if (data !== undefined) {
        await page.setRequestInterception(true);
        page.on("request", (request) =>
          new URL(request.url()).pathname === `${prefix}publications.json`
            ? request.respond({ status: 200, contentType: "application/json", body: data })
            : request.continue(),
        );
      }
      await body(page);
      assert.deepEqual(errors, [], "errors in the page");
    } finally {
      await context.close();
    }
  });
}

/** `::-p-aria` selector for an element with this role and (exact) accessible name. */
const aria = (role, name) =>
  name === undefined ? `::-p-aria([role="${role}"])` : `::-p-aria([name="${name}"][role="${role}"])`;

/** Waits until `predicate(...args)` holds in the page, checking it again every 50 ms.
 * Puppeteer's own waitForFunction cannot run here: it builds the predicate in the page with
 * `new Function`, which Firefox refuses under the page's Content-Security-Policy (no
 * 'unsafe-eval'), and puppeteer cannot turn CSP off over BiDi. Code that page.evaluate sends
 * comes in through BiDi's script module, which the page's CSP does not govern. */
async function waitUntil(page, what, predicate, ...args) {
  const check = await page.evaluateHandle(`(${predicate})`);
  try {
    await page.evaluate(
      async (check, timeout, ...args) => {
        const end = performance.now() + timeout;
        while (!(await check(...args))) {
          if (performance.now() > end) throw new Error(`not within ${timeout} ms`);
          await new Promise((next) => setTimeout(next, 50));
        }
      },
      check,
      WAIT_MS,
      ...args,
    );
  } catch (e) {
    throw new Error(`waiting for ${what}: ${e.message}`, { cause: e });
  } finally {
    await check.dispose();
  }
}

/** Waits until the app has replaced the page prerendered at build time and its count (role=status)
 * reads `text`, then checks that Firefox's accessibility tree exposes exactly that one status. */
async function waitForStatus(page, text) {
  await waitUntil(page, "the app to take over", () => !document.getElementById("prerendered"));
  await waitUntil(
    page,
    `the status to read "${text}"`,
    (text) => document.querySelector('[role="status"]')?.textContent.trim() === text,
    text,
  );
  const statuses = await page.$$(aria("status"));
  const texts = await Promise.all(statuses.map((s) => s.evaluate((e) => e.textContent.trim())));
  assert.deepEqual(texts, [text]);
}

/** The titles of the cards (role=article) shown, sorted. Each card must also be named by its
 * title in the accessibility tree, on screen or not (off-screen text once went missing from
 * Firefox's tree under `content-visibility: auto`). */
async function cardTitles(page) {
  const cards = await page.$$(aria("article"));
  const titles = await Promise.all(cards.map((c) => c.$eval(".paper-title", (h) => h.textContent)));
  for (const title of titles) {
    assert.ok(await page.$(aria("article", title)), `no card is named "${title}"`);
  }
  return titles.sort();
}
const titlesOf = (papers) => papers.map((p) => p.title).sort();

pageTest("the seed page loads: a card per paper, fetched from under the sub-path", async (page) => {
  const responses = [];
  page.on("response", (r) => responses.push(`${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(base);
  await waitForStatus(page, countText(papers.length));
  assert.equal(papers.length, 12);
  assert.deepEqual(await cardTitles(page), titlesOf(papers));
  assert.ok(await page.$(aria("heading", "Publications")));
  // The newest paper comes first, in view: its card is named by its title.
  const newest = papers.find((p) => p.id === "boosting-latent-diffusion");
  assert.ok(await page.$(aria("article", newest.title)), `a card named ${newest.title}`);
  assert.ok(responses.includes(`200 ${prefix}publications.json`), responses.join("\n"));
  assert.equal(await page.$("::-p-text(Starting the publications page…)"), null);
});

pageTest("a search narrows the list, the count and the URL agree; a topic facet filters", async (page) => {
  await page.goto(base);
  await waitForStatus(page, "12 publications");
  const query = "softmax";
  const found = matching(papers, { q: query });
  assert.ok(found.length > 0 && found.length < papers.length);
  await (await page.waitForSelector(aria("searchbox", "Search"))).type(query);
  await waitForStatus(page, countText(found.length));
  await waitUntil(page, `?q=${query}`, (q) => new URLSearchParams(location.search).get("q") === q, query);
  assert.deepEqual(await cardTitles(page), titlesOf(found));

  // Esc clears the search; then a topic from the Topics facet, whose button gives its count.
  await page.keyboard.press("Escape");
  await waitForStatus(page, "12 publications");
  const topic = "reinforcement learning";
  const tagged = matching(papers, { topics: [topic] });
  assert.equal(tagged.length, 4);
  // Firefox names the region as its heading is shown, upper-cased by CSS text-transform.
  const topics = await page.waitForSelector(aria("region", "TOPICS"));
  const value = await topics.waitForSelector(aria("button", `${topic} ${tagged.length} papers`));
  await value.click();
  await waitForStatus(page, countText(tagged.length));
  assert.equal(await value.evaluate((b) => b.getAttribute("aria-pressed")), "true");
  assert.deepEqual(await cardTitles(page), titlesOf(tagged));
  assert.equal(new URL(page.url()).searchParams.get("q"), null);
});

pageTest(
  "math in a title renders as MathML, the subscript laid out below its base",
  async (page) => {
    await page.goto(base);
    await waitForStatus(page, "1 publication");
    const [card] = await page.$$(aria("article"));
    const title = await card.$(aria("heading"));
    assert.equal(await title.evaluate((h) => h.classList.contains("paper-title")), true);
    const maths = await title.$$("math");
    assert.equal(maths.length, 2);
    for (const m of maths) assert.equal(await m.evaluate((e) => e.namespaceURI), MATHML);
    const [mi, mn] = [await maths[0].$("msub > mi"), await maths[0].$("msub > mn")];
    assert.equal(await mi.evaluate((e) => e.textContent), "ℓ");
    assert.equal(await mn.evaluate((e) => e.textContent), "1");
    assert.equal(await maths[1].$eval("msqrt", (e) => e.textContent), "T");
    // Laid out as MathML, not as inline text: a smaller "1" on the same baseline would start
    // lower but end higher; a subscript is shifted down, so it ends lower too.
    const [b, s] = [await mi.boundingBox(), await mn.boundingBox()];
    const boxes = `subscript ${JSON.stringify(s)}, base ${JSON.stringify(b)}`;
    assert.ok(s.y > b.y && s.y + s.height > b.y + b.height, boxes);
  },
  {
    data: JSON.stringify({
      publications: [{ id: "l1", title: "$\\ell_1$-regression in $O(\\sqrt{T})$", year: 2020 }],
    }),
  },
);

pageTest("Cite opens a dialog with the BibTeX; Esc closes it and gives focus back to Cite", async (page) => {
  await page.goto(base);
  await waitForStatus(page, "12 publications");
  const paper = papers.find((p) => p.id === "boosting-latent-diffusion");
  const cite = await page.waitForSelector(aria("button", `Cite ${paper.title}`));
  await cite.click();
  const dialog = await page.waitForSelector(aria("dialog", "Cite"));
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(":modal")), true);
  const bibtex = await dialog.waitForSelector("::-p-aria(BibTeX)");
  await waitUntil(page, "the BibTeX record", (e) => e.textContent.startsWith("@"), bibtex);
  const record = await bibtex.evaluate((e) => e.textContent);
  assert.match(record, /^@\w+\{\w+,\n/);
  assert.ok(record.includes(`\n  title = {{${paper.title}}},\n`), record);
  assert.ok(record.includes(`\n  year = {${paper.year}}`), record);
  assert.ok(record.includes(`\n  booktitle = {${paper.venue}}`), record);
  const copy = await dialog.$(aria("button", "Copy BibTeX"));
  assert.ok(await copy.evaluate((b) => b === document.activeElement), "Copy BibTeX has focus");

  await page.keyboard.press("Escape");
  await page.waitForSelector(aria("dialog", "Cite"), { hidden: true });
  assert.equal(await page.$("dialog"), null);
  await waitUntil(page, "focus back on Cite", (b) => b === document.activeElement, cite);
});

pageTest("the theme button switches light and dark, and says which is on", async (page) => {
  await page.goto(base);
  await waitForStatus(page, "12 publications");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The CSS ::before moon has empty alternative text: it is not part of the button's name.
  const toggle = await page.waitForSelector(aria("button", "Dark theme"));
  const pressed = (v) =>
    waitUntil(page, `aria-pressed=${v}`, (b, v) => b.getAttribute("aria-pressed") === v, toggle, v);
  // Until the visitor chooses, the page follows the system's scheme.
  const systemDark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  await pressed(String(systemDark));
  const first = await background();
  await toggle.click();
  await pressed(String(!systemDark));
  assert.notEqual(await background(), first);
  await toggle.click();
  await pressed(String(systemDark));
  assert.equal(await background(), first);
});

test("the prerendered page is readable before the app, which then shows the same cards", { timeout: 2 * WAIT_MS }, async () => {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    // The wasm arrives late, so the prerendered page is what shows first.
    await page.setRequestInterception(true);
    page.on("request", (request) =>
      request.url().endsWith(".wasm") ? setTimeout(() => request.continue(), 3000) : request.continue(),
    );
    await page.goto(base, { waitUntil: "domcontentloaded" });
    assert.ok(await page.$("#prerendered"), "the prerendered page is there before the app");
    const disabled = await page.evaluate(() => document.querySelector("#prerendered #search").matches(":disabled"));
    assert.equal(disabled, true, "search waits for the app");
    const prerendered = await cardTitles(page);
    assert.deepEqual(prerendered, papers.map((p) => p.title).sort());
    await waitForStatus(page, "12 publications");
    assert.deepEqual(await cardTitles(page), prerendered);
    const live = await page.waitForSelector(aria("searchbox", "Search"));
    assert.equal(await live.evaluate((s) => s.matches(":disabled")), false);
  } finally {
    await context.close();
  }
});

// Moving in without loss: the al-folio fixture lab deployed as a lab would deploy it (its
// publications.json and assets as the shipped files, the page prerendered for them).
const lab = alfolioLab();
const labPapers = lab.doc.publications;
const labTides = labPapers.find((p) => p.id === "lovelace2025tides");
const papersText = (n) => `${n} ${n === 1 ? "paper" : "papers"}`;
/** The view's query parameter `name`, or null, from the page itself (puppeteer's page.url() over
 * BiDi does not follow history.pushState). */
const param = (page, name) => page.evaluate((name) => new URLSearchParams(location.search).get(name), name);
async function waitForParam(page, name, value) {
  await waitUntil(page, `${name}=${value}`, (name, value) => new URLSearchParams(location.search).get(name) === value, name, value);
}

pageTest("the fixture lab: the featured filter and the Types facet live in the URL, and Back restores each view", async (page) => {
  await page.goto(labSite.url);
  await waitForStatus(page, countText(labPapers.length));
  const featured = labPapers.filter((p) => p.featured);
  const both = featured.filter((p) => p.type === "conference");
  assert.ok(both.length > 0 && both.length < featured.length);

  const only = await page.waitForSelector(aria("button", `Featured papers only ${papersText(featured.length)}`));
  await only.click();
  await waitForStatus(page, countText(featured.length));
  await waitForParam(page, "featured", "1");
  assert.equal(await only.evaluate((b) => b.getAttribute("aria-pressed")), "true");
  assert.deepEqual(await cardTitles(page), titlesOf(featured));

  // Firefox names the region as its heading is shown, upper-cased by CSS text-transform.
  const types = await page.waitForSelector(aria("region", "TYPES"));
  const conference = await types.waitForSelector(aria("button", `Conference paper ${papersText(both.length)}`));
  await conference.click();
  await waitForStatus(page, countText(both.length));
  await waitForParam(page, "type", "conference");
  assert.equal(await param(page, "featured"), "1");
  assert.deepEqual(await cardTitles(page), titlesOf(both));

  await page.evaluate(() => history.back());
  await waitForStatus(page, countText(featured.length));
  await waitForParam(page, "type", null);
  assert.equal(await param(page, "featured"), "1");
  await page.evaluate(() => history.back());
  await waitForStatus(page, countText(labPapers.length));
  await waitForParam(page, "featured", null);
  const button = await page.waitForSelector(aria("button", `Featured papers only ${papersText(featured.length)}`));
  assert.equal(await button.evaluate((b) => b.getAttribute("aria-pressed")), "false");
});

pageTest("the fixture lab: marks are superscripts after the name, and a marked and unmarked spelling are one author", async (page) => {
  await page.goto(labSite.url);
  await waitForStatus(page, countText(labPapers.length));
  const card = await page.waitForSelector(aria("article", labTides.title));
  const ada = await card.waitForSelector(aria("button", "Ada Lovelace"));
  const sup = await ada.evaluateHandle((b) => b.nextElementSibling);
  assert.equal(await sup.evaluate((s) => s.matches("sup.marks")), true);
  assert.equal(await sup.evaluate((s) => s.querySelector('[aria-hidden="true"]').textContent), "*†");
  const [b, s] = [await ada.boundingBox(), await sup.boundingBox()];
  assert.ok(s.x >= b.x + b.width - 1 && s.y < b.y + b.height / 2, `mark ${JSON.stringify(s)}, name ${JSON.stringify(b)}`);
  const legend = await page.$eval("header .marks-legend", (p) => p.textContent);
  assert.match(legend, /\* Equal contribution/);

  // Her papers, marked or not (the JSON's names as objects with marks, or plain).
  const hers = labPapers.filter((p) => p.authors.some((a) => (a.name ?? a) === "Ada Lovelace"));
  assert.ok(hers.some((p) => p.authors.some((a) => typeof a === "string" && a === "Ada Lovelace")));
  const authors = await page.waitForSelector(aria("region", "AUTHORS"));
  const labels = await authors.$$eval(".facet-label", (all) => all.map((l) => l.textContent));
  assert.deepEqual(labels.filter((l) => l.startsWith("Ada")), ["Ada Lovelace"]);
  const entry = await authors.waitForSelector(aria("button", `Ada Lovelace ${papersText(hers.length)}`));
  await entry.click();
  await waitForStatus(page, countText(hers.length));
  assert.deepEqual(await cardTitles(page), titlesOf(hers));
});

pageTest("the fixture lab: a thumbnail keeps its box while it loads late; a relative link resolves under the sub-path", async (page) => {
  // The images are held back (delayed, not replaced) until the app has laid the page out.
  const held = [];
  let release = false;
  await page.setRequestInterception(true);
  page.on("request", (request) =>
    request.url().includes("/assets/img/") && !release ? held.push(request) : request.continue(),
  );
  await page.goto(labSite.url);
  await waitForStatus(page, countText(labPapers.length));
  const img = await page.waitForSelector(`article img.thumbnail[alt="${labTides.title}"]`);
  const layout = () =>
    page.evaluate(() => {
      const card = document.querySelector("article .thumbnail").closest("article");
      const rect = (e) => JSON.stringify(e.getBoundingClientRect());
      return [rect(card.querySelector(".thumbnail")), rect(card.querySelector(".paper-title")), rect(card.querySelector(".authors"))];
    });
  assert.equal(await img.evaluate((i) => i.complete && i.naturalWidth > 0), false);
  const before = await layout();
  const box = await img.boundingBox();
  assert.ok(box.width > 0 && box.height > 0, `an empty box: ${JSON.stringify(box)}`);
  release = true;
  for (const request of held.splice(0)) request.continue();
  await waitUntil(page, "the thumbnail", (i) => i.complete && i.naturalWidth > 0, img);
  assert.deepEqual(await layout(), before);
  assert.equal(await img.evaluate((i) => i.alt), labTides.title);
  // Loaded, it is an image named by the title in Firefox's accessibility tree (which calls the
  // role "image", ARIA 1.3's name for "img").
  assert.ok(await page.$(aria("image", labTides.title)), "an image named by the title");

  const card = await page.waitForSelector(aria("article", labTides.title));
  const pdf = await card.waitForSelector(aria("link", "PDF"));
  assert.equal(await pdf.evaluate((a) => a.getAttribute("href")), labTides.links.pdf);
  assert.equal(await pdf.evaluate((a) => new URL(a.href).pathname), `${prefix}assets/pdf/tides.pdf`);
  assert.equal(await pdf.evaluate(async (a) => (await fetch(a.href)).status), 200);
});

// A page for every paper: the paper pages' fixture lab (../browser/fixtures/paper-pages.mjs)
// deployed, each paper's own page at p/<name>/, a static page with a small script of its own.
const pageOf = (paper) => `${pagesSite.url}p/${fileName(paper.id)}/`;

/** Answers the thumbnail's request from elsewhere on the web (the machine is offline). */
async function answerImage(page) {
  await page.setRequestInterception(true);
  page.on("request", (request) =>
    request.url() === pages.IMAGE
      ? request.respond({ status: 200, contentType: "image/png", body: pages.PNG })
      : request.continue(),
  );
}

pageTest("a paper's own page reads in Firefox: its heading in MathML, authors, the whole abstract, the BibTeX region and its Copy button", async (page) => {
  const paper = pages.full;
  await answerImage(page);
  await page.goto(pageOf(paper));
  // The page's one card, its heading the paper's title, the math in MathML.
  const cards = await page.$$(aria("article"));
  assert.equal(cards.length, 1);
  const [card] = cards;
  const heading = await card.waitForSelector(aria("heading"));
  assert.equal(await heading.evaluate((h) => h.tagName), "H1");
  assert.equal(await heading.evaluate((h) => h.textContent), "Bandits with T regret under drift");
  const math = await heading.$("math");
  assert.equal(await math.evaluate((e) => e.namespaceURI), MATHML);
  assert.equal(await math.evaluate((e) => e.getAttribute("data-latex")), "\\sqrt{T}");
  const [root, mi] = [await math.$("msqrt"), await math.$("msqrt > mi")];
  assert.equal(await mi.evaluate((e) => e.textContent), "T");
  // Laid out as MathML: the radical sign stands before the T, so the root is wider than it.
  const [r, t] = [await root.boundingBox(), await mi.boundingBox()];
  assert.ok(r.width > t.width + 2 && r.x < t.x - 1, `root ${JSON.stringify(r)}, T ${JSON.stringify(t)}`);
  assert.equal(await page.title(), paper.title);

  // The authors, in order, each a link to the listing's view of them.
  const authors = await card.waitForSelector(aria("list", "Authors"));
  for (const name of paper.authors) {
    const link = await authors.waitForSelector(aria("link", name));
    assert.equal(await link.evaluate((a) => a.getAttribute("href")), `./?author=${encodeURIComponent(name)}`);
  }
  const names = await authors.$$eval("a.author", (as) => as.map((a) => a.textContent));
  assert.deepEqual(names, paper.authors);
  // The whole abstract, and nothing to open it with.
  const abstract = await card.$eval(".abstract", (p) => p.textContent);
  assert.equal(abstract, paper.abstract);
  assert.equal(await card.$(aria("button", "Show abstract")), null);

  // The BibTeX region with the record, and the script's Copy button shown.
  const region = await page.waitForSelector(aria("region", "BibTeX"));
  const record = await region.$eval("code", (c) => c.textContent);
  assert.match(record, /^@inproceedings\{\w+,\n/);
  assert.ok(record.includes(`\n  title = {{${paper.title}}},\n`), record);
  const copy = await region.waitForSelector(aria("button", "Copy BibTeX"));
  assert.equal(await copy.evaluate((b) => b.hidden), false);
  const box = await copy.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `Copy BibTeX is not shown: ${JSON.stringify(box)}`);
});

pageTest("a paper's page leads back to its card in the listing, focused, targeted and in view", async (page) => {
  const paper = pages.hostile.find((p) => p.id === "q?#frag");
  await page.goto(pageOf(paper));
  const back = await page.waitForSelector(aria("link", "← Back to this paper in the list"));
  await Promise.all([page.waitForNavigation(), back.click()]);
  await waitForStatus(page, countText(pages.lab.publications.length));
  const card = await page.waitForSelector(aria("article", paper.title));
  await waitUntil(page, "the card to have focus", (c) => c === document.activeElement, card);
  assert.equal(await card.evaluate((c) => c.classList.contains("targeted")), true);
  const inView = await card.evaluate((c) => {
    const r = c.getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight && r.bottom > 0;
  });
  assert.equal(inView, true, "the card is in view");
  assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(1))), paper.id);
});

// A download that breaks off part-way (the server holds the body, then destroys the connection):
// the papers that came stay, searchable, under an alert; Retry loads the whole; nothing is thrown.
pageTest("a download that breaks off keeps what came, and Retry loads the whole", async (page) => {
  const control = trickle.dataControl();
  const site = await deploy({ data: trickle.text, intercept: control.intercept, prefix, address: false });
  try {
    const arrived = 100;
    Object.assign(control, { mode: "hold", at: trickle.after(arrived) });
    await page.goto(site.url);
    const statusReads = (text) =>
      waitUntil(page, `the status to read "${text}"`, (text) => document.querySelector('[role="status"]')?.textContent.trim() === text, text);
    await statusReads(`${arrived} publications found so far`);
    control.cut();
    const alert = await page.waitForSelector(aria("alert"));
    const says = `${arrived} papers arrived`;
    await waitUntil(page, "the alert to say what arrived", (a, says) => a.textContent.includes(says), alert, says);
    await statusReads(`${arrived} publications found so far`);
    control.mode = "whole";
    const retry = await alert.waitForSelector(aria("button", "Retry"));
    await retry.click();
    await waitForStatus(page, countText(trickle.TOTAL));
    assert.equal(await page.$(aria("alert")), null);
  } finally {
    control.release();
    await site.close();
  }
});
