import { defineConfig } from "@playwright/test";

const port = Number(process.env.PORT ?? 4173);
const prefix = process.env.PUBLIC_URL ?? "/papers/";
// On GitHub Actions a failed run uploads an HTML report (with a screenshot of each failure) from
// playwright-report/ and test-results/ (.github/workflows/ci.yml); elsewhere the list is enough.
const github = !!process.env.GITHUB_ACTIONS;

export default defineConfig({
  testDir: "specs",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: github
    ? [["list"], ["html", { outputFolder: "playwright-report", open: "never" }]]
    : [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${prefix}`,
    browserName: "chromium",
    screenshot: github ? "only-on-failure" : "off",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work offline.
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node serve.mjs",
    url: `http://127.0.0.1:${port}${prefix}`,
    reuseExistingServer: !process.env.CI,
    env: { PORT: String(port), PUBLIC_URL: prefix },
  },
});
