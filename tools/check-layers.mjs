// Fails on an import circle between the core's modules (crates/core/src), naming it.
//
// A module is a file (a folder's mod.rs is the folder). Module A depends on module B when A's
// code, outside its `#[cfg(test)]` modules, names B by a path: `use crate::b::X;`, `crate::b::f()`,
// `super::b`, a child's name in a `use`, or an item the crate root re-exports (`crate::Catalog`
// is read/catalog's). Tests may use the whole crate; the code they test may not go round in a
// circle, so that each module can be read knowing only those below it.
//
// Usage: node tools/check-layers.mjs [src dir]   (exit 1 on a circle)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = process.argv[2] ?? join(import.meta.dirname, "..", "crates", "core", "src");

// Every .rs file, as a module name: "read/catalog", "read" for read/mod.rs, "" for lib.rs.
const files = new Map();
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".rs")) {
      const rel = relative(root, path).split(sep).join("/").replace(/\.rs$/, "");
      const module = rel === "lib" ? "" : rel.replace(/(^|\/)mod$/, "");
      files.set(module, { path, text: blank(readFileSync(path, "utf8")) });
    }
  }
};

// Comments, strings and char literals blanked to spaces (newlines kept, so offsets still give
// line numbers): doc comments name modules in links, and strings hold braces.
function blank(src) {
  let out = "";
  let i = 0;
  const keep = (s) => s.replace(/[^\n]/g, " ");
  while (i < src.length) {
    const rest = src.slice(i, i + 3);
    let end = -1;
    if (rest.startsWith("//")) {
      end = src.indexOf("\n", i);
      if (end < 0) end = src.length;
    } else if (rest.startsWith("/*")) {
      let depth = 0;
      end = i;
      do {
        if (src.startsWith("/*", end)) (depth++, (end += 2));
        else if (src.startsWith("*/", end)) (depth--, (end += 2));
        else end++;
      } while (depth > 0 && end < src.length);
    } else if (/^b?r#*"/.test(src.slice(i, i + 260)) && !/\w/.test(src[i - 1] ?? "")) {
      const [open] = src.slice(i).match(/^b?r(#*)"/);
      const close = '"' + open.slice(open.indexOf("r") + 1, -1);
      end = src.indexOf(close, i + open.length) + close.length;
    } else if (src[i] === '"' || (src[i] === "b" && src[i + 1] === '"' && !/\w/.test(src[i - 1] ?? ""))) {
      end = i + (src[i] === "b" ? 2 : 1);
      while (end < src.length && src[end] !== '"') end += src[end] === "\\" ? 2 : 1;
      end++;
    } else if (src[i] === "'") {
      // A char literal ('a', '\n', '\u{1F}'); otherwise a lifetime, left as it is.
      const char = src.slice(i).match(/^'(?:\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'/u);
      if (char) end = i + char[0].length;
    }
    if (end > i) {
      out += keep(src.slice(i, end));
      i = end;
    } else {
      out += src[i++];
    }
  }
  return out;
}

// The text with each `#[cfg(test)]` module's body blanked, and the names of those declared as
// files (`#[cfg(test)] mod tests;`), which are left out altogether.
function withoutTests(text) {
  const testFiles = [];
  const cfg = /#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*([;{])/g;
  let m;
  while ((m = cfg.exec(text))) {
    if (m[2] === ";") {
      testFiles.push(m[1]);
      continue;
    }
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === "{") depth++;
      else if (text[end] === "}" && --depth === 0) break;
    }
    text = text.slice(0, m.index) + text.slice(m.index, end + 1).replace(/[^\n]/g, " ") + text.slice(end + 1);
  }
  return { text, testFiles };
}

// `a::{b, c::{d, self}}` as paths: [["a","b"], ["a","c","d"], ["a","c"]].
function expand(tree) {
  tree = tree.replace(/\s+as\s+\w+/g, "").replace(/\s+/g, "");
  const split = (s) => {
    const parts = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "{") depth++;
      else if (s[i] === "}") depth--;
      else if (s[i] === "," && depth === 0) (parts.push(s.slice(from, i)), (from = i + 1));
    }
    parts.push(s.slice(from));
    return parts.filter(Boolean);
  };
  const brace = tree.indexOf("{");
  if (brace < 0) return [tree.split("::").filter(Boolean)];
  const prefix = tree.slice(0, brace).split("::").filter(Boolean);
  return split(tree.slice(brace + 1, tree.lastIndexOf("}"))).flatMap((part) =>
    expand(part).map((path) => (path.length === 1 && path[0] === "self" ? prefix : [...prefix, ...path])),
  );
}

