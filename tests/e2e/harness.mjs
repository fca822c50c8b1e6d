// End-to-end harness, the same in every engine (ENGINE=chromium|firefox|webkit): serves
// dist/script/ (at the contract's path and at a deep sub-path) and is each browser's HTTP proxy,
// so every request a test asserts on is in the server's own log, the analytics origin included
// (answered over TLS by a stub that sets _ga cookies the way gtag.js does). Each page gets a
// same-origin probe script first in <head>: it records console errors and warnings, page errors
// and CSP violations, and runs the test's `init` before anything else on the page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { launch } from "../../scripts/engines.mjs";

export const ENGINE = process.env.ENGINE ?? "chromium";
export const GA_HOST = "www.googletagmanager.com";
export const SCRIPT_PATH = "/assets/consent-banner/consent-banner.js";
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://www.googletagmanager.com; style-src 'self'";

// What "gtag.js" does here, as the real one would: read the queued commands, and set first-party
// cookies only when the latest consent grants analytics_storage and no ga-disable flag is set.
export const STUB_GTAG = `(function(){window.__gtagRuns=(window.__gtagRuns||0)+1;
var granted=false,ids=[];(window.dataLayer||[]).forEach(function(a){
if(a[0]==="consent"&&a[2]&&a[2].analytics_storage)granted=a[2].analytics_storage==="granted";
if(a[0]==="config")ids.push(a[1]);});
if(granted&&ids.every(function(id){return !window["ga-disable-"+id]})){
document.cookie="_ga=GA1.1.123.456; path=/; max-age=3600";
document.cookie="_ga_TEST=GS1.1.1; path=/; max-age=3600";}})();`;

const PROBE = `(function(){var r=window.__rec={console:[],errors:[],violations:[]};
["error","warn"].forEach(function(level){var original=console[level];console[level]=function(){
r.console.push({type:level==="warn"?"warning":"error",text:[].map.call(arguments,String).join(" ")});
return original.apply(console,arguments);};});
addEventListener("error",function(e){r.errors.push(String(e.error||e.message));});
addEventListener("unhandledrejection",function(e){r.errors.push(String(e.reason));});
document.addEventListener("securitypolicyviolation",function(e){r.violations.push(e.violatedDirective+" "+e.blockedURI);});})();\n`;

const isAnalytics = (entry) => entry.host === GA_HOST || /(^|\.)google-analytics\.com$/.test(entry.host ?? "");
const urlOf = (entry) => `${entry.secure ? "https" : "http"}://${entry.host}${entry.path}${entry.search}`;

/** A certificate for the analytics origin; browsers are told to accept it. */
function certificate() {
  const dir = "target/tls";
  if (!existsSync(`${dir}/cert.pem`)) {
    mkdirSync(dir, { recursive: true });
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650",
      "-subj", `/CN=${GA_HOST}`, "-addext", `subjectAltName=DNS:${GA_HOST},DNS:*.google-analytics.com`,
      "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`,
    ], { stdio: "ignore" });
  }
  return { key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) };
}

export const MOUNTS = [
  ["/assets/consent-banner/", "dist/script"],
  ["/deep/sub/path/cb/", "dist/script"],
  ["/npm/", "dist/npm"],
  ["/vite/", "tests/consumers/vite/dist"],
  ["/webpack/", "tests/consumers/webpack"],
];

/** The server and the engine for one test file; `site` serves another folder layout (the demo). */
export function setup(site = { mounts: MOUNTS, headers: {} }) {
  const ctx = { inits: new Map() };
  before(async () => {
    ctx.server = await serve({
      ...site,
      tls: certificate(),
      respond(req, url) {
        const own = site.respond?.(req, url);
        if (own) return own;
        const host = req.headers.host ?? "";
        if (host === GA_HOST) return { body: STUB_GTAG, type: "text/javascript" };
        if (host.endsWith("google-analytics.com")) return { status: 204, body: "", type: "text/plain" };
        if (url.pathname === "/__probe.js") return { body: PROBE + (ctx.inits.get(url.searchParams.get("page")) ?? ""), type: "text/javascript" };
        return null;
      },
      transform: (body, path) => {
        const tag = `<script src="/__probe.js?page=${encodeURIComponent(path)}"></script>`;
        return /<head[^>]*>/i.test(body) ? body.replace(/<head[^>]*>/i, (h) => h + tag) : tag + body;
      },
    });
    ctx.origin = `http://127.0.0.1:${ctx.server.port}`;
    ctx.engine = await launch(ENGINE, { proxy: `127.0.0.1:${ctx.server.port}` });
  });
  after(async () => {
    // Which build of the engine ran, for the README's table.
    if (ctx.engine) writeFileSync(`target/e2e-${ENGINE}.version`, `${ctx.engine.version}\n`);
    await ctx.engine?.close();
    await ctx.server?.close();
  });
  return ctx;
}

