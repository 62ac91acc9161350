// The DOM floor for `make bench`: what a keystroke costs when nothing but the DOM changes. The
// app's page is captured after each prefix of the benchmark's queries; a static copy of the page
// (same markup, same stylesheet, same Content-Security-Policy, no WebAssembly) then replays those
// states as the keys are typed, making only the changes between them: equal nodes stay, changed
// text and attributes are set in place, and only nodes of another kind are replaced. No search,
// no framework: any implementation that shows the same page on every key does at least this.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Waits until the page's DOM has not changed for `quietMs`. */
const settle = (page, quietMs = 150) =>
  page.evaluate(
    (quietMs) =>
      new Promise((resolve) => {
        let timer;
        const done = () => (observer.disconnect(), resolve());
        const observer = new MutationObserver(() => (clearTimeout(timer), (timer = setTimeout(done, quietMs))));
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        timer = setTimeout(done, quietMs);
      }),
    quietMs,
  );

// Runs in the static copy: on each input, in the task the app would search in (after the key's
// frame), turns `.layout` into the state captured for the box's value.
const REPLAY = `
// Each state parsed once, up front: a key pays for the changes, not for reading markup.
const states = new Map(
  Object.entries(window.__floorStates).map(([typed, html]) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    return [typed, template.content.firstElementChild];
  }),
);
function morph(live, next) {
  if (live.nodeType !== 1) {
    if (live.data !== next.data) live.data = next.data;
    return;
  }
  for (const { name } of [...live.attributes]) if (!next.hasAttribute(name)) live.removeAttribute(name);
  for (const { name, value } of next.attributes) if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  const byId = new Map([...live.children].filter((n) => n.id).map((n) => [n.id, n]));
  let at = live.firstChild;
  for (const want of next.childNodes) {
    // A card that stays keeps its element, wherever it moves.
    let node = (want.id && byId.get(want.id)) || at;
    if (node && node !== at) live.insertBefore(node, at);
    if (!node) {
      live.appendChild(want.cloneNode(true));
      continue;
    }
    if (node.nodeType === want.nodeType && node.nodeName === want.nodeName && (!want.id || node.id === want.id)) {
      morph(node, want);
    } else {
      const fresh = want.cloneNode(true);
      live.replaceChild(fresh, node);
      node = fresh;
    }
    at = node.nextSibling;
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}
const box = document.querySelector('input[type="search"]');
let scheduled = false;
box.addEventListener("input", () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      scheduled = false;
      morph(document.querySelector(".layout"), states.get(box.value) ?? states.get(""));
    }, 0),
  );
});
`;

/**
 * Captures the app at `url` after every prefix of `queries` and writes the static copy into
 * `root` (served files of `site` copied beside it). Returns `root`.
 */
export async function makeFloorSite(browser, url, site, queries, root) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById("prerendered") && document.querySelector("main[data-shown]"), null, {
    timeout: 120_000,
  });
  await settle(page, 300);
  const layout = () => page.evaluate(() => document.querySelector(".layout").outerHTML);
  const states = { "": await layout() };
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      await search.fill(q.slice(0, i));
      // Long enough for a search of 100,000 papers, which changes nothing while it runs.
      await settle(page, 600);
      states[q.slice(0, i)] = await layout();
    }
    await search.fill("");
    await settle(page);
  }
  await page.close();

  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(site)) {
    if (statSync(join(site, name)).isFile() && !/\.(wasm|js|json|bib)$/.test(name)) copyFileSync(join(site, name), join(root, name));
  }
  writeFileSync(join(root, "floor-states.js"), `window.__floorStates = ${JSON.stringify(states)};`);
  writeFileSync(join(root, "floor-replay.js"), REPLAY);
  // The app's module script and its preloads go; the replay comes in as scripts from the same
  // origin, which the page's Content-Security-Policy allows as it allowed the app.
  const staticPage = html
    .replace(/<script type="module">[\s\S]*?<\/script>/, "")
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "")
    .replace("</body>", '<script src="floor-states.js"></script><script src="floor-replay.js"></script></body>');
  writeFileSync(join(root, "index.html"), `<!DOCTYPE html>\n${staticPage}`);
  return root;
}
