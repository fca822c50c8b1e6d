// The Chromium-only harness (playwright-core): what needs Chromium's own tools (axe with
// Playwright's locators, layout-shift entries, emulated colour schemes, reduced motion and phone
// widths). Serves dist/script/ and builds pages from a script tag's attributes; the analytics
// origin is answered by a stub. Every engine's suite is tests/e2e/.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { MOUNTS, STUB_GTAG } from "../e2e/harness.mjs";

// The same pages as every engine's suite.
export { html } from "../e2e/harness.mjs";

export const GA_ORIGIN = "https://www.googletagmanager.com";

export function setup() {
  const ctx = {};
  before(async () => {
    ctx.server = await serve({ mounts: MOUNTS });
    ctx.origin = `http://127.0.0.1:${ctx.server.port}`;
    ctx.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP *.example.test 127.0.0.1"],
    });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

let pageCounter = 0;

/**
 * Opens `body` (an HTML string) at a fresh path in a fresh context (or `opts.context`, to keep
 * storage across visits); with `body` null, opens `opts.url` as served. Returns { page, context, requests, analytics, messages, errors, url }.
 */
export async function open(ctx, body, { headers = {}, context, path, contextOptions = {}, init, host, url: fixed } = {}) {
  const url = fixed ?? `${host ? `http://${host}:${ctx.server.port}` : ctx.origin}${path ?? `/page-${++pageCounter}.html`}`;
  // A null body opens a file the server already serves (a built app) at `url`.
  if (body !== null) ctx.server.pages.set(new URL(url).pathname, { body, headers });
  const own = !context;
  context ??= await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (own) await watch(context);
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const rec = context.__rec;
  await page.goto(url);
  return { page, context, url, ...rec };
}

async function watch(context) {
  const rec = { requests: [], analytics: [], messages: [], errors: [] };
  context.__rec = rec;
  context.on("request", (r) => {
    rec.requests.push(r.url());
    if (r.url().startsWith(GA_ORIGIN) || r.url().includes("google-analytics.com")) rec.analytics.push(r.url());
  });
  context.on("console", (m) => rec.messages.push({ type: m.type(), text: m.text() }));
  context.on("weberror", (e) => rec.errors.push(String(e.error())));
  await context.route(`${GA_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: STUB_GTAG }));
  await context.route("https://*.google-analytics.com/**", (route) => route.fulfill({ status: 204, body: "" }));
}

/** The banner's shadow root, for locators: `banner(page).getByRole(...)` pierces it. */
export const banner = (page) => page.locator("consent-banner");

/** Gives asynchronous work (script loads, timers) a moment, then returns. */
export const settle = (page, ms = 300) => page.waitForTimeout(ms);
