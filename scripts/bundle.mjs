// Builds the site owner's one-file bundle, dist/script/consent-banner.js, from wasm-pack's output:
//
// 1. Shortens the names wasm-bindgen gives the imports and exports that only its glue and the
//    .wasm share: `__wbg_render_431c96ce4391beaa` becomes `c`, the module `./consent_banner_bg.js`
//    becomes `a`, `wasm.__wbindgen_malloc` becomes `wasm.d`. Those names are written twice (the
//    .wasm and the glue) and their hashes do not compress: ~1 KB of the bundle after brotli.
// 2. Bundles js/script.js (the loader), the glue and js/page.js with esbuild into one minified IIFE.
// 3. Puts the .wasm into it as a string literal of U+0000–U+00FF, one character per byte, so the
//    page makes one request instead of two in a row, which is what a visitor waits for. After
//    brotli this costs ~3% over the bare .wasm, where base64 would cost ~35%. It is a template
//    literal: only `` ` ``, `\`, `${` and CR are escaped. The file starts with a BOM, so a
//    Shift_JIS page or a server that sends no charset cannot misread it. The loader turns the
//    string back into bytes with js/latin1.wat, assembled here.
//
// The npm package keeps wasm-pack's names and its separate .wasm, for bundlers to handle.
//
//   node scripts/bundle.mjs <wasm-pack out dir> <work dir> <bundle.js>
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import binaryen from "binaryen";
import { build } from "esbuild";

const [pkgDir, workDir, bundlePath] = process.argv.slice(2);
rmSync(workDir, { recursive: true, force: true });
cpSync(pkgDir, workDir, { recursive: true });
const gluePath = join(workDir, "consent_banner.js");
let glue = readFileSync(gluePath, "utf8");
const wasm = readFileSync(join(workDir, "consent_banner_bg.wasm"));

// ---------------------------------------------------------------- reading and writing the binary
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
function encodeUleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}
const name = (bytes, at) => {
  const [len, start] = uleb(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + len)).toString("utf8"), start + len];
};
const encodeName = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return [...encodeUleb(bytes.length), ...bytes];
};
/** The length in bytes of a limits structure (table and memory imports). */
function limitsEnd(bytes, at) {
  const flags = bytes[at++];
  [, at] = uleb(bytes, at);
  if (flags & 1) [, at] = uleb(bytes, at);
  return at;
}

// Short names: a, b, …, z, A, …, Z, aa, ab, …
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (n) => (n < letters.length ? letters[n] : short(Math.floor(n / letters.length) - 1) + letters[n % letters.length]);

const shim = "./consent_banner_bg.js";
const imports = new Map(); // old field name (in the shim module) -> new
const modules = new Map([[shim, "a"]]); // old module -> new
const exports = new Map();
const direct = new Map(); // snippet module -> (its export -> new field)

const out = [...wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = uleb(wasm, at + 1);
  const end = start + size;
  let body = [...wasm.subarray(start, end)];
  if (id === 2) {
    // import section: (module, field, kind, description)*
    const bytes = wasm;
    let [count, p] = uleb(bytes, start);
    body = [...encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = name(bytes, p);
      [field, p] = name(bytes, p);
      const kind = bytes[p];
      let descEnd = p + 1;
      if (kind === 0) [, descEnd] = uleb(bytes, descEnd);
      else if (kind === 1) descEnd = limitsEnd(bytes, descEnd + 1);
      else if (kind === 2) descEnd = limitsEnd(bytes, descEnd);
      else if (kind === 3) descEnd += 2;
      else throw new Error(`unknown import kind ${kind}`);
      if (!modules.has(module)) modules.set(module, short(modules.size));
      if (module === shim) {
        if (!imports.has(field)) imports.set(field, short(imports.size));
        field = imports.get(field);
      } else {
        // A function wasm-bindgen imports straight from a snippet (js/page.js), by its own name.
        if (!direct.has(module)) direct.set(module, new Map());
        const fields = direct.get(module);
        if (!fields.has(field)) fields.set(field, short(fields.size));
        field = fields.get(field);
      }
      body.push(...encodeName(modules.get(module)), ...encodeName(field), ...bytes.subarray(p, descEnd));
      p = descEnd;
    }
  } else if (id === 7) {
    // export section: (name, kind, index)*
    let [count, p] = uleb(wasm, start);
    body = [...encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      let field;
      [field, p] = name(wasm, p);
      const kind = wasm[p];
      const [, indexEnd] = uleb(wasm, p + 1);
      exports.set(field, short(exports.size));
      body.push(...encodeName(exports.get(field)), ...wasm.subarray(p, indexEnd));
      p = indexEnd;
    }
  }
  out.push(id, ...encodeUleb(body.length), ...body);
  at = end;
}

