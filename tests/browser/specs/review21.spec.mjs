// Where the paper pages (p/<name>/, feeds, the listing's title links) meet the rest of the site:
// each test here failed before its fix (found in review).
import { createServer } from "node:http";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, cards } from "./helpers.mjs";
import { deploy } from "../deploy.mjs";

/** A paper without an id, whose title makes the id that a paper far down the file has already. */
const untitledFirst = { title: "Deep Nets!", year: 2024, authors: ["Ann Lee"] };
const fillers = Array.from({ length: 60 }, (_, i) => ({
  id: `filler-${i}`,
  title: `Filler paper number ${i}`,
  year: 2010,
  authors: ["Someone Else"],
}));
const explicitLater = { id: "deep-nets", title: "Explicit deep nets id", year: 2005 };

test("a provisional card's title leads to its own paper's page, not to another paper's", async ({ page }) => {
  const site = await deploy({ data: { title: "Lab", publications: [untitledFirst, ...fillers, explicitLater] } });
  // The app shows a provisional first page only when the listing has no prerendered page in it.
  const index = join(site.root, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace(/<!-- prerendered page -->[\s\S]*<!-- \/prerendered page -->/, ""));
  // The data arrives in two parts, seconds apart: the first entries, then the rest.
  const proxy = createServer(async (req, res) => {
    const r = await fetch(new URL(req.url, site.url).href);
    const body = Buffer.from(await r.arrayBuffer());
    res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/octet-stream", "cache-control": "no-store" });
    if (!req.url.includes("publications.json")) return res.end(body);
    res.write(body.subarray(0, 4000));
    setTimeout(() => res.end(body.subarray(4000)), 5000);
  });
  await new Promise((ok) => proxy.listen(0, "127.0.0.1", ok));
  try {
    await page.goto(`http://127.0.0.1:${proxy.address().port}/papers/`, { waitUntil: "commit" });
    await expect(page.locator("main[aria-busy=true] article").first()).toBeVisible({ timeout: 20_000 });
    // Its id is not settled before the whole file is in (a later entry may claim it): the
    // provisional card's title is no link yet, as Cite is not there yet.
    await expect(cards(page).first().getByRole("heading", { name: untitledFirst.title })).toBeVisible();
    await expect(cards(page).first().getByRole("heading").getByRole("link")).toHaveCount(0);
    await expect(page.locator("main[aria-busy=false]")).toBeAttached({ timeout: 20_000 });
    await expect(cards(page).first().getByRole("link", { name: untitledFirst.title })).toHaveAttribute("href", "p/deep-nets-2/");
  } finally {
    proxy.close();
    await site.close();
  }
});

test("a lab's own feed.xml, kept by the build, is not announced as the lab's Atom feed", async ({ request }) => {
  const own = join(mkdtempSync(join(tmpdir(), "own-feed-")), "feed.xml");
  writeFileSync(own, '<?xml version="1.0"?><rss version="2.0"><channel><title>Lab news</title></channel></rss>\n');
  const site = await deploy({ data: { title: "Lab", publications: fillers.slice(0, 3) }, files: { "feed.xml": own } });
  try {
    expect(readFileSync(join(site.root, "feed.xml"), "utf8")).toContain("<rss");
    const listing = await (await request.get(site.url)).text();
    const page = await (await request.get(`${site.url}p/filler-0/`)).text();
    for (const html of [listing, page]) {
      expect(html).not.toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="feed\.xml"/);
    }
  } finally {
    await site.close();
  }
});

test("a feed entry's summary of a paper without an abstract is its venue's text, not its LaTeX", async () => {
  const paper = { id: "v", title: "Venue only", year: 2022, venue: "\\emph{NeurIPS} Workshop on $\\alpha$-nets" };
  const site = await deploy({ data: { title: "Lab", publications: [paper] } });
  try {
    const feed = readFileSync(join(site.root, "feed.xml"), "utf8");
    const summary = feed.match(/<summary type="text">([^<]*)<\/summary>/)[1];
    // As the page's own description says it (metadata::description, through plain_text).
    const description = readFileSync(join(site.root, "p/v/index.html"), "utf8").match(/<meta name="description" content="([^"]*)"/)[1];
    expect(description).toBe("NeurIPS Workshop on $\\alpha$-nets. 2022");
    expect(summary).not.toContain("\\emph");
  } finally {
    await site.close();
  }
});
