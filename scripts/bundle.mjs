// Builds the site owner's folder, dist/script/: consent-banner.js, a classic script in which
// esbuild bundles the loader (js/script.js) with wasm-bindgen's glue, and consent-banner.wasm, the
// optimized module it fetches from beside itself.
//
//   node scripts/bundle.mjs <wasm-pack out dir> <dist/script dir> [wasm-opt flags…]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const [pkgDir, outDir, ...wasmOptFlags] = process.argv.slice(2);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// wasm-bindgen names every import and closure export with a 16-hex-digit hash
// (__wbg_appendChild_dbf7ad2f48413560), which brotli cannot compress, and each name is written
// twice, in the module and in the glue. binaryen renames them to a letter or two and prints the
// mapping; the glue is rewritten to match, as a minifier would. In the same pass as the
// optimizer (the Makefile's flags), which then lays the renamed module out a little tighter.
const wasmOut = join(outDir, "consent-banner.wasm");
const mapping = JSON.parse(
  execFileSync("wasm-opt", [...wasmOptFlags, "--minify-imports-and-exports-and-modules", join(pkgDir, "consent_banner_bg.wasm"), "-o", wasmOut], { encoding: "utf8" }),
);
const gluePath = resolve(pkgDir, "consent_banner.js");
const glue = renameInGlue(readFileSync(gluePath, "utf8"), mapping, new WebAssembly.Module(readFileSync(wasmOut)));

/** The glue with binaryen's names: the import object's module key and its function keys, and
 * every `wasm.<export>`. Fails when the glue does not have the shape this expects (one module,
 * each import key once, no export left unrenamed), so a wasm-bindgen upgrade cannot ship a
 * module its glue cannot link. */
function renameInGlue(source, { imports, exports }, module) {
  const [oldModule, ...others] = new Set(imports.map(([name]) => name));
  if (others.length) throw new Error(`bundle: expected the imports of one module, found ${[oldModule, ...others].join(", ")}`);
  const [newModule, ...newOthers] = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
  if (newOthers.length) throw new Error("bundle: binaryen left more than one import module");
  const quoted = JSON.stringify(oldModule);
  if (source.split(quoted).length !== 2) throw new Error(`bundle: expected ${quoted} once in the glue`);
  const names = new Map([...imports.map(([, name, short]) => [name, short]), ...exports.map(([name, short]) => [`wasm.${name}`, `wasm.${short}`])]);
  const count = new Map();
  const renamed = source.replace(quoted, JSON.stringify(newModule)).replace(/\bwasm\.[\w$]+|\b__wb[\w$]+/g, (word) => {
    count.set(word, (count.get(word) ?? 0) + 1);
    return names.get(word) ?? word;
  });
  for (const [, name] of imports) {
    if (count.get(name) !== 1) throw new Error(`bundle: import ${name} appears ${count.get(name) ?? 0} times in the glue, expected once`);
  }
  const left = [...count.keys()].filter((word) => word.startsWith("wasm.") && !names.has(word));
  if (left.length) throw new Error(`bundle: the glue uses exports binaryen did not report: ${left.join(", ")}`);
  return renamed;
}

// The loader fetches the module with its Subresource Integrity: one hash on the script tag then
// pins every byte the banner runs, and a module changed on the way is refused.
const moduleIntegrity = `sha384-${createHash("sha384").update(readFileSync(wasmOut)).digest("base64")}`;

// The loader looks for a stored decision under the module's own key, read from the one place it
// is written.
const storageKey = readFileSync("src/defaults.rs", "utf8").match(/pub const STORAGE_KEY: &str = ("[^"]+");/)?.[1];
if (!storageKey) throw new Error("bundle: STORAGE_KEY not found in src/defaults.rs");

await build({
  entryPoints: ["js/script.js"],
  bundle: true,
  format: "iife",
  minify: true,
  // ASCII only, so a Shift_JIS page or a server that sends no charset cannot misread it.
  charset: "ascii",
  define: { STORAGE_KEY: storageKey, MODULE_INTEGRITY: JSON.stringify(moduleIntegrity) },
  target: "es2020",
  outfile: join(outDir, "consent-banner.js"),
  logLevel: "warning",
  // The glue's default module URL uses import.meta.url; the loader always passes the module.
  logOverride: { "empty-import-meta": "silent" },
  plugins: [
    {
      name: "renamed-glue",
      setup(on) {
        on.onLoad({ filter: /consent_banner\.js$/ }, (args) => (args.path === gluePath ? { contents: glue, resolveDir: pkgDir, loader: "js" } : undefined));
      },
    },
  ],
});
