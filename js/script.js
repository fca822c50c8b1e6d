// The classic-script loader a site owner adds with one <script> tag. Bundled with wasm-bindgen's
// glue into dist/script/consent-banner.js as an IIFE (scripts/bundle.mjs), so it leaves no global
// but window.consentBanner. The module, consent-banner.wasm, is found beside this file, so the
// folder works from any path.
//
// The page first: on a first visit the module is fetched after the page's first contentful paint,
// compiled off the main thread while it streams in, then started in one task. A returning visitor
// (a stored decision, read and judged by the module) has it in the browser's cache and is not
// asked anything: the module starts at once, so a stored yes starts analytics without waiting for
// the page to paint, and before anything of the banner is drawn.
import { initSync, start, get, set, on, acceptAll, rejectAll, show, reset, validate } from "../target/pkg/consent_banner.js";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");
// How long after its load event a page that paints no content waits for the banner.
const NO_PAINT_MS = 500;

/** Resolves once the page has shown its first content: then the module's download competes with
 * nothing the page needs to paint it. A hidden page does not paint, so it starts at once; a page
 * that shows no content starts a moment after its load event. */
function afterFirstPaint() {
  return new Promise((resolve) => {
    if (document.visibilityState === "hidden" || !window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return resolve();
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        resolve();
      }
    }).observe({ type: "paint", buffered: true });
    const later = () => setTimeout(resolve, NO_PAINT_MS);
    if (document.readyState === "complete") later();
    else addEventListener("load", later);
  });
}

/** Compiles the module while it downloads. Many hosts serve .wasm as application/octet-stream,
 * which streaming compilation refuses: then it is compiled from the downloaded bytes. The module's
 * own hash (MODULE_INTEGRITY, put in by scripts/bundle.mjs) makes the browser refuse any other
 * bytes, so an integrity attribute on the script tag pins the module too. */
async function compile(url) {
  const response = await fetch(url, { integrity: MODULE_INTEGRITY });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  return type.split(";")[0].trim() === "application/wasm" ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

/** Whether this browser holds a decision of the banner's, whatever it says (the module reads it):
 * only whether to wait for the page's paint depends on it. STORAGE_KEY is the module's own
 * (src/defaults.rs), put in by scripts/bundle.mjs. Storage that throws counts as none. */
function returning() {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

if (script && !window[key]) {
  // Claimed at once, before the download, so that a second copy of the tag does nothing.
  window[key] = (returning() ? Promise.resolve() : afterFirstPaint())
    .then(() => compile(new URL("consent-banner.wasm", script.src)))
    .then((module) => {
      initSync({ module });
      // The API (contract). Defined before the start, so a gated script it releases can use it.
      window.consentBanner = { get, set, on, acceptAll, rejectAll, show, reset, validate };
      start(script, undefined);
      return window.consentBanner;
    })
    .catch((error) => {
      // Fail closed: without the banner nothing optional ever loads.
      console.error("consent-banner: could not start;", error);
    });
}