const parentOf = (module) => (module.includes("/") ? module.slice(0, module.lastIndexOf("/")) : "");
const child = (module, name) => (module ? `${module}/${name}` : name);

walk(root);
const testOnly = new Set();
for (const [module, file] of files) {
  const { text, testFiles } = withoutTests(file.text);
  file.code = text;
  for (const name of testFiles) testOnly.add(child(module, name));
}
for (const module of [...files.keys()]) {
  if ([...testOnly].some((t) => module === t || module.startsWith(t + "/"))) files.delete(module);
}

// What the crate root's `pub use` lines name: a module (`catalog` is "read/catalog") or an item
// (`Catalog` is in "read/catalog").
const rootNames = new Map();
const useTrees = (text) => [...text.matchAll(/\b(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/g)];
// Twice: `pub use search::Query` names `search` by what an earlier line re-exports.
for (let pass = 0; pass < 2; pass++) {
  for (const [, tree] of useTrees(files.get("").code)) {
    for (const path of expand(tree)) {
      const target = resolve("", path);
      if (target !== null && target !== "") rootNames.set(path.at(-1), target);
    }
  }
}

// The deepest module a path names from `module`, or null for another crate's path.
function resolve(module, path) {
  let at;
  let i = 0;
  if (path[0] === "crate") (at = ""), (i = 1);
  else if (path[0] === "super") {
    at = parentOf(module);
    for (i = 1; path[i] === "super"; i++) at = parentOf(at);
  } else if (path[0] === "self") (at = module), (i = 1);
  else if (files.has(child(module, path[0])) || (module === "" && rootNames.has(path[0]))) at = module;
  else return null;
  if (at === "" && rootNames.has(path[i]) && !files.has(path[i])) {
    at = rootNames.get(path[i]);
    i++;
  }
  for (; i < path.length && files.has(child(at, path[i])); i++) at = child(at, path[i]);
  return at;
}

// module -> Map(dependency -> "file:line" of its first mention)
const edges = new Map();
for (const [module, file] of files) {
  const deps = new Map();
  const lineAt = (offset) => `${relative(process.cwd(), file.path)}:${file.code.slice(0, offset).split("\n").length}`;
  const add = (path, offset) => {
    const target = resolve(module, path);
    if (target !== null && target !== module && target !== "" && !deps.has(target)) deps.set(target, lineAt(offset));
  };
  for (const m of useTrees(file.code)) for (const path of expand(m[1])) add(path, m.index);
  for (const m of file.code.matchAll(/\b(?:crate|super|self)(?:::\w+)+/g)) add(m[0].split("::"), m.index);
  edges.set(module, deps);
}

// Depth-first search; a dependency still on the stack closes a circle.
const state = new Map();
const stack = [];
const circles = [];
const visit = (module) => {
  state.set(module, "open");
  stack.push(module);
  for (const dep of (edges.get(module) ?? new Map()).keys()) {
    if (state.get(dep) === "open") circles.push(stack.slice(stack.indexOf(dep)).concat(dep));
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(module, "done");
};
for (const module of [...edges.keys()].sort()) if (!state.has(module)) visit(module);

// SHOW_DEPS=1 lists every module's dependencies, for drawing the map.
if (process.env.SHOW_DEPS) for (const [m, d] of edges) console.log(`${m || "lib"} -> ${[...d.keys()].join(" ")}`);
if (circles.length) {
  for (const circle of circles) {
    console.error(`import circle: ${circle.join(" -> ")}`);
    for (let i = 0; i + 1 < circle.length; i++) {
      console.error(`  ${circle[i]} uses ${circle[i + 1]} at ${edges.get(circle[i]).get(circle[i + 1])}`);
    }
  }
  process.exit(1);
}
const count = [...edges.values()].reduce((n, deps) => n + deps.size, 0);
console.log(`check-layers: ${edges.size} modules, ${count} dependencies, no circle`);
