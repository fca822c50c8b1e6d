// The classic-script loader a site owner adds with one <script> tag. Bundled with wasm-bindgen's
// glue and the module into dist/script/consent-banner.js as an IIFE (scripts/bundle.mjs), so it
// leaves no global but window.consentBanner and needs no other file, wherever it is served from.
//
// The module is in the script (base64, decoded by Uint8Array.fromBase64 where there is one)
// rather than fetched beside it: measured side by side with `make bench`, that was faster in every
// case a visitor feels, as a second request costs more than streaming compilation saves at this
// size. It is compiled in the script's own task (initSync), so a returning visitor's analytics
// does not wait for a later task: side by side, faster in every returning-visitor case and within
// noise in the others. Engines compile lazily: measured on a desktop, the synchronous compile took
// 1-2 ms in Chromium, 4-5 in WebKit and 7-8 in Firefox.
import { initSync, start, get, set, on, acceptAll, rejectAll, show, reset } from "../target/pkg/consent_banner.js";
import module from "../target/pkg/consent_banner_bg.wasm";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

if (script && !window[key]) {
  let api;
  try {
    initSync({ module });
    // The API (contract). Defined before the start, so a gated script it releases can use it.
    window.consentBanner = { get, set, on, acceptAll, rejectAll, show, reset };
    start(script, undefined);
    api = window.consentBanner;
  } catch (error) {
    // Fail closed: without the banner nothing optional ever loads.
    console.error("consent-banner: could not start;", error);
  }
  // What mount() resolves to; a dynamically added copy of the tag runs in a later task, after this.
  window[key] = Promise.resolve(api);
}
