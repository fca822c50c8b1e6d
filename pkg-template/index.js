// consent-banner for bundlers: `import { mount } from "consent-banner"`. Importing does nothing;
// mount() loads the .wasm (found by the bundler through new URL(..., import.meta.url)), reads the
// stored decision and shows the banner.
import init, { start, get, set, on, acceptAll, rejectAll, show, reset, validate as check } from "./consent_banner.js";

// Shared with the script-tag loader: whichever comes first owns the page's one banner.
const key = Symbol.for("consent-banner");

let loaded;
/** The module, fetched and instantiated once, on first use. */
const load = () => (loaded ??= init({ module_or_path: new URL("./consent_banner_bg.wasm", import.meta.url) }));

/** @type {import("./index.d.ts").mount} */
export function mount(config = {}) {
  globalThis[key] ??= load().then(() => {
    // The core reads the object as it reads data-config's parsed JSON, and reports what it cannot use.
    start(undefined, config ?? {});
    return { get, set, on, acceptAll, rejectAll, show, reset, validate: check };
  });
  return globalThis[key];
}

/** @type {import("./index.d.ts").validate} */
export async function validate(config, attributes, colours) {
  await load();
  return check(config, attributes, colours);
}
