// The classic-script loader a site owner adds with one <script> tag. Bundled with wasm-bindgen's
// glue and the module into dist/script/consent-banner.js as an IIFE (scripts/bundle.mjs), so it
// leaves no global but window.consentBanner and needs no other file, wherever it is served from.
//
// The module is in the script (base64, decoded by Uint8Array.fromBase64 where there is one)
// rather than fetched beside it: measured side by side with `make bench`, this was faster in
// every case a visitor feels. The second request's round trip, on a first visit and on a
// returning one, costs more than streaming compilation saves for a module this size.
import init, { start, get, set, on, acceptAll, rejectAll, show, reset } from "../target/pkg/consent_banner.js";
import module from "../target/pkg/consent_banner_bg.wasm";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

if (script && !window[key]) {
  // Claimed at once, before compiling, so that a second copy of the tag does nothing.
  window[key] = init({ module_or_path: module })
    .then(() => {
      // The API (contract). Defined before the start, so a gated script it releases can use it.
      window.consentBanner = { get, set, on, acceptAll, rejectAll, show, reset };
      start(script, undefined);
      return window.consentBanner;
    })
    .catch((error) => {
      // Fail closed: without the banner nothing optional ever loads.
      console.error("consent-banner: could not start;", error);
    });
}
