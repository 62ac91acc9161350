// Every file a deploy of hostile data writes, read from disk as the static document it is: the
// paper pages parsed as HTML (parse5, as a browser builds the tree, no script run), the sitemap
// and feeds as XML (fast-xml-parser, feedparser strict, Chromium's XML parser). Nothing from the
// data may become markup, a tag, an attribute or a script; no id may put a file outside its
// folder (src/bin/prerender/pages.rs, crates/core/src/{metadata,feeds,site,dom_id}.rs).
import { existsSync, lstatSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { test, expect } from "./helpers.mjs";
import { deploy } from "../deploy.mjs";
import { hostileJson } from "./hostile.mjs";
import {
  attr,
  badXmlCharacters,
  collapse,
  comments,
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
  xmlText,
} from "./static-docs.mjs";

const pwn = (where) => `window.__pwned = ${JSON.stringify(where)}`;

/** Ids that would leave the page's folder, or name no folder, if taken as a path. */
const escapingIds = [
  "../../x",
  "/abs",
  "..",
  ".",
  "a/b",
  "%2e%2e",
  "\\x",
  "..\\..\\y",
  "\u0000",
  "c\u0007d",
  `${"../".repeat(666)}ab`, // 2,000 characters
];
/** Text that breaks out of each place it may stand if not escaped for it: a `<script>`, a
 * comment, CDATA, an attribute, XML with characters it cannot hold. */
const breakout = `]]> </script><script>${pwn("ld")}</script><!-- <script> & "q" 'a' \u0001\u000B\uFFFE end`;

const hostile = JSON.parse(hostileJson);
const members = [
  { name: `Eve <img src=x onerror="${pwn("member")}"> & ]]> "q"`, aliases: ["E. <b>Vil</b>"], url: `javascript:${pwn("member url")}` },
  { name: "</script><!-- Mallory", url: 'https://example.org/"><script>alert(1)</script>' },
];
const extra = escapingIds.map((id, n) => ({
  id,
  title: `Escaping ${n} ${breakout}`,
  authors: ["E. <b>Vil</b>", "</script><!-- Mallory", `<svg onload="${pwn("author")}">`],
  abstract: `Abstract ${n} ${breakout}`,
  topics: [`</script><!-- ${n}`],
  venue: `<![CDATA[ ${n} ]]>`,
  year: 2000 + n,
  links: { pdf: `papers/e${n}.pdf`, bad: `javascript:${pwn("link")}` },
  image: `data:image/svg+xml,<svg onload="${pwn("image")}">`,
}));
const data = { ...hostile, members, publications: [...hostile.publications, ...extra] };

// ---------------------------------------------------------------------------------------------
// What the data says, as the catalog keeps it: the oracle the pages are held to.

const isText = (v) => typeof v === "string";
const usable = data.publications.filter((p) => p && typeof p === "object" && !Array.isArray(p) && isText(p.title) && p.title.trim());
const memberName = (author) => members.find((m) => m.name === author || m.aliases?.includes(author))?.name ?? author;
/** A paper's id: its own, unless another paper had it first; else its title's slug. */
const ids = (() => {
  const taken = new Set();
  const out = new Map();
  for (const p of usable) if (isText(p.id) && !taken.has(p.id)) (taken.add(p.id), out.set(p, p.id));
  for (const p of usable) {
    if (out.has(p)) continue;
    let id = slug(collapse(p.title));
    for (let n = 2; taken.has(id); n++) id = `${slug(collapse(p.title))}-${n}`;
    taken.add(id);
    out.set(p, id);
  }
  return out;
})();
const expectedOf = (paper) => {
  const authors = Array.isArray(paper.authors) ? paper.authors.filter(isText).map((a) => memberName(collapse(a))) : [];
  const topics = Array.isArray(paper.topics) ? paper.topics.filter(isText).map(collapse) : [];
  return {
    id: ids.get(paper),
    folder: fileName(ids.get(paper)),
    title: collapse(paper.title),
    authors,
    topics,
    abstract: isText(paper.abstract) ? collapse(paper.abstract) : undefined,
    venue: isText(paper.venue) ? collapse(paper.venue) : undefined,
    year: typeof paper.year === "number" ? paper.year : undefined,
    award: isText(paper.award) ? collapse(paper.award) : undefined,
  };
};
const expected = usable.map(expectedOf);

const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "ping", "cite", "longdesc", "manifest"];
const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; base-uri 'self'; form-action 'none'";

