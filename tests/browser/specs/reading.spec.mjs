// Files the checker accepts or refuses are accepted or refused by the page too, with the same
// reasons and positions (crates/cli/tests/check.rs holds the checker's side of each case).
import { test, expect, status, cards } from "./helpers.mjs";

async function serve(page, body) {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }),
  );
  await page.goto("./");
}

test("a file saved with a byte-order mark and Windows line ends is read", async ({ page }) => {
  const json = '{\r\n"publications": [\r\n{"title": "Marked"},\r\n{"title": "Also shown"}\r\n]\r\n}\r\n';
  await serve(page, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
  await expect(status(page)).toHaveText("2 publications");
  await expect(page.getByRole("heading", { name: "Marked" })).toBeVisible();
});

test("invalid UTF-8 is named with its line and column", async ({ page }) => {
  const body = Buffer.concat([Buffer.from('[\n {"title": "caf'), Buffer.from([0xe9]), Buffer.from('"}]')]);
  await serve(page, body);
  await expect(page.getByRole("alert")).toContainText("text that is not valid UTF-8 (save the file as UTF-8) (line 2, column 16)");
  await expect(cards(page)).toHaveCount(0);
});

test("a form feed between entries is refused where it stands, as the checker does", async ({ page }) => {
  await serve(page, '[{"title": "A"},\f{"title": "B"}]');
  await expect(page.getByRole("alert")).toContainText("(line 1, column 17)");
});

test("an absurd year is ignored with a note, not shown as year 0; a field named twice costs its entry", async ({ page }) => {
  await serve(
    page,
    '[{"title": "Far future", "year": 1e9223372036854775807}, {"title": "Twice", "title": "Again"}, {"title": "Fine", "year": 2020}]',
  );
  await expect(status(page)).toHaveText("2 publications");
  const far = page.getByRole("article", { name: "Far future" });
  await expect(far).toBeVisible();
  await expect(far).not.toContainText(/\b0\b/);
  await expect(page.getByRole("article", { name: "Fine" })).toContainText("2020");

  const notice = page.getByText("1 entry could not be shown; 1 field was ignored in the data");
  await notice.click();
  await expect(page.getByText("1e9223372036854775807 is not a plausible year; ignored")).toBeVisible();
  await expect(page.getByText('the field "title" is given twice; keep one')).toBeVisible();
});
