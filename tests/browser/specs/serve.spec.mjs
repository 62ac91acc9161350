// The test server itself: a malformed request gets a 400 and the server keeps serving.
import { test, expect } from "@playwright/test";
import { request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../serve.mjs";

let server, root;
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "serve-spec-"));
  writeFileSync(join(root, "index.html"), "<!DOCTYPE html><title>ok</title>");
  server = await startServer({ root, prefix: "/papers/", port: 0 });
});
test.afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** GETs `path` exactly as written (no client-side URL clean-up), resolving with the status. */
const get = (path) =>
  new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port: server.address().port, path }, (res) => {
      res.resume();
      done(res.statusCode);
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${path}`)));
    req.on("error", fail);
    req.end();
  });

test("a malformed percent-encoding is a 400, and the server keeps serving", async () => {
  expect(await get("/papers/")).toBe(200);
  for (const path of ["/papers/%E0%A4%A", "/papers/%", "/papers/%C3%28.json", "/%ZZ"]) {
    expect(await get(path), path).toBe(400);
  }
  expect(await get("/papers/")).toBe(200);
  expect(await get("/papers/index.html")).toBe(200);
  expect(await get("/papers/%69ndex.html"), "a well-formed escape still decodes").toBe(200);
  expect(await get("/papers/../../etc/passwd")).toBe(404);
  expect(await get("/papers/%2e%2e/%2e%2e/etc/passwd")).toBe(404);
});
