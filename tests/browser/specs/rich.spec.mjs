// Titles and abstracts as they read: LaTeX math as MathML, emphasis, code and safe links, with
// malformed or hostile markup shown as its text, and search highlighting outside math.
import { test, expect, status, cards } from "./helpers.mjs";

const MATHML = "http://www.w3.org/1998/Math/MathML";
const papers = [
  {
    id: "l1",
    title: "$\\ell_1$-regression in $O(\\sqrt{T})$ rounds over $\\mathcal{F}$",
    authors: ["Ann One"],
    year: 2020,
    abstract:
      "We \\emph{really} bound $\\hat{\\theta} - \\theta^* \\le \\frac{1}{n}\\sum_{i=1}^n x_i$ with `fast_code`. " +
      "See [the docs](https://example.org/docs) or https://example.org/more. Not [this](javascript:alert(1)).",
  },
  {
    id: "bad",
    title: "Broken $\\frac{a}$ math and $5 or $10 prices",
    authors: ["Bo Two"],
    year: 2019,
    abstract: "Hostile $<img src=x onerror=alert(1)>$ and \\textbf{bold <b>tags</b>} here.",
  },
];
const data = JSON.stringify({ publications: papers });

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
  await page.goto("./");
  await expect(status(page)).toHaveText("2 publications");
});

const card = (page, id) => page.locator(`#paper-${id}`);

test("inline math in a title is MathML: subscripts, roots and calligraphic letters", async ({ page }) => {
  const title = card(page, "l1").getByRole("heading");
  const maths = title.locator("math");
  await expect(maths).toHaveCount(3);
  expect(await maths.evaluateAll((ms) => ms.map((m) => m.namespaceURI))).toEqual([MATHML, MATHML, MATHML]);
  await expect(maths.nth(0).locator("msub mi").first()).toHaveText("ℓ");
  await expect(maths.nth(0).locator("msub mn")).toHaveText("1");
  await expect(maths.nth(1).locator("msqrt")).toHaveText("T");
  await expect(maths.nth(2)).toHaveText("ℱ");
  await expect(title).toContainText("-regression in");
  // Real MathML layout: the subscript sits lower than its base.
  const base = await maths.nth(0).locator("msub > mi").boundingBox();
  const sub = await maths.nth(0).locator("msub > mn").boundingBox();
  expect(sub.y).toBeGreaterThan(base.y);
});

test("an abstract renders math, emphasis, code and safe links; an unsafe link stays text", async ({ page }) => {
  const c = card(page, "l1");
  await expect(c.getByRole("button", { name: "Show abstract" })).toHaveCount(0); // short: shown whole
  const abstract = c.locator(".abstract");
  await expect(abstract.locator("em")).toHaveText("really");
  await expect(abstract.locator("code")).toHaveText("fast_code");
  await expect(abstract.locator("math mfrac")).toHaveCount(1);
  await expect(abstract.locator("math mover")).toHaveCount(1);
  await expect(abstract.getByRole("link", { name: "the docs" })).toHaveAttribute("href", "https://example.org/docs");
  // A bare URL ends before the sentence's full stop.
  await expect(abstract.getByRole("link", { name: "https://example.org/more" })).toHaveAttribute("href", "https://example.org/more");
  await expect(abstract.getByRole("link")).toHaveCount(2);
  await expect(abstract).toContainText("Not [this](javascript:alert(1)).");
});

test("malformed math and prices show as written; hostile text never becomes markup", async ({ page }) => {
  const c = card(page, "bad");
  await expect(c.getByRole("heading")).toHaveText("Broken $\\frac{a}$ math and $5 or $10 prices");
  await expect(c.getByRole("heading").locator("math")).toHaveCount(0);
  // Markup-like text between dollars is math as LaTeX reads it: letters and operators, as text.
  const abstract = c.locator(".abstract");
  const hostile = abstract.locator("math");
  await expect(hostile).toHaveCount(1);
  expect(await hostile.evaluate((m) => m.textContent.replace(/\s/g, ""))).toBe("<imgsrc=xonerror=alert(1)>");
  await expect(hostile.locator("img, [onerror]")).toHaveCount(0);
  await expect(abstract.locator("strong")).toHaveText("bold <b>tags</b>");
  await expect(page.locator("img")).toHaveCount(0);
  await expect(page.locator(".abstract b")).toHaveCount(0);
});

test("search matches the source text and marks matches outside math, leaving the math whole", async ({ page }) => {
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await search.fill("regression");
  await expect(status(page)).toHaveText("1 publication");
  const title = cards(page).getByRole("heading");
  await expect(title.locator("mark")).toHaveText(["regression"]);
  await expect(title.locator("math")).toHaveCount(3);
  // `\sqrt` is in the source only: the paper is found, nothing in the math is marked.
  await search.fill("sqrt");
  await expect(status(page)).toHaveText("1 publication");
  await expect(title.locator("math")).toHaveCount(3);
  await expect(page.locator("math mark")).toHaveCount(0);
  await search.fill("really");
  await expect(cards(page).locator(".abstract em mark")).toHaveText(["really"]);
});

test("the Cite dialog shows the title's math, and the card's buttons are named by the title as shown", async ({ page }) => {
  const cite = card(page, "l1").getByRole("button", { name: /^Cite / });
  await expect(cite).toHaveCount(1);
  const name = await cite.evaluate((b) => b.getAttribute("aria-labelledby"));
  expect(name.split(" ")).toEqual(["citebutton-l1", "title-l1"]);
  await cite.click();
  const dialog = page.getByRole("dialog", { name: "Cite" });
  await expect(dialog.locator(".cite-title math")).toHaveCount(3);
  await expect(dialog.locator(".cite-title")).not.toContainText("\\ell");
  await page.keyboard.press("Escape");
});
