// An accessibility audit with axe-core: no serious or critical violations on the seed page, on a
// filtered 10k page, on the fixture lab moved from al-folio (kickers, thumbnails, marks, notes,
// the featured filter), with a Cite dialog open, and in both themes.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, status } from "./helpers.mjs";
import { corpus, countText } from "./corpus.mjs";
import { alfolioLab, deploy } from "../deploy.mjs";

let lab;
test.beforeAll(async () => {
  const { text, files } = alfolioLab();
  lab = await deploy({ data: text, files });
});
test.afterAll(async () => lab?.close());

async function audit(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(grave, "serious or critical axe violations").toEqual([]);
  return results;
}

for (const scheme of ["light", "dark"]) {
  test(`the seed page, ${scheme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("./");
    await expect(status(page)).toHaveText("12 publications");
    await page.getByRole("button", { name: "Show abstract" }).first().click();
    const results = await audit(page);
    // The audit really ran over the page: colour contrast was among the rules that passed.
    expect(results.passes.map((p) => p.id)).toContain("color-contrast");
    await context.close();
  });

  test(`a filtered 10k page with a search, ${scheme} theme chosen with the button`, async ({ page }) => {
    const { text } = corpus();
    await page.route("**/publications.json*", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: text }),
    );
    await page.goto("./?topic=reinforcement%20learning&q=policy");
    await expect(status(page)).toHaveText(/^\d[\d,]* publications?$/);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    if ((await toggle.getAttribute("aria-pressed")) !== String(scheme === "dark")) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", String(scheme === "dark"));
    await audit(page);
  });

  test(`the fixture lab moved from al-folio, ${scheme} theme, all and featured only`, async ({ browser }) => {
    const papers = alfolioLab().doc.publications;
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(lab.url);
    await expect(page.locator("#prerendered")).toHaveCount(0);
    await expect(status(page)).toHaveText(countText(papers.length));
    await expect(page.locator("img.thumbnail").first()).toHaveJSProperty("complete", true);
    await page.getByRole("button", { name: "Show abstract" }).first().click();
    const results = await audit(page);
    expect(results.passes.map((p) => p.id)).toContain("color-contrast");
    // The featured filter pressed, its chip shown, a type chosen.
    // With a type chosen, its chip is named by the label it shows (axe's
    // label-content-name-mismatch found it named by the URL's key).
    await page.getByRole("button", { name: /^Featured papers only/ }).click();
    await expect(status(page)).toHaveText(countText(papers.filter((p) => p.featured).length));
    await page.getByRole("region", { name: "Types", exact: true }).getByRole("button").first().click();
    await expect(page.getByRole("button", { name: /^Remove filter Type: / })).toHaveCount(1);
    await audit(page);
    await context.close();
  });
}