// One deploy for the file, its tests in one worker (each runs whatever another found).
test.describe.configure({ mode: "default" });

let site;
let before; // whether each path a naive join of an id names existed before the deploy
const naivePaths = (root) =>
  escapingIds.flatMap((id) => [resolve(root, "p", id, "index.html"), resolve(root, "p", id), resolve(root, id), resolve("/", id)]).filter((path) => path !== root && !path.startsWith(root + sep));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  before = new Map(naivePaths(join(tmpdir(), "papershelf-deploy-XXXXXX")).map((p) => [p, existsSync(p)]));
  site = await deploy({ data });
  for (const path of naivePaths(site.root)) if (!before.has(path)) before.set(path, false);
});
test.afterAll(async () => {
  await site?.close();
});

const read = (file) => readFileSync(join(site.root, file), "utf8");

test("every file is inside the deploy, each paper page exactly one folder deep under p/, named safely", () => {
  const files = listFiles(site.root);
  for (const file of files) expect(lstatSync(join(site.root, file)).isFile(), file).toBe(true);
  const pages = files.filter((f) => f.startsWith("p/"));
  for (const page of pages) expect(page, page).toMatch(/^p\/[A-Za-z0-9_-]{1,96}\/index\.html$/);
  expect(pages.toSorted()).toEqual(expected.map((e) => `p/${e.folder}/index.html`).toSorted());
  // Each escaping id has a page in its own escaped folder.
  for (const id of escapingIds) expect(pages, JSON.stringify(id)).toContain(`p/${fileName(id)}/index.html`);
  expect(fileName(escapingIds.at(-1))).toHaveLength(96);
  const others = files.filter((f) => !f.startsWith("p/"));
  for (const file of others) {
    expect(file, file).toMatch(/^(\.papershelf-written|[\w.-]+\.(html|css|js|wasm|svg|json|bib|txt|xml)|feeds\/[A-Za-z0-9_-]{1,96}\.xml)$/);
  }
  // Nothing where an id taken as a path would have put it.
  for (const path of naivePaths(site.root)) {
    if (!before.get(path)) expect(existsSync(path), path).toBe(false);
  }
  for (const line of read(".papershelf-written").split("\n").filter(Boolean)) expect(line).toMatch(/^(p|feeds|feed\.xml|robots\.txt|sitemap\.xml)$/);
});

