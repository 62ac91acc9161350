// The sitemap, robots.txt and the Atom feeds a deploy writes (src/bin/prerender/pages.rs,
// crates/core/src/publish/feeds.rs), read with real parsers and checked against the data: every address
// answers with the right page, the feed holds the 50 newest papers in order, a member's feed
// their papers (spelled by an alias too), and the same data writes the same bytes.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "./helpers.mjs";
import { deploy } from "../deploy.mjs";
import {
  attr,
  badXmlCharacters,
  elements,
  fileName,
  htmlDocument,
  listFiles,
  parseFeed,
  parseXml,
  slug,
  text,
  undefinedEntities,
  wellFormed,
} from "./static-docs.mjs";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const prerender = join(resolve(process.env.CARGO_TARGET_DIR ?? join(repo, "target")), "debug/prerender");
const dist = resolve(process.env.DIST ?? join(repo, "dist"));

const LAB = "Feed & Sitemap Lab";
const members = [
  { name: "Ada Lovelace", aliases: ["A. Lovelace"], url: "https://example.org/ada" },
  { name: "Alan Turing" },
  { name: "Grace Hopper" }, // in no paper: no feed of her own
];

/** 64 papers of 2016–2025 in no order of year, 7 without a year: the feed's cut at 50 drops
 * all of those and the 7 oldest of the rest. Ada writes in every 4th (every other one as her
 * alias), Alan in every 5th. */
const publications = Array.from({ length: 64 }, (_, i) => {
  const paper = { title: `Paper ${i} on feeds` };
  if (i === 3) paper.id = "b c";
  else if (i === 5) paper.id = "é-ü";
  else if (i !== 7) paper.id = `paper-${i}`;
  if (i % 9 !== 4) paper.year = 2016 + ((i * 7) % 10);
  const authors = [`Co Author ${i % 3}`];
  if (i % 8 === 0) authors.unshift("Ada Lovelace");
  if (i % 8 === 4) authors.push("A. Lovelace");
  if (i % 5 === 0) authors.push("Alan Turing");
  paper.authors = authors;
  paper.topics = [`topic ${i % 4}`];
  paper.abstract = `The abstract of paper ${i}.`;
  return paper;
});
const data = { title: LAB, description: "Papers of a lab that feeds.", members, publications };

const idOf = (paper) => paper.id ?? slug(paper.title);
const pageOf = (url, paper) => `${url}p/${fileName(idOf(paper))}/`;
/** The data's papers newest first: by year (none last), then in the file's order. */
const newestFirst = (papers) =>
  papers
    .map((paper, at) => ({ paper, at }))
    .sort((a, b) => (b.paper.year ?? -Infinity) - (a.paper.year ?? -Infinity) || a.at - b.at)
    .map(({ paper }) => paper);
const byMember = (name) =>
  publications.filter((p) => p.authors.some((a) => a === name || members.find((m) => m.name === name).aliases?.includes(a)));
const entryAuthors = (paper) => paper.authors.map((a) => (a === "A. Lovelace" ? "Ada Lovelace" : a));

const read = (root, file) => readFileSync(join(root, file), "utf8");
const list = (value) => (Array.isArray(value) ? value : [value]);
const textOf = (node) => (typeof node === "string" ? node : node["#text"] ?? "");

/** The h1 of the page at `address`, fetched. */
async function heading(request, address) {
  const response = await request.get(address);
  expect(response.status(), address).toBe(200);
  const h1 = elements(htmlDocument(await response.text())).filter((e) => e.tagName === "h1");
  expect(h1, address).toHaveLength(1);
  return text(h1[0]).trim();
}

/** The feed files a deploy wrote, with their text. */
const generated = (root) =>
  Object.fromEntries(
    listFiles(root)
      .filter((f) => /^(sitemap.*\.xml|robots\.txt|feed\.xml|feeds\/.*|p\/.*|index\.html)$/.test(f))
      .map((f) => [f, read(root, f)]),
  );

