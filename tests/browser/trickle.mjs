// A lab whose publications.json a test's server holds part-way or cuts off (deploy.mjs's
// `intercept`): for the streaming specs and the Firefox test of a broken download.
import { readFile } from "node:fs/promises";

export const TOTAL = 300;
/** Two papers with a word no other has: one early in the file, one late. */
export const RARE = "Quasar";
const topics = ["Robotics", "Vision", "Language"];
const papers = Array.from({ length: TOTAL }, (_, i) => ({
  title: `${i === 5 || i === 250 ? `${RARE} ` : ""}Paper number ${i + 1} on learning`,
  authors: [`Author ${i % 17}`, `Writer ${i % 5}`],
  year: 2024 - Math.floor(i / 50),
  topics: [topics[i % 3]],
  abstract: "A study of learned representations. ".repeat(8),
}));
/** The file, and where each entry (with the comma after it) ends. */
const entries = papers.map((p) => JSON.stringify(p));
const head = '{"title": "Streaming lab", "publications": [\n';
export const text = head + entries.join(",\n") + "\n]}\n";
/** Bytes up to and including the comma after the first `n` entries: exactly `n` are complete. */
export const after = (n) => head.length + entries.slice(0, n).join(",\n").length + 1;

/**
 * How the server answers for publications.json: `whole`, `hold` (its first `at` bytes, then the
 * rest once `release()` is called, or nothing more once `cut()` is: the connection is destroyed)
 * or `cut` (its first `at` bytes, then the connection is destroyed).
 */
export function dataControl() {
  let resume;
  const control = {
    mode: "whole",
    at: 0,
    requests: 0,
    held: new Promise((done) => (resume = done)),
    release: () => resume("rest"),
    cut: () => resume("cut"),
    intercept: async (path, req, res) => {
      if (!path.endsWith("/publications.json")) return false;
      control.requests += 1;
      if (control.mode === "whole") return false;
      // A request after the test's site was taken down (the app reads the file again for Cite)
      // is the server's to answer, as not found.
      const body = await readFile(path).catch(() => null);
      if (!body) return false;
      // Not compressed, so that the length is the body's and the cut falls where asked.
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-cache",
        "content-length": body.length,
      });
      const mode = control.mode;
      res.write(body.subarray(0, control.at), () => {
        if (mode === "cut") res.socket.destroy();
      });
      if (mode === "hold") {
        if ((await control.held) === "rest") res.end(body.subarray(control.at));
        else res.socket.destroy();
      }
      return true;
    },
  };
  return control;
}

