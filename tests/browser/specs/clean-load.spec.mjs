// Loading the seed page leaves a clean console: no error, no failed request, no 404 (a browser
// asks for an icon on every load; the page names its own, under the sub-path it is served at).
import { test, expect } from "@playwright/test";

test("the seed page loads without a console error or a failed request", async ({ page, baseURL }) => {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()} (${m.location().url})`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));

  await page.goto("./");
  await expect(page.getByRole("status")).toHaveText("12 publications");

  // The icon is fetched once the page has loaded; wait until nothing more is in flight.
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);

  const icon = await page.locator('link[rel="icon"]').evaluate((link) => link.href);
  expect(icon.startsWith(baseURL), `${icon} is under ${baseURL}`).toBe(true);
  const response = await page.request.get(icon);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/svg+xml");
});