let pageCounter = 0;

/** A test page: `attrs` become the script tag's attributes (`null` leaves the tag out). */
export function html({ attrs = { "data-ga-id": "G-TEST123", "data-policy-url": "/privacy/" }, lang = "en", head = "", body = "", src = SCRIPT_PATH, tag = "defer" } = {}) {
  const attributes = Object.entries(attrs ?? {})
    .map(([k, v]) => ` ${k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join("");
  const script = attrs === null ? "" : `<script src="${src}"${attributes}${tag ? ` ${tag}` : ""}></script>`;
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>test</title>${head}${script}</head><body><main><h1>A public-interest site</h1><p>Some content.</p></main>${body}</body></html>`;
}

/**
 * Opens `body` (an HTML string) at a fresh path in a fresh context (or `opts.context`, to keep
 * storage across visits); with `body` null, opens `opts.url` as served. `init` (a function or
 * source text) runs first on every load of the page. Returns { page, context, url, net }.
 */
export async function open(ctx, body, { headers = {}, type, context, path, locale, viewport, init, host, url: fixed } = {}) {
  const url = fixed ?? `${host ? `http://${host}:${ctx.server.port}` : ctx.origin}${path ?? `/page-${++pageCounter}.html`}`;
  const pathname = new URL(url).pathname;
  if (body !== null) ctx.server.pages.set(pathname, { body, headers, type });
  ctx.inits.set(pathname, typeof init === "function" ? `(${init})();\n` : init ? `${init};\n` : "");
  context ??= await newContext(ctx, { locale, viewport });
  const page = new Page(await context.raw.page(), ctx);
  await page.goto(url);
  return { page, context, url, net: context.net };
}

async function newContext(ctx, options) {
  const raw = await ctx.engine.context(options);
  const log = ctx.server.log;
  let since = log.length;
  const ours = (e) => e.host === `127.0.0.1:${ctx.server.port}` || /\.example\.test(:\d+)?$/.test(e.host ?? "") || isAnalytics(e);
  const net = {
    /** Every URL this context requested (of the test's hosts), in order. */
    requests: () => log.slice(since).filter(ours).map(urlOf),
    /** Requests to the analytics origin. */
    analytics: () => log.slice(since).filter(isAnalytics).map(urlOf),
    /** Forget what was requested so far. */
    reset: () => (since = log.length),
  };
  return { raw, net, close: () => raw.close() };
}

// Runs in the page: elements by CSS selector or by role and accessible name, looking into open
// shadow roots, as a visitor's assistive technology sees them (hidden elements have no role).
const FIND = `function find(q) {
  const roots = [];
  const walk = (root) => { roots.push(root); for (const el of root.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot); };
  if (q.within) { const host = document.querySelector(q.within); if (host) { if (host.shadowRoot) walk(host.shadowRoot); roots.push(host); } } else walk(document);
  const text = (el) => (el.textContent || "").replace(/\\s+/g, " ").trim();
  const role = (el) => el.getAttribute("role") || ({ BUTTON: "button", DIALOG: "dialog", A: el.hasAttribute("href") ? "link" : "" })[el.tagName] || (/^H[1-6]$/.test(el.tagName) ? "heading" : "");
  const name = (el) => {
    const label = el.getAttribute("aria-label");
    if (label) return label.trim();
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(/\\s+/).map((id) => el.getRootNode().getElementById(id)).filter(Boolean).map(text).join(" ");
    return text(el);
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest("[aria-hidden=true]");
  let found = roots.flatMap((r) => [...r.querySelectorAll(q.css || "*")]);
  if (q.role) found = found.filter((el) => role(el) === q.role && (q.name == null || name(el) === q.name) && shown(el));
  if (q.shown) found = found.filter(shown);
  return found;
}`;

/** Calls `fn(element, arg)` in the page on the one element `q` finds. */
const onElement = (fn) => `function (a) { const all = (${FIND})(a.q); if (all.length !== 1) throw new Error("expected one element for " + JSON.stringify(a.q) + ", found " + all.length); return (${fn})(all[0], a.arg); }`;

export class Locator {
  constructor(page, q) {
    this.page = page;
    this.q = q;
  }
  toString() {
    return JSON.stringify(this.q);
  }
  count() {
    return this.page.raw.evaluate(`function (q) { return (${FIND})(q).length; }`, this.q);
  }
  /** Waits until the element is shown (or, with state "detached", until there is none). */
  async waitFor({ state = "visible", timeout = 10000 } = {}) {
    const q = state === "visible" ? { ...this.q, shown: true } : this.q;
    const want = state === "visible";
    await this.page.waitFor(`function (q) { return ((${FIND})(q).length > 0) === ${want}; }`, q, { timeout, what: `${state} ${this}` });
  }
  evaluate(fn, arg) {
    return this.page.raw.evaluate(onElement(String(fn)), { q: this.q, arg });
  }
  async click() {
    await this.waitFor();
    // Centred first, as a visitor scrolls to it: WebDriver refuses a click that lands on the
    // fixed reopen control instead.
    const element = await this.page.raw.element(`function (q) { const all = (${FIND})(q); if (all.length !== 1) throw new Error("expected one element, found " + all.length); all[0].scrollIntoView({ block: "center" }); return all[0]; }`, { ...this.q, shown: true });
    await this.page.raw.click(element);
  }
  attr(name) {
    return this.evaluate((el, name) => el.getAttribute(name), name);
  }
  text() {
    return this.evaluate((el) => el.textContent);
  }
  focus() {
    return this.evaluate((el) => el.focus());
  }
  disabled() {
    return this.evaluate((el) => el.disabled);
  }
  box() {
    return this.evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
  }
}

export class Page {
  constructor(raw, ctx) {
    this.raw = raw;
    this.ctx = ctx;
  }
  goto(url) {
    return this.raw.goto(url);
  }
  reload() {
    return this.raw.reload();
  }
  url() {
    return this.raw.url();
  }
  close() {
    return this.raw.close();
  }
  press(key) {
    return this.raw.press(key);
  }
  /** Types `text` into whatever has focus, key by key. */
  type(text) {
    return this.raw.type(text);
  }
  /** `fn(arg)` in the page; fn is a function (serialized) or its source. */
  evaluate(fn, arg) {
    return this.raw.evaluate(String(fn), arg);
  }
  /** Polls `fn(arg)` in the page until it returns something truthy. */
  async waitFor(fn, arg, { timeout = 10000, what } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.raw.evaluate(String(fn), arg).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what ?? String(fn)}`);
      await sleep(50);
    }
  }
  role(role, name, within) {
    return new Locator(this, { role, name, within });
  }
  button(name) {
    return this.role("button", name);
  }
  /** Inside the banner's host element only. */
  inBanner(role, name) {
    return this.role(role, name, "consent-banner");
  }
  css(selector) {
    return new Locator(this, { css: selector });
  }
  /** Resolves when window.consentBanner exists (the wasm has started). */
  ready() {
    return this.waitFor(() => typeof window.consentBanner === "object", null, { what: "window.consentBanner" });
  }
  /** Gives asynchronous work (script loads, timers) a moment. */
  settle(ms = 300) {
    return sleep(ms);
  }
  /** What the probe recorded on this page: { console, errors, violations }. */
  record() {
    return this.evaluate(() => window.__rec ?? { console: [], errors: ["no probe"], violations: [] });
  }
  async messages() {
    return (await this.record()).console;
  }
  async errors() {
    return (await this.record()).errors;
  }
  /** Names of the cookies the page can see (GA's cookies are not HttpOnly). */
  cookies() {
    return this.evaluate(() => document.cookie.split(";").map((c) => c.split("=")[0].trim()).filter(Boolean).sort());
  }
  addCookies(list) {
    return this.evaluate((list) => list.forEach((c) => (document.cookie = `${c.name}=${c.value}; domain=${c.domain}; path=${c.path ?? "/"}`)), list);
  }
  dataLayer() {
    return this.evaluate(() => (window.dataLayer ?? []).map((a) => ({ kind: Object.prototype.toString.call(a), args: JSON.parse(JSON.stringify([...a])) })));
  }
  screenshot(path) {
    return this.raw.screenshot(path);
  }
  resize(viewport) {
    return this.raw.resize(viewport);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Console errors and warnings. */
export const problems = (messages) => messages.filter((m) => m.type === "error" || m.type === "warning");

/**
 * What every page of the demo must be: nothing requested from another origin, no CSP violation,
 * nothing logged, no page error, no sideways scrolling.
 */
export async function assertClean(ctx, page, net) {
  assert.deepEqual(net.requests().filter((u) => !u.startsWith(`${ctx.origin}/`)), []);
  const record = await page.record();
  assert.deepEqual(record.violations, []);
  assert.deepEqual(problems(record.console), []);
  assert.deepEqual(record.errors, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
}
