// The script of a paper's own page (written by the prerender: src/bin/prerender/pages.rs). The
// page reads whole without it; with it, the visitor's theme applies before the first paint (the
// key and values src/theme_toggle.rs stores, as index.html's inline script reads them) and the
// BibTeX record gets its Copy button.
try {
  const theme = localStorage.getItem("papershelf-theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked (private mode, a sandboxed frame): the system's theme it is.
}

addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("copy-bibtex");
  const record = document.getElementById("bibtex-record");
  const status = document.getElementById("copy-status");
  if (!button || !record || !status) return;
  button.hidden = false;
  let restore;
  button.addEventListener("click", async () => {
    let said;
    try {
      await navigator.clipboard.writeText(record.textContent);
      said = "BibTeX copied";
    } catch {
      // No clipboard (a page over plain http, a refusal): the record is selected to copy by hand.
      getSelection().selectAllChildren(record);
      said = "Could not copy: the record is selected, copy it with Ctrl+C or ⌘C";
    }
    button.textContent = said;
    status.textContent = said;
    clearTimeout(restore);
    restore = setTimeout(() => {
      button.textContent = "Copy BibTeX";
      status.textContent = "";
    }, 3000);
  });
});
