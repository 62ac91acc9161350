// The 100,000-paper corpus: the 10,059 real papers replicated with fresh ids and varied years.
import { readFileSync, writeFileSync } from "node:fs";

export function makeCorpus(sourcePath, target, outPath) {
  const source = JSON.parse(readFileSync(sourcePath, "utf8")).publications;
  const out = [];
  for (let copy = 0; out.length < target; copy++) {
    for (const p of source) {
      if (out.length === target) break;
      // Deterministic variety: each copy shifts years by a different amount within 1987–2025.
      const year = p.year ? 1987 + ((p.year - 1987 + copy * 7) % 39) : undefined;
      out.push({ ...p, id: `${p.id ?? "paper"}-c${copy}`, year });
    }
  }
  writeFileSync(outPath, JSON.stringify({ title: `${target.toLocaleString("en-US")} papers`, publications: out }));
}
