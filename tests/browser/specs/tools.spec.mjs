// The repository's own tooling, run for real with stand-ins for what must not run here
// (apt-get, trunk, cargo): what `make serve` installs, and what the Pages workflow builds and
// checks.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs `script` in bash at the repository's root, with `stubs` (name → nothing but a record of
 * their arguments) first on the PATH; resolves with the recorded calls, one line each. */
function withStubs(stubs, script, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), "stubs-"));
  const log = join(dir, "calls.log");
  try {
    for (const name of stubs) {
      writeFileSync(join(dir, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n`);
      chmodSync(join(dir, name), 0o755);
    }
    writeFileSync(log, "");
    execFileSync("bash", ["-c", script], {
      cwd: repo,
      env: { ...process.env, ...env, PATH: `${dir}:${process.env.PATH}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return readFileSync(log, "utf8").split("\n").filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("make serve sets up the build tools only; make test also sets up Chromium and Firefox ESR", () => {
  const dryRun = (target) => execFileSync("make", ["-n", target], { cwd: repo, encoding: "utf8" });
  expect(dryRun("serve")).toContain("bash tools/setup.sh\n");
  expect(dryRun("serve")).not.toContain("setup.sh test");
  expect(dryRun("test")).toContain("bash tools/setup.sh test\n");
  // Both engines, Chromium first.
  expect(dryRun("test-browser")).toMatch(/cd tests\/browser && .*npx playwright test\ncd tests\/firefox && .*node --test\n/);

  // Browsers missing: the build setup leaves them alone, the test setup installs each, and only
  // what is missing.
  const installs = (env, target = "test") =>
    withStubs(["apt-get", "sudo"], `bash tools/setup.sh ${target}`, env)
      .filter((c) => / install /.test(c))
      .map((c) => c.replace(/^sudo /, ""));
  const chromium = "/nonexistent/chromium";
  const firefox = "/nonexistent/firefox-esr";
  const present = "/bin/sh";
  expect(installs({ CHROMIUM: chromium, FIREFOX: firefox }, "build")).toEqual([]);
  expect(installs({ CHROMIUM: chromium, FIREFOX: firefox })).toEqual([
    "apt-get install -y chromium",
    "apt-get install -y firefox-esr",
  ]);
  expect(installs({ CHROMIUM: present, FIREFOX: firefox })).toEqual(["apt-get install -y firefox-esr"]);
  expect(installs({ CHROMIUM: present, FIREFOX: present })).toEqual([]);
});

/** The one-line `run:` command of the Pages workflow's first step that `matches`. */
function workflowStep(matches) {
  const workflow = readFileSync(join(repo, ".github/workflows/pages.yml"), "utf8");
  const step = workflow.split(/\n\s+- /).find((s) => matches.test(s));
  expect(step, `a step that matches ${matches}`).toBeDefined();
  const [, indent, run] = step.match(/\n(\s+)run: (.+)/);
  if (run !== "|") return run;
  // A block: the lines below, indented deeper than `run:`.
  const lines = step.slice(step.indexOf("run: |") + "run: |".length).split("\n").slice(1);
  const body = lines.filter((line) => line.trim() === "" || line.startsWith(indent + " "));
  return body.map((line) => line.trimStart()).join("\n");
}

test("the Pages workflow builds for the path Pages serves the repository at", () => {
  const build = workflowStep(/\brun: trunk build\b/);
  const publicUrl = (repository, env = {}) => {
    // What GitHub fills in before the shell runs the step.
    const expanded = build
      .replaceAll("${{ github.repository }}", repository)
      .replaceAll("${{ github.event.repository.name }}", repository.split("/")[1]);
    const [call] = withStubs(["trunk"], expanded, { GITHUB_REPOSITORY: repository, PUBLIC_URL: "", ...env });
    return call.match(/--public-url (\S+)/)[1];
  };
  expect(publicUrl("alice/papers")).toBe("/papers/");
  expect(publicUrl("alice/alice.github.io")).toBe("/");
  expect(publicUrl("Alice/alice.GitHub.io")).toBe("/");
  expect(publicUrl("alice/bob.github.io")).toBe("/bob.github.io/");
  expect(publicUrl("alice/papers", { PUBLIC_URL: "/" }), "a custom domain's setting wins").toBe("/");
});

test("the Pages workflow checks, strictly, the data it deploys", () => {
  const workflow = readFileSync(join(repo, ".github/workflows/pages.yml"), "utf8");
  expect(workflow.indexOf("name: Check the data")).toBeGreaterThan(workflow.indexOf("trunk build"));
  expect(workflow.indexOf("name: Check the data")).toBeLessThan(workflow.indexOf("upload-pages-artifact"));
  const calls = withStubs(["cargo"], workflowStep(/^name: Check the data\n/));
  expect(calls).toEqual(["cargo run -q -p papershelf-cli -- check --strict dist/publications.json"]);
});

test("with the IMPORT_BIBTEX setting, the Pages workflow imports the .bib into the data before the build", () => {
  const workflow = readFileSync(join(repo, ".github/workflows/pages.yml"), "utf8");
  expect(workflow.indexOf("name: Import BibTeX")).toBeLessThan(workflow.indexOf("run: trunk build"));
  expect(workflow).toContain("IMPORT_BIBTEX: ${{ vars.IMPORT_BIBTEX }}");
  const step = workflowStep(/^name: Import BibTeX\n/);
  expect(withStubs(["cargo"], step, { IMPORT_BIBTEX: "" }), "without the setting, nothing is imported").toEqual([]);
  expect(withStubs(["cargo"], step, { IMPORT_BIBTEX: "publications.bib" })).toEqual([
    "cargo run -q --release -p papershelf-cli -- import publications.bib -o public/publications.json",
  ]);
  expect(withStubs(["cargo"], step, { IMPORT_BIBTEX: "papers.bib talks.bib" })).toEqual([
    "cargo run -q --release -p papershelf-cli -- import papers.bib talks.bib -o public/publications.json",
  ]);
});

test("make import turns a .bib into the site's data", () => {
  const dryRun = execFileSync("make", ["-n", "import", "BIB=refs.bib"], { cwd: repo, encoding: "utf8" });
  expect(dryRun).toContain("cargo run -q --release -p papershelf-cli -- import refs.bib -o public/publications.json\n");
});
