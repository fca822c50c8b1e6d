// The classic-script loader a site owner adds with one <script> tag. Bundled with the wasm-bindgen
// glue and js/page.js into dist/script/consent-banner.js as an IIFE, so it leaves no global but
// window.consentBanner.
import init, { start, act, get, acceptAll, rejectAll, set, show, reset, on } from "../target/script-pkg/consent_banner.js";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

if (script && !window[key]) {
  // Relative to this script's own URL, so the folder works from any path. instantiateStreaming
  // starts the fetch now and compiles while the bytes arrive.
  window[key] = init({ module_or_path: new URL("consent-banner.wasm", script.src) })
    .then(() => {
      // Defined first, so a gated script that the start releases can already use it.
      window.consentBanner = { get, acceptAll, rejectAll, set, show, reset, on };
      start(script, act);
      return window.consentBanner;
    })
    .catch((error) => {
      // Fail closed: without the banner nothing optional ever loads.
      console.error("consent-banner: could not start;", error);
    });
}
