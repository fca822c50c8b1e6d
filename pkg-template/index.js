// consent-banner for bundlers: `import { mount } from "consent-banner"`. Importing does nothing;
// mount() loads the .wasm (found by the bundler through new URL(..., import.meta.url)), reads the
// stored decision and shows the banner.
import init, { start, act, get, set, on } from "./consent_banner.js";

// Shared with the script-tag loader: whichever comes first owns the page's one banner.
const key = Symbol.for("consent-banner");

/** @type {import("./index.d.ts").mount} */
export function mount(config = {}) {
  globalThis[key] ??= init({ module_or_path: new URL("./consent_banner_bg.wasm", import.meta.url) }).then(() => {
    // The core reads the object as it reads data-config's parsed JSON, and reports what it cannot use.
    start(undefined, config ?? {}, act);
    // The API (contract): the members without arguments are actions of the page's one banner.
    const api = { get, set, on };
    for (const name of ["acceptAll", "rejectAll", "show", "reset"]) api[name] = () => act(name, "");
    return api;
  });
  return globalThis[key];
}
