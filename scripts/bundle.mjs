// Builds the site owner's folder, dist/script/, from wasm-pack's output: the loader
// (js/script.js) and wasm-bindgen's glue bundled by esbuild into one classic script,
// consent-banner.js, and the module beside it as consent-banner.wasm.
//
//   node scripts/bundle.mjs <wasm-pack out dir> <dist/script dir>
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const [pkgDir, outDir] = process.argv.slice(2);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: ["js/script.js"],
  bundle: true,
  format: "iife",
  minify: true,
  // ASCII only, so a Shift_JIS page or a server that sends no charset cannot misread it.
  charset: "ascii",
  target: "es2020",
  outfile: join(outDir, "consent-banner.js"),
  logLevel: "warning",
  // The glue's default module URL uses import.meta.url; the loader always passes the module.
  logOverride: { "empty-import-meta": "silent" },
});
copyFileSync(join(pkgDir, "consent_banner_bg.wasm"), join(outDir, "consent-banner.wasm"));
