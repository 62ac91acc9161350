// Load failures: a plain-words alert with a working Retry, never a blank page.
import { test, expect, status, cards } from "./helpers.mjs";

async function failThenRecover(page, fulfill, expectedMessage) {
  await page.route("**/publications.json*", (route) => route.fulfill(fulfill));
  await page.goto("./");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(expectedMessage);
  await expect(cards(page)).toHaveCount(0);

  await page.unroute("**/publications.json*");
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(cards(page)).toHaveCount(12);
  await expect(status(page)).toHaveText("12 publications");
  await expect(page.getByRole("alert")).toHaveCount(0);
}

test("a missing file names the HTTP status, and Retry loads it", async ({ page }) => {
  await failThenRecover(page, { status: 404, body: "Not found" }, "404");
});

test("a server error names the HTTP status", async ({ page }) => {
  await failThenRecover(page, { status: 500, body: "oops" }, "500");
});

test("a malformed file names the JSON error in plain words, with line and column", async ({ page }) => {
  const body = '{\n  "publications": [\n    {"title": "A",}\n  ]\n}';
  await failThenRecover(page, { status: 200, contentType: "application/json", body }, "remove the comma before } (line 3, column 19)");
});

test("a file without a publications list says so", async ({ page }) => {
  await failThenRecover(page, { status: 200, contentType: "application/json", body: '{"papers": []}' }, '"publications"');
});

test("an empty list is a friendly empty state, not an error", async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"publications": []}' }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText("0 publications");
  await expect(page.getByText("No publications have been added yet.")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a browser that cannot start the app is told so, not left with a blank page", async ({ page, errors }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("./");
  // The papers prerendered at build time are there to read; their controls wait for the app.
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toBeDisabled();
  await expect(page.getByText(/could not start the page/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Starting the publications page…")).toBeHidden();
  errors.length = 0; // the failed start is what this test provokes
});