// ---------------------------------------------------------------- the glue, leaner
// wasm-bindgen's string and memory helpers carry paths this bundle never takes: a polyfill for
// TextEncoder.encodeInto, an ASCII fast path that then needs realloc, a Safari workaround for
// decoding more than 2 GB, and cached views that must be checked against memory growth on every
// call. Chromium, Firefox and Safari all have encodeInto and a resizable buffer is never cached
// here, so each helper becomes its one plain step. wasm-bindgen is pinned (Cargo.toml), and each
// replacement must find exactly the code it replaces, so a new glue fails the build instead of
// passing unnoticed.
const swap = (from, to) => {
  const at = glue.indexOf(from);
  if (at < 0 || glue.indexOf(from, at + 1) >= 0) throw new Error(`the glue should hold ${JSON.stringify(from.slice(0, 60))} exactly once: has wasm-bindgen changed its output?`);
  glue = glue.slice(0, at) + to + glue.slice(at + from.length);
};
/** Replaces the top-level statement that starts with `head`, up to the first line that is a lone `}`. */
const swapBlock = (head, to) => {
  const at = glue.indexOf(`\n${head}`);
  const end = glue.indexOf("\n}\n", at);
  if (at < 0 || end < 0) throw new Error(`the glue has no ${head}: has wasm-bindgen changed its output?`);
  swap(glue.slice(at, end + 3), `\n${to}\n`);
};
swapBlock("function getDataViewMemory0(", "function getDataViewMemory0() { return new DataView(wasm.memory.buffer); }");
swapBlock("function getUint8ArrayMemory0(", "function getUint8ArrayMemory0() { return new Uint8Array(wasm.memory.buffer); }");
swapBlock("function decodeText(", "function decodeText(bytes) { return cachedTextDecoder.decode(bytes); }");
swapBlock(
  "function passStringToWasm0(",
  "function passStringToWasm0(arg, malloc) { const buf = cachedTextEncoder.encode(arg); const ptr = malloc(buf.length, 1) >>> 0; getUint8ArrayMemory0().set(buf, ptr); WASM_VECTOR_LEN = buf.length; return ptr; }",
);
swapBlock("if (!('encodeInto' in cachedTextEncoder))", "");
// The loader calls it once, with { module: bytes }: no deprecated call forms to warn about.
swapBlock(
  "function initSync(",
  "function initSync({ module }) { module = new WebAssembly.Module(module); return __wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()), module); }",
);

// ---------------------------------------------------------------- the glue, to match
const replaceAll = (from, to) => {
  if (!glue.includes(from)) throw new Error(`the glue has no ${from}: has wasm-bindgen changed its output?`);
  glue = glue.split(from).join(to);
};
for (const [field, to] of imports) replaceAll(`${field}:`, `${to}:`);
// The glue hands each snippet to the module as `import * as importN` namespaces, one per imported
// function: the bundler must then build a namespace object of every export of js/page.js. One
// object of just the imported functions, under the short fields, does the same.
for (const [module, fields] of direct) {
  const namespaces = [];
  glue = glue.replace(/^import \* as (import\d+) from "([^"]+)"\n/gm, (line, ns, from) => (from === module ? (namespaces.push(ns), "") : line));
  const entries = namespaces.map((ns) => `        "${module}": ${ns},\n`);
  if (!namespaces.length || !entries.every((e) => glue.includes(e))) throw new Error(`the glue does not import ${module} as expected: has wasm-bindgen changed its output?`);
  entries.slice(1).forEach((e) => replaceAll(e, ""));
  const alias = (field) => `__direct_${field}`;
  replaceAll(entries[0], `        "${module}": { ${[...fields].map(([field, to]) => `${to}: ${alias(field)}`).join(", ")} },\n`);
  glue = `import { ${[...fields.keys()].map((field) => `${field} as ${alias(field)}`).join(", ")} } from "${module}";\n` + glue;
}
for (const [module, to] of modules) replaceAll(`"${module}":`, `${to}:`);
const used = new Set();
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, field) => {
  if (!exports.has(field)) throw new Error(`the glue uses wasm.${field}, which the module does not export`);
  used.add(field);
  return `wasm.${exports.get(field)}`;
});

writeFileSync(gluePath, glue);
writeFileSync(join(workDir, "consent_banner_bg.wasm"), Buffer.from(out));

// ---------------------------------------------------------------- one file
const PLACEHOLDER = "__CONSENT_BANNER_WASM__";
const decoder = binaryen.parseText(readFileSync("js/latin1.wat", "utf8"));
if (!decoder.validate()) throw new Error("js/latin1.wat does not validate");
decoder.optimize();
const latin1 = decoder.emitBinary();
// A template literal needs the fewest escapes: LF stands as it is (a string literal escapes ~200),
// and so do the ~800 `"`. CR is escaped because a template turns it into LF. Measured on the
// module after brotli: 18,238 bytes, against 18,434 as a "…" literal and 18,128 for the bare bytes.
const string = (bytes) =>
  "`" + Buffer.from(bytes).toString("latin1").replace(/[`\\\r]|\$\{/g, (c) => (c == "\r" ? "\\r" : "\\" + c)) + "`";
writeFileSync(join(workDir, "wasm.js"), `export default "${PLACEHOLDER}";\nexport const latin1 = ${string(latin1)};\n`);
const bundled = await build({
  entryPoints: ["js/script.js"],
  bundle: true,
  format: "iife",
  minify: true,
  charset: "utf8",
  target: "es2020",
  write: false,
  logLevel: "warning",
  logOverride: { "empty-import-meta": "silent" },
});
const code = bundled.outputFiles[0].text;
const parts = code.split(`"${PLACEHOLDER}"`);
if (parts.length !== 2) throw new Error("the bundle should hold the .wasm placeholder exactly once");
const literal = string(out);
if (!Buffer.from(new Function(`return ${literal}`)(), "latin1").equals(Buffer.from(out))) throw new Error("the embedded module does not read back as its bytes");
mkdirSync(dirname(bundlePath), { recursive: true });
writeFileSync(bundlePath, "\ufeff" + parts[0] + literal + parts[1], "utf8");
console.log(`bundle: ${imports.size} imports, ${modules.size} modules, ${exports.size} exports (${used.size} used by the glue) renamed; ${out.length} bytes of wasm inside`);
