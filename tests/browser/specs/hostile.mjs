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
  {
    id: "hostile-paths",
    title: "Hostile paths",
    award: `<script>${pwn("award")}</script>Best <b>Paper</b>`,
    badge: `<img src=x onerror="${pwn("badge")}">`,
    note: `<img src=x onerror="${pwn("note")}"><br>second <i>line</i>`,
    image: "//evil.example/pixel.png",
    links: {
      proto: "//evil.example/x.pdf",
      up: "../outside.pdf",
      back: "\\\\evil.example\\share",
      tabbed: "java\tscript:alert(1)",
      ok: "papers/ok.pdf",
    },
  },
  { title: "Hostile image", image: `javascript:${pwn("image")}` },
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
  cards: 11,
  skipped: 7,
  // The ignored fields: 4 links that are neither http(s)/mailto nor a path within the site in the
  // first entry, 4 such links and the image in "Hostile paths", the image in "Hostile image", 5 in
  // "Wrong types" (authors, year, links, abstract, the non-text topics), and the second "dup" id.
  ignored: 16,
};

export const hostileJson = JSON.stringify({ title: documentTitle, publications });
