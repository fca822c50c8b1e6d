// The classic-script loader a site owner adds with one <script> tag. Bundled with the wasm-bindgen
// glue, js/page.js and the .wasm itself into dist/script/consent-banner.js as an IIFE, so it leaves
// no global but window.consentBanner and needs no second request (see scripts/bundle.mjs).
import { initSync, start, act, get, set, on } from "../target/script-pkg/consent_banner.js";
import wasm from "../target/script-pkg/wasm.js";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

/** The API (contract): the members without arguments are actions of the page's one banner. */
const api = { get, set, on };
for (const name of ["acceptAll", "rejectAll", "show", "reset"]) api[name] = () => act(name, "");

if (script && !window[key]) {
  try {
    // One character per byte (scripts/bundle.mjs). Compiled and started in this task (~2 ms to
    // compile), so a returning visitor's stored yes starts analytics at once; the banner is drawn
    // in the next task (js/page.js, listen), so neither task runs long.
    const bytes = new Uint8Array(wasm.length);
    for (let i = 0; i < wasm.length; i++) bytes[i] = wasm.charCodeAt(i);
    initSync({ module: bytes });
    // Defined first, so a gated script that the start releases can already use it.
    window.consentBanner = api;
    start(script, undefined, act);
    window[key] = Promise.resolve(window.consentBanner);
  } catch (error) {
    // Fail closed: without the banner nothing optional ever loads.
    console.error("consent-banner: could not start;", error);
    window[key] = Promise.resolve();
  }
}
