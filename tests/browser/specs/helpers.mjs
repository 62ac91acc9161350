import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

/** The shipped data, read by the test itself to compute expected counts independently. */
export function seedPapers() {
  const doc = JSON.parse(readFileSync(`${repo}public/publications.json`, "utf8"));
  return doc.publications;
}

/** Every test fails if the page logs an error or throws: a panic must never go unnoticed. A
 * test that provokes an error on purpose takes it out of `errors` after checking it. */
export const test = base.extend({
  errors: async ({}, use) => use([]),
  page: async ({ page, errors }, use) => {
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      // A deliberately failed fetch (404 tests) is logged by Chromium itself; that is not ours.
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) {
        errors.push(`console: ${m.text()}`);
      }
    });
    await use(page);
    expect(errors, "errors in the page").toEqual([]);
  },
});

export { expect };

export const status = (page) => page.getByRole("status");
export const cards = (page) => page.getByRole("article");

/** Resolves once the window has not scrolled for `frames` frames in a row: a smooth scroll has
 * ended. */
export const stillness = (page, frames = 5) =>
  page.evaluate(
    (frames) =>
      new Promise((done) => {
        let [last, still] = [NaN, 0];
        const frame = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= frames) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    frames,
  );
