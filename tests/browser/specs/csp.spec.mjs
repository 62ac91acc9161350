// The Content-Security-Policy pinned into index.html really blocks what it should, while the app
// itself (its script, its wasm, its data) runs under it.
import { test, expect, status } from "./helpers.mjs";

test("the app runs under a strict policy that blocks injected and foreign scripts", async ({ page, errors }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("12 publications");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'none'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain("unsafe-inline");

  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    const inline = document.createElement("script");
    inline.textContent = "window.__inline = true";
    document.head.append(inline);
    const img = document.createElement("img");
    img.setAttribute("src", "x");
    img.setAttribute("onerror", "window.__onerror = true");
    document.body.append(img);
    const foreign = document.createElement("script");
    foreign.src = "https://example.org/evil.js";
    document.head.append(foreign);
    let fetched = true;
    try {
      await fetch("https://example.org/steal");
    } catch {
      fetched = false;
    }
    await new Promise((r) => setTimeout(r, 200));
    return { inline: window.__inline, onerror: window.__onerror, fetched, violations };
  });
  expect(outcome.inline).toBeUndefined();
  expect(outcome.onerror).toBeUndefined();
  expect(outcome.fetched).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(["script-src-elem", "script-src-attr", "connect-src"]));

  // Chromium reports each blocked attempt on the console: those are the expected errors here.
  const blocked = errors.filter((e) => /Content Security Policy|Failed to fetch/.test(e));
  expect(blocked.length).toBeGreaterThan(0);
  errors.splice(0, errors.length, ...errors.filter((e) => !blocked.includes(e)));
});
