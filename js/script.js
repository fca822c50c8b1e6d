// The classic-script loader a site owner adds with one <script> tag. Bundled with the wasm-bindgen
// glue, js/page.js and the .wasm itself into dist/script/consent-banner.js as an IIFE, so it leaves
// no global but window.consentBanner and needs no second request (see scripts/bundle.mjs).
import { initSync, start, act, get, set, on } from "../target/script-pkg/consent_banner.js";
import wasm, { latin1 } from "../target/script-pkg/wasm.js";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

/** The API (contract): the members without arguments are actions of the page's one banner. */
const api = { get, set, on };
for (const name of ["acceptAll", "rejectAll", "show", "reset"]) api[name] = () => act(name, "");

if (script && !window[key]) {
  try {
    // One character per byte (scripts/bundle.mjs), as UTF-8 from TextEncoder, folded back into
    // bytes by js/latin1.wat. Compiled and started in this task (~1 ms to compile), so a
    // returning visitor's stored yes starts analytics at once; the banner is drawn in the next
    // task (js/page.js, listen), so neither task runs long.
    const utf8 = new TextEncoder().encode(wasm);
    const { m, d } = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(latin1, (c) => c.charCodeAt(0)))).exports;
    m.grow(utf8.length >> 16);
    new Uint8Array(m.buffer).set(utf8);
    initSync({ module: new Uint8Array(m.buffer, 0, d(utf8.length)) });
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
