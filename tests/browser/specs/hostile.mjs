// A hostile publications.json: markup and script in every text field, dangerous links, wrong
// types, duplicates, non-entries, a 1 MB abstract, a 3,000-character word, 3,000 authors, RTL
// and combining characters. `expected` says what the page must make of it.

const pwn = (where) => `window.__pwned = ${JSON.stringify(where)}`;

export const documentTitle = `<script>${pwn("document title")}</script>Hostile lab`;

export const publications = [
  {
    id: "markup-everywhere",
    title: `<script>${pwn("title")}</script><b>Bold</b> title`,
    authors: [`<img src=x onerror="${pwn("author")}">`, "Plain Author"],
    abstract: `</p></article><img src=x onerror="${pwn("abstract")}"><article>`,
    topics: [`<b onmouseover="${pwn("topic")}">topic</b>`],
    venue: `<svg onload="${pwn("venue")}">`,
    year: 2024,
    links: {
      pdf: `javascript:${pwn("link")}`,
      spaced: `  JaVaScRiPt:${pwn("link2")}`,
      data: "data:text/html,<script>alert(1)</script>",
      vb: "vbscript:msgbox(1)",
      safe: "https://example.org/paper.pdf",
      mail: "mailto:someone@example.org",
      relative: "paper.pdf",
    },
  },
  { title: "Wrong types", authors: "Just A String", year: "2019", links: ["https://x.org"], abstract: 42, topics: [1, "ok topic", null] },
  { id: "dup", title: "First with a duplicated id" },
  { id: "dup", title: "Second with a duplicated id" },
  { title: "No id here" },
  null,
  42,
  "a string",
  [1, 2],
  { title: "   " },
  { authors: ["Nobody titled this"] },
  { title: 7 },
  { title: "A megabyte abstract", abstract: "lorem ipsum dolor ".repeat(58_255) },
  { title: "W".repeat(3000), abstract: `Long ${"x".repeat(3000)} word` },
  { title: "A consortium paper", authors: Array.from({ length: 3000 }, (_, i) => `Author Number ${i + 1}`) },
  { title: "نموذج لغوي كبير للترجمة", authors: ["محمد علي"], abstract: "Z̸̢̛̗a̷̡͚l̶̰͝g̵̜̈o̴̟͆ text with combining marks and שלום mixed in" },
];

export const expected = {
  cards: 9,
  skipped: 7,
  // The ignored fields: 5 links that are not http(s)/mailto in the first entry, 5 in "Wrong
  // types" (authors, year, links, abstract, the non-text topics), and the second "dup" id.
  ignored: 11,
};

export const hostileJson = JSON.stringify({ title: documentTitle, publications });