test("every paper page is a static document in which nothing from the data became markup", () => {
  test.setTimeout(120_000);
  const origin = new URL(site.url);
  const problems = [];
  const check = (ok, what) => ok || problems.push(what);
  for (const paper of expected) {
    const file = `p/${paper.folder}/index.html`;
    const html = read(file);
    const doc = htmlDocument(html);
    const all = elements(doc);
    const at = `${file} (${JSON.stringify(paper.id).slice(0, 40)})`;
    const page = `${site.url}p/${paper.folder}/`;

    // One document: one html, head, body, base; the policy as written, no other http-equiv.
    for (const tag of ["html", "head", "body", "base", "title", "h1", "main"]) {
      check(all.filter((e) => e.tagName === tag).length === 1, `${at}: not one <${tag}>`);
    }
    check(attr(all.find((e) => e.tagName === "base"), "href") === "/papers/", `${at}: <base> changed`);
    const equiv = all.filter((e) => e.tagName === "meta" && attr(e, "http-equiv") !== undefined);
    check(equiv.length === 1 && attr(equiv[0], "http-equiv") === "Content-Security-Policy" && attr(equiv[0], "content") === POLICY, `${at}: http-equiv ${JSON.stringify(equiv.map((e) => e.attrs))}`);

    // Scripts: the page's own file and one JSON-LD, whose strings are the data's.
    const scripts = all.filter((e) => e.tagName === "script");
    const own = scripts.filter((s) => attr(s, "src") === "paper-page.js" && s.attrs.length === 1 && text(s) === "");
    const ld = scripts.filter((s) => attr(s, "type") === "application/ld+json" && s.attrs.length === 1);
    check(scripts.length === 2 && own.length === 1 && ld.length === 1, `${at}: scripts ${JSON.stringify(scripts.map((s) => [s.attrs, text(s).slice(0, 80)]))}`);
    let json;
    try {
      json = JSON.parse(text(ld[0]));
    } catch (e) {
      problems.push(`${at}: JSON-LD does not parse: ${e.message}`);
    }
    if (json) {
      check(json["@type"] === "ScholarlyArticle" && json["@context"] === "https://schema.org", `${at}: JSON-LD type`);
      check(json.name === paper.title && json.headline === paper.title, `${at}: JSON-LD name ${JSON.stringify(json.name)?.slice(0, 200)}`);
      check(JSON.stringify(json.author.map((a) => a.name)) === JSON.stringify(paper.authors), `${at}: JSON-LD authors`);
      check(json.abstract === paper.abstract, `${at}: JSON-LD abstract`);
      check(JSON.stringify(json.keywords) === JSON.stringify(paper.topics.length ? paper.topics : undefined), `${at}: JSON-LD keywords ${JSON.stringify(json.keywords)}`);
      check(json.isPartOf?.name === paper.venue, `${at}: JSON-LD venue`);
      check(json.datePublished === (paper.year === undefined ? undefined : String(paper.year).padStart(4, "0")), `${at}: JSON-LD date`);
      check(json.award === paper.award, `${at}: JSON-LD award ${JSON.stringify(json.award)}`);
      check(json.url === page, `${at}: JSON-LD url ${json.url}`);
      check(json.image === undefined, `${at}: JSON-LD image ${json.image}`);
      for (const person of json.author) {
        if (person.url !== undefined) check(/^https?:/i.test(person.url), `${at}: JSON-LD person url ${person.url}`);
      }
      const known = ["@context", "@type", "name", "headline", "author", "url", "datePublished", "isPartOf", "abstract", "keywords", "award"];
      check(Object.keys(json).every((k) => known.includes(k)), `${at}: JSON-LD keys ${Object.keys(json)}`);
    }

    // No handler, no script URL, no other host from the data.
    for (const element of all) {
      for (const { name, value } of element.attrs) {
        check(!/^on/i.test(name), `${at}: <${element.tagName} ${name}>`);
        if (!URL_ATTRIBUTES.includes(name)) continue;
        const plain = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        check(!/^(javascript|data|vbscript):/.test(plain), `${at}: ${name}=${value}`);
        check(!/^[/\\]{2}|^\/\\/.test(value.trim()), `${at}: ${name}=${value} names another host`);
        const target = new URL(value, new URL("/papers/", origin));
        check(["http:", "https:", "mailto:"].includes(target.protocol), `${at}: ${name}=${value}`);
        if (target.origin === origin.origin) check(target.pathname.startsWith("/papers/"), `${at}: ${name}=${value} leaves the site`);
      }
    }
    for (const tag of ["img", "svg", "iframe", "object", "embed", "form", "input", "textarea", "style", "b", "i", "br", "math"]) {
      check(!all.some((e) => e.tagName === tag), `${at}: a <${tag}>`);
    }
    for (const comment of comments(doc)) check(comment.data === "", `${at}: a comment ${JSON.stringify(comment.data.slice(0, 80))}`);
    const links = all.filter((e) => e.tagName === "link");
    check(links.every((l) => ["icon", "stylesheet", "canonical", "alternate"].includes(attr(l, "rel"))), `${at}: links ${JSON.stringify(links.map((l) => l.attrs))}`);
    check(attr(links.find((l) => attr(l, "rel") === "canonical"), "href") === page, `${at}: canonical`);

    // The title and every meta value: the data's text, escaped rather than read as markup.
    const title = all.find((e) => e.tagName === "title");
    check(text(title) === xmlText(paper.title), `${at}: <title> ${JSON.stringify(text(title)).slice(0, 200)}`);
    check(text(all.find((e) => e.tagName === "h1")).replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, "") === xmlText(paper.title).replace(/[\u0000-\u001F]/g, ""), `${at}: <h1>`);
    const metas = all.filter((e) => e.tagName === "meta" && (attr(e, "name") ?? attr(e, "property")) !== undefined);
    const values = (key) => metas.filter((m) => (attr(m, "name") ?? attr(m, "property")) === key).map((m) => attr(m, "content"));
    const description = paper.abstract ?? [paper.authors.join(", ") || undefined, paper.venue, paper.year && String(paper.year)].filter(Boolean).join(". ");
    const wants = {
      viewport: ["width=device-width, initial-scale=1"],
      "color-scheme": ["light dark"],
      citation_title: [paper.title],
      citation_author: paper.authors,
      citation_publication_date: paper.year === undefined ? [] : [String(paper.year).padStart(4, "0")],
      citation_conference_title: paper.venue === undefined ? [] : [paper.venue],
      citation_pdf_url: [],
      citation_abstract_html_url: [page],
      citation_keywords: paper.topics.length ? [paper.topics.join("; ")] : [],
      citation_abstract: paper.abstract === undefined ? [] : [paper.abstract],
      "og:type": ["article"],
      "og:title": [paper.title],
      "og:url": [page],
      "og:site_name": [collapse(data.title)],
      "twitter:card": ["summary"],
    };
    const pdf = usable.find((p) => ids.get(p) === paper.id).links?.pdf;
    if (isText(pdf) && pdf.startsWith("papers/")) wants.citation_pdf_url = [`${site.url}${pdf}`];
    for (const [key, want] of Object.entries(wants)) {
      const got = values(key);
      check(JSON.stringify(got) === JSON.stringify(want.map(xmlText)), `${at}: meta ${key} ${JSON.stringify(got).slice(0, 300)}`);
    }
    for (const key of ["description", "og:description"]) {
      const [got, ...more] = values(key);
      const whole = xmlText(description);
      const ok = more.length === 0 && (got === whole || (got?.endsWith("…") && whole.startsWith(got.slice(0, -1).trimEnd()) && got.length < 400));
      check(ok, `${at}: meta ${key} ${JSON.stringify(got)?.slice(0, 300)}`);
    }
    const keys = new Set(metas.map((m) => attr(m, "name") ?? attr(m, "property")));
    for (const key of keys) check(key in wants || key === "description" || key === "og:description", `${at}: meta ${key}`);
  }
  expect(problems).toEqual([]);
});

