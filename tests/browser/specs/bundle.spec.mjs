// What the release build serves: the stylesheet and the app's script minified (tools/minify.mjs),
// named for their content and pinned by index.html's integrity hashes as they are served.
import { createHash } from "node:crypto";
import { test, expect, status } from "./helpers.mjs";

test("the stylesheet and the app's script are served minified, named for what they hold, and pinned as served", async ({ page, request }) => {
  await page.goto("./");
  // The app ran and the stylesheet applies: a hash that did not match would have blocked either.
  await expect(status(page)).toHaveText("12 publications");
  expect(await page.evaluate(() => document.styleSheets[0].cssRules.length)).toBeGreaterThan(100);

  const pinned = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')].map((l) => [l.href, l.integrity]),
  );
  expect(pinned.map(([href]) => href.match(/\.(css|js)$/)?.[1]).sort()).toEqual(["css", "js"]);
  for (const [href, integrity] of pinned) {
    const body = await (await request.get(href)).body();
    expect(integrity, href).toBe(`sha384-${createHash("sha384").update(body).digest("base64")}`);
    const text = body.toString("utf8");
    // Named for the bytes served, not for the source they were made from: a browser that cached
    // a file under a name never meets other bytes under it (which the new hash would block).
    expect(new URL(href).pathname, href).toMatch(new RegExp(`-${createHash("sha256").update(body).digest("hex").slice(0, 16)}\\.(css|js)$`));
    // Minified: no comments, no indented lines.
    expect(text, href).not.toMatch(/\/\*|^\s*\/\/|\n\s+\S/m);
  }
});
