// The data's own page details: a title and description for the page, and the lab's members, whose
// names stand out and link to their page, with aliases that count as the same author.
import { test, expect, status, cards } from "./helpers.mjs";

const data = JSON.stringify({
  title: "Deep Learning Lab",
  description: "Papers by the lab and friends.",
  members: [
    { name: "Yoshua Bengio", aliases: ["Y. Bengio"], url: "https://yoshua.example/" },
    { name: "Ann Member", url: "javascript:alert(1)" },
  ],
  publications: [
    { id: "a", title: "Alpha", authors: ["Zed Outsider", "Yoshua Bengio"], year: 2020 },
    { id: "b", title: "Beta", authors: ["Y. Bengio", "Zed Outsider"], year: 2019 },
    { id: "c", title: "Gamma", authors: ["Zed Outsider", "Ann Member"], year: 2018 },
    { id: "d", title: "Delta", authors: ["Zed Outsider"], year: 2017 },
  ],
});

test.beforeEach(async ({ page }) => {
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
});

test("the data's title and description head the page, its <title> and its meta description", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("4 publications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deep Learning Lab");
  await expect(page.getByText("Papers by the lab and friends.")).toBeVisible();
  await expect(page).toHaveTitle("Deep Learning Lab");
  await expect(page.locator("meta[name=description]")).toHaveAttribute("content", "Papers by the lab and friends.");
});

test("members stand out and link to their page; an alias is the same author under the member's name", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("4 publications");
  const beta = page.getByRole("article", { name: "Beta" });
  const yoshua = beta.getByRole("button", { name: "Yoshua Bengio", exact: true });
  await expect(yoshua).toBeVisible();
  await expect(beta.getByRole("button", { name: "Y. Bengio" })).toHaveCount(0);
  expect(await yoshua.evaluate((b) => getComputedStyle(b).fontWeight)).toBe("600");
  const outsider = beta.getByRole("button", { name: "Zed Outsider" });
  expect(await outsider.evaluate((b) => getComputedStyle(b).fontWeight)).toBe("400");
  await expect(beta.getByRole("link", { name: "Yoshua Bengio’s page" })).toHaveAttribute("href", "https://yoshua.example/");
  // A member whose page is not a safe URL stands out without a link, and the notice says why.
  const gamma = page.getByRole("article", { name: "Gamma" });
  await expect(gamma.getByRole("link", { name: /’s page/ })).toHaveCount(0);
  await expect(gamma.getByRole("link")).toHaveText(["Gamma"]);
  await expect(page.getByText(/1 page detail \(title, description, members\) ignored/)).toBeVisible();

  // Members come first in the author facet, aliases counted with them.
  const facet = page.getByRole("region", { name: "Authors" });
  const values = facet.getByRole("button");
  await expect(values.first()).toContainText("Yoshua Bengio");
  await expect(values.first()).toContainText("2");
  await expect(values.nth(1)).toContainText("Ann Member");
  await expect(facet.getByRole("button", { name: /Y\. Bengio/ })).toHaveCount(0);
});

test("filtering by a member selects every spelling, also when the URL uses the alias", async ({ page }) => {
  await page.goto("./?author=Y.%20Bengio");
  await expect(status(page)).toHaveText("2 publications");
  await expect(cards(page).getByRole("heading")).toHaveText(["Alpha", "Beta"]);
  // The cards' member buttons say they are pressed, as the facet does; pressing one releases it.
  const onCard = page.getByRole("article", { name: "Beta" }).getByRole("button", { name: "Yoshua Bengio", exact: true });
  await expect(onCard).toHaveAttribute("aria-pressed", "true");
  await onCard.click();
  await expect(status(page)).toHaveText("4 publications");
  await page.goto("./");
  await expect(status(page)).toHaveText("4 publications");
  await page.getByRole("article", { name: "Beta" }).getByRole("button", { name: "Yoshua Bengio", exact: true }).click();
  await expect(status(page)).toHaveText("2 publications");
  await expect(page).toHaveURL(/author=Yoshua(%20|\+)Bengio/);
});
