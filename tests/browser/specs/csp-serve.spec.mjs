// Under `trunk serve`, trunk adds a live-reload script to the page and fills in the server's
// address only when it serves it, after the CSP hook (tools/csp.mjs) has run. This replays that
// on the release build: the hook runs on a copy with such a script, the address is filled in as
// trunk does, and the script must run. Release builds keep the strict policy (csp.spec.mjs).
import { test, expect, status } from "./helpers.mjs";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
// The parts of trunk's autoreload.js that matter here: the placeholders trunk fills in.
const liveReload = `<script>"use strict";(function () { const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}'; window.__liveReload = address + base; })();</script>`;

for (const profile of ["debug", "release"]) {
  test(`trunk serve's live-reload script runs under the policy (${profile} profile)`, async ({ page }) => {
    const staging = mkdtempSync(join(tmpdir(), "csp-serve-"));
    let server;
    try {
      cpSync(join(repo, "dist"), staging, { recursive: true });
      const index = join(staging, "index.html");
      const built = readFileSync(index, "utf8");
      writeFileSync(index, built.includes("</body>") ? built.replace("</body>", `${liveReload}</body>`) : built + liveReload);
      execFileSync("node", [join(repo, "tools/csp.mjs")], {
        env: { ...process.env, TRUNK_PROFILE: profile, TRUNK_STAGING_DIR: staging },
      });
      server = await startServer({ root: staging, prefix: "/papers/", port: 0 });
      const host = `127.0.0.1:${server.address().port}`;
      // What trunk serve does to the page as it sends it.
      const hooked = readFileSync(index, "utf8");
      writeFileSync(index, hooked.replace("'{{__TRUNK_ADDRESS__}}'", `'${host}'`).replace("{{__TRUNK_WS_BASE__}}", "/papers/"));

      await page.goto(`http://${host}/papers/`);
      await expect(status(page)).toHaveText("12 publications");
      expect(await page.evaluate(() => window.__liveReload)).toBe(`${host}/papers/`);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toContain("sha256-");
    } finally {
      server?.close();
      rmSync(staging, { recursive: true, force: true });
    }
  });
}
