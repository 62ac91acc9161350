// Cite and Export: a paper's own BibTeX read back from the file or one made from its fields, Copy
// that copies exactly what is shown, and downloads of every shown paper (not just the rendered
// cards) as .bib and CSL-JSON, named after the view.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { test, expect, status, cards } from "./helpers.mjs";

const OWN = "@article{lovelace1843,\n  title = {Sketch of the Analytical Engine},\n  author = {Lovelace, Ada}\n}";
const papers = [
  {
    id: "engine",
    title: "Sketch of the Analytical Engine",
    authors: ["Ada Lovelace"],
    year: 1843,
    topics: ["Computing"],
    bibtex: `\n${OWN}\n\n`,
  },
  {
    id: "numbers",
    title: "On Computable Numbers & the {Entscheidungsproblem}",
    authors: ["Alan M. Turing", "Alonzo Church"],
    year: 1936,
    venue: "Proc. London Math. Soc.",
    topics: ["Computing", "Logic"],
    abstract: "We define computable numbers.",
    links: { pdf: "https://example.org/turing.pdf", doi: "https://doi.org/10.1112/plms/s2-42.1.230" },
  },
  { id: "other", title: "Something Else", authors: ["Grace Hopper"], year: 1952, topics: ["Compilers"] },
];
// Written apart from the data above, so that a route can change the file under the page.
const data = JSON.stringify({ publications: papers }, null, 2);

const MADE = `@inproceedings{turing1936computable,
  author = {Turing, Alan M. and Church, Alonzo},
  title = {{On Computable Numbers \\& the \\{Entscheidungsproblem\\}}},
  booktitle = {Proc. London Math. Soc.},
  year = {1936},
  doi = {10.1112/plms/s2-42.1.230},
  url = {https://example.org/turing.pdf}
}
`;

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: data }),
  );
});

const dialog = (page) => page.getByRole("dialog", { name: "Cite" });

test("Cite shows the paper's own record from the file, Copy copies exactly it, Esc closes", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("3 publications");
  const cite = page.getByRole("button", { name: "Cite Sketch of the Analytical Engine" });
  await cite.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel("BibTeX")).toHaveText(`${OWN}\n`);
  const copy = dialog(page).getByRole("button", { name: "Copy BibTeX" });
  await expect(copy).toBeFocused(); // the dialog's first control takes focus
  await page.keyboard.press("Enter");
  await expect(dialog(page).getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${OWN}\n`);
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);
  await expect(cite).toBeFocused();
});

test("without a record of its own, Cite makes one from the fields; a search stays through Esc", async ({ page }) => {
  await page.goto("./?q=computable");
  await expect(status(page)).toHaveText("1 publication");
  await page.getByRole("button", { name: /^Cite On Computable/ }).click();
  await expect(dialog(page).getByLabel("BibTeX")).toHaveText(MADE);
  await dialog(page).getByRole("button", { name: "Copy BibTeX" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MADE);
  // Esc belongs to the dialog: it closes it, and does not clear the search.
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("computable");
  // Close and a click outside close it too, and focus goes back to the Cite button each time.
  const cite = page.getByRole("button", { name: /^Cite On Computable/ });
  await cite.click();
  await dialog(page).getByRole("button", { name: "Close" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(cite).toBeFocused();
  await cite.click();
  await page.mouse.click(5, 5);
  await expect(dialog(page)).toHaveCount(0);
  await expect(cite).toBeFocused();
});

test("a file changed on the server since loading: Cite makes the record instead of reading another", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("3 publications");
  // The next read of the file finds different text where the paper's entry was.
  const changed = data.replace("Sketch of the Analytical Engine", "Sketch of the Difference Engine");
  await page.unroute("**/publications.json*");
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: changed }),
  );
  await page.getByRole("button", { name: "Cite Sketch of the Analytical Engine" }).click();
  await expect(dialog(page).getByLabel("BibTeX")).toHaveText(/^@misc\{lovelace1843sketch,\n  author = \{Lovelace, Ada\},\n  title = \{\{Sketch of the Analytical Engine\}\},/);
});

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("Export saves exactly the papers shown, as BibTeX and CSL-JSON, named after the view", async ({ page }) => {
  await page.goto("./?topic=Computing");
  await expect(status(page)).toHaveText("2 publications");
  const bib = await download(page, "BibTeX");
  expect(bib.name).toBe("publications-computing.bib");
  // In the order shown: newest first.
  expect(bib.text).toBe(`${MADE}\n${OWN}\n`);

  const csl = await download(page, "CSL-JSON");
  expect(csl.name).toBe("publications-computing.csl.json");
  expect(JSON.parse(csl.text)).toEqual([
    {
      id: "numbers",
      type: "paper-conference",
      title: "On Computable Numbers & the {Entscheidungsproblem}",
      author: [
        { family: "Turing", given: "Alan M." },
        { family: "Church", given: "Alonzo" },
      ],
      issued: { "date-parts": [[1936]] },
      "container-title": "Proc. London Math. Soc.",
      abstract: "We define computable numbers.",
      URL: "https://example.org/turing.pdf",
      DOI: "10.1112/plms/s2-42.1.230",
      keyword: "Computing, Logic",
    },
    {
      id: "engine",
      type: "article",
      title: "Sketch of the Analytical Engine",
      author: [{ family: "Lovelace", given: "Ada" }],
      issued: { "date-parts": [[1843]] },
      keyword: "Computing",
    },
  ]);

  // Unfiltered: every paper, named plainly.
  await page.goto("./");
  await expect(status(page)).toHaveText("3 publications");
  const all = await download(page, "CSL-JSON");
  expect(all.name).toBe("publications.csl.json");
  expect(JSON.parse(all.text).map((i) => i.id)).toEqual(["other", "numbers", "engine"]);
});

test("Export takes every shown paper of the 10k corpus, not only the rendered cards", async ({ page }) => {
  const { corpus } = await import("./corpus.mjs");
  const { text, papers: all } = corpus();
  await page.unroute("**/publications.json*");
  await page.route("**/publications.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: text }),
  );
  await page.goto("./?year=2016");
  const expected = all.filter((p) => p.year === 2016);
  await expect(status(page)).toHaveText(`${expected.length.toLocaleString("en-US")} publications`);
  expect(await cards(page).count()).toBeLessThan(expected.length);
  const bib = await download(page, "BibTeX");
  expect(bib.name).toBe("publications-2016.bib");
  const records = bib.text.split(/\n(?=@)/).map((r) => r.trim());
  expect(records.length).toBe(expected.length);
  // Each paper's own record as the file has it; the few without one get a made record.
  const own = expected.filter((p) => p.bibtex).map((p) => p.bibtex.trim());
  expect(own.length).toBeGreaterThan(expected.length / 2);
  const exported = new Set(records);
  for (const record of own) expect(exported.has(record)).toBe(true);
});

test("an open Cite dialog passes the accessibility audit, in both themes", async ({ page }) => {
  await page.goto("./");
  await expect(status(page)).toHaveText("3 publications");
  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("button", { name: "Dark theme" }).click();
    await page.getByRole("button", { name: /^Cite On Computable/ }).click();
    await expect(dialog(page).getByLabel("BibTeX")).toHaveText(MADE);
    const results = await new AxeBuilder({ page }).analyze();
    const grave = results.violations.filter((v) => ["serious", "critical"].includes(v.impact));
    expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
    await page.keyboard.press("Escape");
  }
});
