// Applies the theme the visitor picked with the theme button before the first paint: the app
// starts only after its WebAssembly arrives, and the page would flash the system's theme first.
// The key and values are the ones src/theme_toggle.rs stores.
try {
  const theme = localStorage.getItem("papershelf-theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked (private mode, a sandboxed frame): the system's theme it is.
}
