// Reading what the prerender writes as the static documents they are, with real parsers: HTML
// with parse5 (as a browser builds its tree), XML with fast-xml-parser (well-formedness and
// content), Atom with feedparser in its strict (sax) mode. Nothing here downloads anything.
import { readdirSync, lstatSync } from "node:fs";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { parse as parseHtml } from "parse5";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import FeedParser from "feedparser";

/** A 64-bit FNV-1a hash of `bytes`, as a BigInt. */
function fnv1a(bytes) {
  let hash = 0xcbf29ce484222325n;
  for (const b of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(b)) * 0x100000001b3n);
  return hash;
}

/**
 * A paper's page folder (or a member's feed file) name, as the issue specifies it, written here
 * independently of the Rust: ASCII letters, digits and `-` kept, every other UTF-8 byte as `_`
 * and two upper-case hex digits; longer than 96 characters, the first 79 and `-` and the 16 hex
 * digits of the whole text's FNV-1a hash.
 */
export function fileName(text) {
  const bytes = new TextEncoder().encode(text);
  let name = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    name += /[A-Za-z0-9-]/.test(c) ? c : `_${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (name.length > 96) name = `${name.slice(0, 79)}-${fnv1a(bytes).toString(16).toUpperCase().padStart(16, "0")}`;
  return name;
}

/** The id the catalog makes for a paper without one (crates/core/src/show/text.rs): the title's
 * ASCII letters and digits in lower case, runs of anything else as one `-`, up to 60. */
export function slug(title) {
  let out = "";
  for (const c of title) {
    if (/^[A-Za-z0-9]$/.test(c)) out += c.toLowerCase();
    else if (out && !out.endsWith("-")) out += "-";
    if (out.length >= 60) break;
  }
  return out.replace(/-+$/, "") || "paper";
}

/** Every file under `dir`, relative to it, with `/` between folders (symbolic links as files). */
export function listFiles(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (lstatSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Text as the data's text is shown: whitespace collapsed, as the catalog keeps it. */
export const collapse = (text) => text.trim().split(/\s+/u).filter(Boolean).join(" ");

/** What XML 1.0 cannot hold (and so an escape leaves out): controls but tab and line breaks,
 * other C0/C1 controls, U+FFFE, U+FFFF. */
export const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/gu;
export const xmlText = (text) => text.replace(XML_UNSAFE, "");

// ---------------------------------------------------------------------------------------------
// HTML

/** The document tree of `html`, as a browser's parser builds it. */
export const htmlDocument = (html) => parseHtml(html);

/** Every element of a parse5 tree, in document order (template contents included). */
export function elements(node, out = []) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) out.push(child);
    elements(child, out);
    if (child.content) elements(child.content, out);
  }
  return out;
}

/** Every comment node of a parse5 tree. */
export function comments(node, out = []) {
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === "#comment") out.push(child);
    comments(child, out);
  }
  return out;
}

/** An element's attribute, or undefined. */
export const attr = (element, name) => element.attrs.find((a) => a.name === name)?.value;

/** An element's text content, as the DOM's textContent. */
export function text(node) {
  if (node.nodeName === "#text") return node.value;
  return (node.childNodes ?? []).map(text).join("");
}

// ---------------------------------------------------------------------------------------------
// XML

/** Characters in `xml` that XML 1.0 does not allow, raw or as character references. */
export function badXmlCharacters(xml) {
  const raw = [...xml.matchAll(XML_UNSAFE)].map((m) => m[0]);
  const refs = [...xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)]
    .map((m) => String.fromCodePoint(m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : Number(m[1])))
    .filter((c) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u.test(c));
  return [...raw, ...refs];
}

/** References in `xml` to entities that XML does not define without a DTD: none should be. */
export const undefinedEntities = (xml) => [...xml.matchAll(/&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^;\s]{0,20};?/g)].map((m) => m[0]);

/** `true`, or the validator's error: whether `xml` is well-formed. */
export const wellFormed = (xml) => XMLValidator.validate(xml);

/** `xml`'s content, entities decoded, elements always as lists, attributes as `@_name`, text of
 * an element with attributes as `#text`. */
export function parseXml(xml) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    isArray: (name, path, leaf, isAttribute) => !isAttribute,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Numeric character references (`&#39;`) are decoded only with HTML's entities; the XML
    // holds no other names (xmlEntitiesOnly says so).
    htmlEntities: true,
  });
  return parser.parse(xml);
}

/** An Atom (or RSS) feed, read by feedparser in strict mode: `{ meta, items }`. */
export function parseFeed(xml) {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ strict: true, normalize: true, addmeta: false });
    const items = [];
    parser.on("error", reject);
    parser.on("readable", () => {
      for (let item; (item = parser.read()); ) items.push(item);
    });
    parser.on("end", () => resolve({ meta: parser.meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}
