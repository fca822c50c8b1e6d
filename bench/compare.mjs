// The README's comparison, measured: our dist/script/ beside vanilla-cookieconsent, Klaro and
// tarteaucitron.js, each set up as our banner is (GA4 behind consent, English), on one page in
// Chromium. Per banner: the bytes a first visit loads (brotli -q 11), whether it works under a
// strict CSP (and the violations it causes), axe-core's findings on the page, and the Tab presses
// from the top of the page to its accept button. Klaro and tarteaucitron are installed into
// target/compare/ at pinned versions (not project dependencies). Usage: node bench/compare.mjs
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const THEIRS = { klaro: "0.7.22", tarteaucitronjs: "1.34.0" };
const dir = "target/compare";
if (!Object.entries(THEIRS).every(([name, v]) => existsSync(`${dir}/node_modules/${name}/package.json`) && JSON.parse(readFileSync(`${dir}/node_modules/${name}/package.json`)).version === v)) {
  execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", ...Object.entries(THEIRS).map(([n, v]) => `${n}@${v}`)], { stdio: "inherit" });
}
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const GA = "https://www.googletagmanager.com/gtag/js?id=G-TEST123";
// The e2e tests' strict CSP: GA's origin allowed, nothing inline.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://www.googletagmanager.com; style-src 'self'; img-src 'self' data:";

const BANNERS = {
  "consent-banner": {
    head: '<script src="/ours/consent-banner.js" data-ga-id="G-TEST123" data-policy-url="/privacy/" defer></script>',
    files: ["dist/script/consent-banner.js", "dist/script/consent-banner.wasm"],
  },
  "vanilla-cookieconsent 3.1.0": {
    head: `<link rel="stylesheet" href="/vanilla/cookieconsent.css"><script src="/vanilla/cookieconsent.umd.js" defer></script><script src="/bench/theirs-init.js" defer></script><script type="text/plain" data-category="analytics" src="${GA}"></script>`,
    files: ["node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js", "node_modules/vanilla-cookieconsent/dist/cookieconsent.css", "bench/theirs-init.js"],
  },
  // Its build without inline CSS, with its stylesheet as a file: the one a strict CSP can allow.
  "Klaro 0.7.22": {
    head: `<link rel="stylesheet" href="/klaro/klaro.min.css"><script src="/bench/compare/klaro-config.js" defer></script><script src="/klaro/klaro-no-css.js" defer></script><script type="text/plain" data-type="text/javascript" data-name="google-analytics" data-src="${GA}"></script>`,
    files: [`${dir}/node_modules/klaro/dist/klaro-no-css.js`, `${dir}/node_modules/klaro/dist/klaro.min.css`, "bench/compare/klaro-config.js"],
  },
  "tarteaucitron.js 1.34.0": {
    head: '<script src="/tarteaucitron/tarteaucitron.min.js"></script><script src="/bench/compare/tarteaucitron-init.js"></script>',
    // What it fetches itself on a first visit: its language file, its services and its stylesheet.
    files: ["tarteaucitron.min.js", "lang/tarteaucitron.en.min.js", "tarteaucitron.services.min.js", "css/tarteaucitron.min.css"].map((f) => `${dir}/node_modules/tarteaucitronjs/${f}`).concat("bench/compare/tarteaucitron-init.js"),
  },
};

const page = (head) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>A public-interest site</title>${head}</head>` +
  `<body><header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></nav></header><main><h1>A public-interest site</h1><p>Some content.</p></main></body></html>`;
const pages = new Map([["/privacy/", { body: "<!doctype html><title>Privacy</title>", type: "text/html" }]]);
for (const [name, b] of Object.entries(BANNERS)) pages.set(`/${encodeURIComponent(name)}`, { body: page(b.head), type: "text/html; charset=utf-8" });
const server = await serve({
  mounts: [["/ours/", "dist/script"], ["/vanilla/", "node_modules/vanilla-cookieconsent/dist"], ["/klaro/", `${dir}/node_modules/klaro/dist`], ["/tarteaucitron/", `${dir}/node_modules/tarteaucitronjs`], ["/bench/", "bench"]],
  pages,
});
const origin = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"] });

/** The focused element, through shadow roots. */
const FOCUSED = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`;
/** A visible button whose text says accept (or OK), through shadow roots. */
const ACCEPT = `(() => {
  const all = (root) => [...root.querySelectorAll("*")].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
  return all(document).find((e) => (e.localName === "button" || e.getAttribute("role") === "button") && /accept|\\bok\\b|okay|allow/i.test(e.textContent) && e.getClientRects().length && getComputedStyle(e).visibility !== "hidden") ?? null;
})()`;

/** Polls in the page (page.evaluate is not subject to the page's CSP; waitForFunction's string is). */
async function appears(p, expression, timeout = 8000) {
  for (const end = Date.now() + timeout; Date.now() < end; await p.waitForTimeout(100)) {
    if (await p.evaluate(`!!(${expression})`).catch(() => false)) return true;
  }
  return false;
}

const results = [];
for (const [name, b] of Object.entries(BANNERS)) {
  // Each file on its own, as a host serves them (and as make size counts).
  const bytes = b.files.reduce((sum, f) => sum + brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  const url = `${origin}/${encodeURIComponent(name)}`;
  // Under the strict CSP: does the accept button show, and what does the browser refuse?
  const strict = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await strict.route(url, async (route) => route.fulfill({ response: await route.fetch(), headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP } }));
  const p1 = await strict.newPage();
  await p1.addInitScript(() => { window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`)); });
  await p1.goto(url);
  const shown = await appears(p1, ACCEPT);
  await p1.waitForTimeout(500);
  const violations = await p1.evaluate(() => window.__violations);
  await strict.close();
  // Without a CSP: axe-core on the page with the banner, and Tab presses to accept.
  const open = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  // GA's origin answered here, and every request to it before a click counted.
  const early = [];
  await open.route("https://www.googletagmanager.com/**", (route) => { early.push(route.request().url()); route.fulfill({ contentType: "text/javascript", body: "" }); });
  const p2 = await open.newPage();
  await p2.goto(url);
  if (!(await appears(p2, ACCEPT))) console.log(name, "buttons:", await p2.evaluate(() => [...document.querySelectorAll("button,[role=button],a")].map((e) => e.textContent.trim()).join(" | ")));
  await p2.waitForTimeout(500);
  let tabs = null;
  for (let i = 1; i <= 40 && tabs === null; i++) {
    await p2.keyboard.press("Tab");
    if (await p2.evaluate(`(${FOCUSED}) === (${ACCEPT}) && (${FOCUSED}) !== null`)) tabs = i;
  }
  const before = early.length;
  await p2.addScriptTag({ content: AXE });
  const axe = await p2.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => `${v.id} (${v.impact})`));
  await open.close();
  results.push({ name, bytes, strictCsp: shown ? (violations.length ? `works, ${violations.length} violation(s)` : "works, no violation") : "banner does not show", violations, axe, tabs, analyticsBeforeConsent: before });
  console.log(name, JSON.stringify(results.at(-1)));
}
await browser.close();
server.close();
writeFileSync("target/compare.json", JSON.stringify(results, null, 1));
console.log("\n| banner | bytes (brotli) | requests to GA before a click | strict CSP | axe-core findings | Tab presses to accept |\n| --- | --- | --- | --- | --- | --- |");
for (const r of results) console.log(`| ${r.name} | ${r.bytes.toLocaleString("en")} | ${r.analyticsBeforeConsent} | ${r.strictCsp} | ${r.axe.length ? r.axe.join(", ") : "none"} | ${r.tabs ?? "over 40"} |`);
