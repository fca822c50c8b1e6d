// Shows the banner's live state on the demo pages and wires the demo buttons to its API.
const $ = (id) => document.getElementById(id);

function show(state) {
  if (!$("state-decided")) return;
  $("state-decided").textContent = String(state.decided);
  $("state-categories").textContent = JSON.stringify(state.categories);
  $("state-decided-at").textContent = state.decidedAt ?? "null";
  $("state-gpc").textContent = String(state.gpc);
  // A script cannot be unloaded: after a withdrawal it stays in the page, stopped.
  const stopped = window.__demoAnalyticsLoaded && !state.categories.analytics;
  $("state-analytics").textContent = !window.__demoAnalyticsLoaded ? "not loaded" : stopped ? "loaded earlier, now stopped (ga-disable, cookies deleted)" : "loaded";
}

document.addEventListener("consent-banner:change", (e) => setTimeout(() => show(e.detail), 50));
document.addEventListener("demo-analytics:loaded", () => window.consentBanner && show(window.consentBanner.get()));

for (const [id, call] of [["do-accept", "acceptAll"], ["do-reject", "rejectAll"], ["do-show", "show"], ["do-reset", "reset"]]) {
  $(id)?.addEventListener("click", () => window.consentBanner?.[call]());
}

// The loader defines window.consentBanner once its wasm has started.
const wait = setInterval(() => {
  if (window.consentBanner) {
    clearInterval(wait);
    show(window.consentBanner.get());
  }
}, 50);