test.describe("a deploy with its address", () => {
  let site;
  test.beforeAll(async () => {
    site = await deploy({ data });
  });
  test.afterAll(async () => {
    await site?.close();
  });

  test("sitemap.xml is well-formed and lists the listing and each paper's page, each answering with that paper", async ({ request }) => {
    const xml = read(site.root, "sitemap.xml");
    expect(wellFormed(xml)).toBe(true);
    expect(badXmlCharacters(xml)).toEqual([]);
    expect(undefinedEntities(xml)).toEqual([]);
    const doc = parseXml(xml);
    expect(doc.urlset).toHaveLength(1);
    expect(doc.urlset[0]["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.urlset[0].url.map((u) => {
      expect(u.loc).toHaveLength(1);
      return textOf(u.loc[0]);
    });
    const expected = [site.url, ...publications.map((p) => pageOf(site.url, p))];
    expect(locs.toSorted()).toEqual(expected.toSorted());
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      expect(loc.startsWith(site.url), loc).toBe(true);
      expect(new URL(loc).pathname.startsWith("/papers/"), loc).toBe(true);
    }
    expect(await heading(request, site.url)).toBe(LAB);
    for (const paper of publications) {
      expect(await heading(request, pageOf(site.url, paper))).toBe(paper.title);
    }
  });

  test("robots.txt names the sitemap, which answers", async ({ request }) => {
    const robots = read(site.root, "robots.txt");
    expect(robots.split("\n")).toContain(`Sitemap: ${site.url}sitemap.xml`);
    const served = await request.get(`${site.url}robots.txt`);
    expect(served.status()).toBe(200);
    expect(await served.text()).toBe(robots);
    const sitemap = await request.get(`${site.url}sitemap.xml`);
    expect(sitemap.status()).toBe(200);
  });

  test("feed.xml is the lab's Atom feed of its 50 newest papers, year by year then in the file's order", async ({ request }) => {
    const xml = read(site.root, "feed.xml");
    expect(wellFormed(xml)).toBe(true);
    expect(badXmlCharacters(xml)).toEqual([]);
    expect(undefinedEntities(xml)).toEqual([]);
    const { meta, items } = await parseFeed(xml);
    expect(meta["#type"]).toBe("atom");
    expect(meta.title).toBe(LAB);
    expect(meta.xmlurl).toBe(`${site.url}feed.xml`);
    expect(meta.link).toBe(site.url);
    expect(meta.description).toBe(data.description);

    const newest = newestFirst(publications).slice(0, 50);
    expect(newest.filter((p) => p.year === undefined)).toEqual([]);
    expect(items.map((i) => i.title)).toEqual(newest.map((p) => p.title));
    expect(items.map((i) => i.link)).toEqual(newest.map((p) => pageOf(site.url, p)));
    expect(items.map((i) => i.guid)).toEqual(newest.map((p) => pageOf(site.url, p)));
    expect(items.map((i) => i.date.toISOString())).toEqual(newest.map((p) => `${p.year}-01-01T00:00:00.000Z`));
    expect(items.map((i) => i.categories)).toEqual(newest.map((p) => p.topics));
    expect(items.map((i) => i.summary)).toEqual(newest.map((p) => p.abstract));

    // What feedparser reads as one author, the XML holds whole: each paper's authors, an alias
    // as the member's name.
    const feed = parseXml(xml).feed[0];
    expect(textOf(feed.updated[0])).toBe(`${Math.max(...publications.map((p) => p.year ?? 0))}-01-01T00:00:00Z`);
    expect(feed.entry.map((e) => e.author.map((a) => textOf(a.name[0])))).toEqual(newest.map(entryAuthors));

    for (const [at, item] of items.entries()) {
      expect(await heading(request, item.link)).toBe(newest[at].title);
    }
    const served = await request.get(`${site.url}feed.xml`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toMatch(/xml/);
  });

  test("each member with papers has a feed of exactly their papers, an alias's included", async ({ request }) => {
    const files = listFiles(site.root).filter((f) => f.startsWith("feeds/"));
    expect(files).toEqual([`feeds/${fileName("Ada Lovelace")}.xml`, `feeds/${fileName("Alan Turing")}.xml`]);
    for (const name of ["Ada Lovelace", "Alan Turing"]) {
      const file = `feeds/${fileName(name)}.xml`;
      const xml = read(site.root, file);
      expect(wellFormed(xml)).toBe(true);
      const { meta, items } = await parseFeed(xml);
      expect(meta.title).toBe(`${LAB}: papers by ${name}`);
      expect(meta.xmlurl).toBe(`${site.url}${file}`);
      expect(meta.link.startsWith(`${site.url}?`), meta.link).toBe(true);
      const theirs = newestFirst(byMember(name));
      expect(theirs.length).toBeGreaterThan(5);
      expect(theirs.length).toBeLessThan(50);
      expect(items.map((i) => i.title)).toEqual(theirs.map((p) => p.title));
      expect(items.map((i) => i.link)).toEqual(theirs.map((p) => pageOf(site.url, p)));
      const entries = parseXml(xml).feed[0].entry;
      for (const entry of entries) expect(entry.author.map((a) => textOf(a.name[0]))).toContain(name);
      expect((await request.get(`${site.url}${file}`)).status()).toBe(200);
      // The listing's view the feed follows shows that member's papers.
      expect((await request.get(meta.link)).status()).toBe(200);
    }
    expect(byMember("Ada Lovelace").some((p) => p.authors.includes("A. Lovelace"))).toBe(true);
  });

  test("the listing's head links the lab's feed and each member's, and each page links the lab's", async ({ request }) => {
    const doc = htmlDocument(read(site.root, "index.html"));
    const links = elements(doc).filter((e) => e.tagName === "link" && attr(e, "rel") === "alternate" && attr(e, "type") === "application/atom+xml");
    const head = elements(doc).find((e) => e.tagName === "head");
    for (const link of links) expect(elements(head)).toContain(link);
    expect(links.map((l) => attr(l, "href"))).toEqual(["feed.xml", `feeds/${fileName("Ada Lovelace")}.xml`, `feeds/${fileName("Alan Turing")}.xml`]);
    expect(links.map((l) => attr(l, "title"))).toEqual([LAB, `${LAB}: papers by Ada Lovelace`, `${LAB}: papers by Alan Turing`]);
    const base = attr(elements(doc).find((e) => e.tagName === "base"), "href");
    for (const link of links) {
      const address = new URL(attr(link, "href"), new URL(base, site.url)).href;
      expect(address.startsWith(site.url)).toBe(true);
      const response = await request.get(address);
      expect(response.status(), address).toBe(200);
      expect(wellFormed(await response.text())).toBe(true);
    }
    for (const paper of publications.slice(0, 5)) {
      const page = htmlDocument(read(site.root, `p/${fileName(idOf(paper))}/index.html`));
      const feeds = elements(page).filter((e) => e.tagName === "link" && attr(e, "type") === "application/atom+xml");
      expect(feeds.map((l) => [attr(l, "rel"), attr(l, "href"), attr(l, "title")])).toEqual([["alternate", "feed.xml", LAB]]);
    }
  });

  test("the same data writes the same bytes: prerendered again in place, or in another folder", async () => {
    const first = generated(site.root);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["sitemap.xml", "feed.xml", "robots.txt", `feeds/${fileName("Ada Lovelace")}.xml`]));
    const env = { ...process.env, SITE_URL: site.url };
    execFileSync(prerender, [site.root], { stdio: "pipe", env });
    const again = generated(site.root);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    for (const [file, text] of Object.entries(first)) expect(again[file], file).toBe(text);

    const other = mkdtempSync(join(tmpdir(), "papershelf-again-"));
    try {
      cpSync(dist, other, { recursive: true });
      writeFileSync(join(other, "publications.json"), JSON.stringify(data));
      execFileSync(prerender, [other], { stdio: "pipe", env });
      const elsewhere = generated(other);
      expect(Object.keys(elsewhere)).toEqual(Object.keys(first));
      for (const [file, text] of Object.entries(first)) expect(elsewhere[file], file).toBe(text);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

test("a deploy without its address writes no sitemap or feeds, and robots.txt names no sitemap", async ({ request }) => {
  const site = await deploy({ data, address: false });
  try {
    const files = listFiles(site.root);
    expect(files.filter((f) => /^(sitemap.*\.xml|feed\.xml|feeds\/)/.test(f))).toEqual([]);
    expect(existsSync(join(site.root, "feeds"))).toBe(false);
    const robots = read(site.root, "robots.txt");
    expect(robots).not.toMatch(/sitemap/i);
    expect(robots).toMatch(/^User-agent: \*$/m);
    const doc = htmlDocument(read(site.root, "index.html"));
    expect(elements(doc).filter((e) => attr(e, "type") === "application/atom+xml")).toEqual([]);
    // The pages are still there, without a feed to link.
    const pages = files.filter((f) => f.startsWith("p/"));
    expect(pages.toSorted()).toEqual(publications.map((p) => `p/${fileName(idOf(p))}/index.html`).toSorted());
    const page = htmlDocument(read(site.root, pages[0]));
    expect(elements(page).filter((e) => attr(e, "type") === "application/atom+xml")).toEqual([]);
    expect((await request.get(`${site.url}sitemap.xml`)).status()).toBe(404);
    expect((await request.get(`${site.url}feed.xml`)).status()).toBe(404);
  } finally {
    await site.close();
  }
});