test("the listing's head links the feeds with their titles as text, and nothing in it runs", () => {
  const doc = htmlDocument(read("index.html"));
  const all = elements(doc);
  for (const element of all) {
    for (const { name, value } of element.attrs) {
      expect(name, `<${element.tagName} ${name}>`).not.toMatch(/^on/i);
      if (URL_ATTRIBUTES.includes(name)) expect(value.replace(/[\u0000-\u0020]/g, "").toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
    }
  }
  const feeds = all.filter((e) => e.tagName === "link" && attr(e, "type") === "application/atom+xml");
  const lab = collapse(data.title);
  expect(feeds.map((l) => [attr(l, "href"), attr(l, "title")])).toEqual([
    ["feed.xml", lab],
    ...members.map((m) => [`feeds/${fileName(m.name)}.xml`, `${lab}: papers by ${m.name}`]),
  ]);
  expect(all.find((e) => e.tagName === "title") && text(all.find((e) => e.tagName === "title"))).toBe(lab);
});

/** Chromium's own XML parser, strict as a feed reader's: the error it reports, or null. */
async function chromiumXmlError(page, xml) {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return doc.querySelector("parsererror")?.textContent ?? null;
  }, xml);
}

test("sitemap.xml and every feed are well-formed XML whose text is the data's, whatever characters it holds", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("about:blank");
  const xmlFiles = listFiles(site.root).filter((f) => f.endsWith(".xml"));
  expect(xmlFiles.toSorted()).toEqual(["feed.xml", "sitemap.xml", ...members.map((m) => `feeds/${fileName(m.name)}.xml`)].toSorted());
  for (const file of xmlFiles) {
    const xml = read(file);
    expect(wellFormed(xml), file).toBe(true);
    expect(badXmlCharacters(xml), file).toEqual([]);
    expect(undefinedEntities(xml), file).toEqual([]);
    expect(await chromiumXmlError(page, xml), file).toBeNull();
  }

  const locs = parseXml(read("sitemap.xml")).urlset[0].url.map((u) => u.loc[0]);
  expect(locs.toSorted()).toEqual([site.url, ...expected.map((e) => `${site.url}p/${e.folder}/`)].toSorted());

  const newest = expected
    .map((e, at) => ({ e, at }))
    .sort((a, b) => (b.e.year ?? -Infinity) - (a.e.year ?? -Infinity) || a.at - b.at)
    .map(({ e }) => e);
  const { meta, items } = await parseFeed(read("feed.xml"));
  // feedparser strips tags from the titles it normalizes (it takes them for HTML whatever their
  // type): the text as read is in its raw atom:title.
  expect(meta["atom:title"]["#"]).toBe(xmlText(collapse(data.title)));
  expect(items.map((i) => i["atom:title"]["#"])).toEqual(newest.map((e) => xmlText(e.title).trim()));
  expect(items.map((i) => i.guid)).toEqual(newest.map((e) => `${site.url}p/${e.folder}/`));
  const entries = parseXml(read("feed.xml")).feed[0].entry;
  expect(entries.map((e) => e.title[0]["#text"])).toEqual(newest.map((e) => xmlText(e.title)));
  expect(entries.map((e) => (e.author ?? []).map((a) => a.name[0]))).toEqual(newest.map((e) => e.authors.map(xmlText)));
  expect(entries.map((e) => (e.category ?? []).map((c) => c["@_term"]))).toEqual(newest.map((e) => e.topics.map(xmlText)));
  for (const entry of entries) {
    for (const link of entry.link) expect(link["@_href"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/papers\//);
  }

  for (const member of members) {
    const file = `feeds/${fileName(member.name)}.xml`;
    const feed = await parseFeed(read(file));
    expect(feed.meta["atom:title"]["#"]).toBe(xmlText(`${collapse(data.title)}: papers by ${member.name}`));
    const theirs = newest.filter((e) => e.authors.includes(member.name));
    expect(feed.items.map((i) => i.guid)).toEqual(theirs.map((e) => `${site.url}p/${e.folder}/`));
  }
});

// A title of spaces is no title (the entry is skipped, hostile.mjs); one of control characters
// alone is as invisible, but is kept, and the escape for HTML and XML (which cannot hold them)
// leaves nothing: a page with an empty <title>, a feed entry with an empty title.
test("a title of control characters alone gives no page or feed entry without a title", async () => {
  const blank = await deploy({
    data: { title: "Lab", publications: [{ id: "shown", title: "A real title" }, { id: "invisible", title: "\u0001\u0002\u001F" }] },
  });
  try {
    const problems = [];
    for (const file of listFiles(blank.root).filter((f) => f.startsWith("p/"))) {
      const all = elements(htmlDocument(readFileSync(join(blank.root, file), "utf8")));
      const title = text(all.find((e) => e.tagName === "title")).trim();
      if (!title) problems.push(`${file}: <title></title>`);
      const h1 = text(all.find((e) => e.tagName === "h1")).replace(/[\u0000-\u001F]/g, "").trim();
      if (!h1) problems.push(`${file}: an <h1> with no visible text`);
    }
    const entries = parseXml(readFileSync(join(blank.root, "feed.xml"), "utf8")).feed[0].entry;
    for (const entry of entries) {
      if (!entry.title[0]["#text"]?.trim()) problems.push(`feed.xml: an entry without a title (${entry.id[0]})`);
    }
    expect(problems).toEqual([]);
  } finally {
    await blank.close();
  }
});
