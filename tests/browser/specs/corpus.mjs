// An independent, plain-JavaScript statement of the search and facet rules, used by the browser
// tests to compute the counts the page must show. It follows the written rules, not the Rust code.
import { readFileSync } from "node:fs";
import { corpusPath } from "../../data/corpus.mjs";

let cached;
export function corpus() {
  if (!cached) {
    const text = readFileSync(corpusPath(), "utf8");
    cached = { text, papers: JSON.parse(text).publications };
  }
  return cached;
}

export const fold = (s) =>
  s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/** At most this many distinct terms of a search count; later ones are ignored. */
export const MAX_TERMS = 32;

export function terms(query) {
  const out = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (const m of query.matchAll(re)) {
    const t = fold(m[1] ?? m[2]);
    if (t && !out.includes(t)) out.push(t);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

const haystacks = new WeakMap();
function haystack(p) {
  if (!haystacks.has(p)) {
    const fields = [p.title, ...(p.authors ?? []), p.abstract ?? "", ...(p.topics ?? []), p.venue ?? ""];
    haystacks.set(p, fields.map(fold).join("\n"));
  }
  return haystacks.get(p);
}

/** Papers matching a search and facet selections (OR within a facet, AND across). */
export function matching(papers, { q = "", authors = [], topics = [], years = [] } = {}) {
  const ts = terms(q);
  const lower = topics.map((t) => t.toLowerCase());
  return papers.filter(
    (p) =>
      ts.every((t) => haystack(p).includes(t)) &&
      (authors.length === 0 || (p.authors ?? []).some((a) => authors.includes(a))) &&
      (lower.length === 0 || (p.topics ?? []).some((t) => lower.includes(t.toLowerCase()))) &&
      (years.length === 0 || years.includes(p.year)),
  );
}

export const countText = (n) => `${n.toLocaleString("en-US")} ${n === 1 ? "publication" : "publications"}`;
