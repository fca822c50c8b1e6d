// The classic-script loader a site owner adds with one <script> tag. Bundled with wasm-bindgen's
// glue into dist/script/consent-banner.js as an IIFE (scripts/bundle.mjs), so it leaves no global
// but window.consentBanner. The module, consent-banner.wasm, is found beside this file, so the
// folder works from any path.
import init, { start, get, set, on, acceptAll, rejectAll, show, reset } from "../target/pkg/consent_banner.js";

const script = document.currentScript;
// Shared with the npm entry, so a second copy of the tag, or mount() after the tag, finds this one.
const key = Symbol.for("consent-banner");

/** Compiles the module while it downloads. Many hosts serve .wasm as application/octet-stream,
 * which streaming compilation refuses: then it is compiled from the downloaded bytes. */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  return type.split(";")[0].trim() === "application/wasm" ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

if (script && !window[key]) {
  // Claimed at once, before the download, so that a second copy of the tag does nothing.
  window[key] = compile(new URL("consent-banner.wasm", script.src))
    .then((module) => init({ module_or_path: module }))
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
