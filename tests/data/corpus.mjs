// The 10,059-paper corpus for the browser tests and the benchmarks. It is kept in the repository
// compressed (conference-papers.json.br) and unpacked on first use into target/data/, which git
// ignores; later runs reuse that copy unless the archive is newer.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";

const here = fileURLToPath(new URL(".", import.meta.url));
export const archivePath = join(here, "conference-papers.json.br");
export const unpackedPath = join(here, "../../target/data/conference-papers.json");

/** The path of the unpacked corpus, unpacking it first if needed. */
export function corpusPath() {
  const fresh = existsSync(unpackedPath) && statSync(unpackedPath).mtimeMs >= statSync(archivePath).mtimeMs;
  if (!fresh) {
    mkdirSync(dirname(unpackedPath), { recursive: true });
    // Test workers may unpack at the same time: each writes its own file, then renames it into
    // place, so no reader ever sees half a file.
    const partial = `${unpackedPath}.${process.pid}.partial`;
    writeFileSync(partial, brotliDecompressSync(readFileSync(archivePath)));
    renameSync(partial, unpackedPath);
  }
  return unpackedPath;
}
