// What a site owner's page survives: corrupt or throwing storage, bad attributes, a strict CSP,
// a deep sub-path, a second copy of the tag, and every way of writing the tag.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { STRICT_CSP, banner, cookies, html, open, problems, ready, settle, setup } from "./harness.mjs";

const ctx = setup();
const button = (page, name) => page.getByRole("button", { name, exact: true });

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString();
const record = (over = {}) =>
  JSON.stringify({ schema: 1, policyVersion: "1", categories: { analytics: true }, decidedAt: iso(Date.now() - DAY), expiresAt: iso(Date.now() + 100 * DAY), ...over });

test("Corrupt or void stored decisions count as none: the banner shows, nothing loads, nothing throws", async () => {
  const stored = [
    "not json",
    "null",
    "[]",
    '"yes"',
    record({ schema: 2 }),
    record({ categories: { analytics: "yes" } }),
    record({ decidedAt: "yesterday" }),
    record({ decidedAt: iso(Date.now() - 200 * DAY), expiresAt: iso(Date.now() - DAY) }),
    // Valid for 300 days when decided, but the site now says 180.
    record({ decidedAt: iso(Date.now() - 200 * DAY), expiresAt: iso(Date.now() + 100 * DAY) }),
  ];
  for (const value of stored) {
    const { page, context, analytics, errors } = await open(ctx, html(), {
      init: `localStorage.setItem("consent-banner", ${JSON.stringify(value)})`,
      path: "/corrupt.html",
    });
    await button(page, "Accept all").waitFor();
    await settle(page);
    assert.deepEqual(analytics, [], value);
    assert.deepEqual(errors, [], value);
    assert.equal(await page.evaluate(() => window.consentBanner.get().decided), false, value);
    await context.close();
  }
  // The control: a good record is a yes.
  const { page, context, analytics } = await open(ctx, html(), { init: `localStorage.setItem("consent-banner", ${JSON.stringify(record())})` });
  await page.waitForFunction(() => window.__gtagRuns === 1);
  assert.equal(analytics.length, 1);
  await context.close();
});

const THROWING = {
  methods: () => {
    for (const m of ["getItem", "setItem", "removeItem", "clear", "key"]) Storage.prototype[m] = () => { throw new DOMException("denied", "SecurityError"); };
  },
  getter: () => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } }),
};

for (const [how, init] of Object.entries(THROWING)) {
  test(`Storage that throws (${how}): the banner works for this page, and the next page asks again`, async () => {
    const first = await open(ctx, html(), { init, path: `/throw-${how}.html` });
    await button(first.page, "Accept all").click();
    await first.page.waitForFunction(() => window.__gtagRuns === 1);
    assert.equal(first.analytics.length, 1);
    assert.deepEqual(first.errors, []);
    assert.ok(problems(first.messages).every((m) => m.text.startsWith("consent-banner: localStorage")), JSON.stringify(first.messages));
    await first.page.close();
    first.analytics.length = 0;
    const second = await open(ctx, html(), { init, context: first.context, path: `/throw-${how}-2.html` });
    await button(second.page, "Accept all").waitFor();
    await settle(second.page);
    assert.deepEqual(first.analytics, []);
    await first.context.close();
  });
}

test("An invalid data-ga-id is one console error naming it, and no analytics even after Accept", async () => {
  const { page, context, analytics, messages, errors } = await open(ctx, html({ attrs: { "data-ga-id": "UA-12345-1" } }));
  await button(page, "Accept all").click();
  await settle(page, 500);
  assert.deepEqual(analytics, []);
  assert.deepEqual(await cookies(context), []);
  const errs = messages.filter((m) => m.type === "error");
  assert.equal(errs.length, 1, JSON.stringify(messages));
  assert.match(errs[0].text, /data-ga-id/);
  assert.match(errs[0].text, /UA-12345-1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("A javascript: policy URL is one console error and no link; other bad values fall back to defaults", async () => {
  const { page, context, messages } = await open(
    ctx,
    html({ attrs: { "data-ga-id": "G-TEST123", "data-policy-url": "javascript:alert(1)", "data-expires-days": "9999", "data-lang": "xx" } }),
  );
  await button(page, "Accept all").waitFor();
  assert.equal(await banner(page).getByRole("link").count(), 0);
  const errs = messages.filter((m) => m.type === "error").map((m) => m.text);
  assert.equal(errs.length, 3, JSON.stringify(errs));
  assert.ok(errs.some((t) => t.includes("data-policy-url") && t.includes("javascript:alert(1)")));
  assert.ok(errs.some((t) => t.includes("data-expires-days") && t.includes("9999")));
  assert.ok(errs.some((t) => t.includes("data-lang") && t.includes("xx")));
  await button(page, "Accept all").click();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.equal(Date.parse(stored.expiresAt) - Date.parse(stored.decidedAt), 180 * DAY);
  await context.close();
});

test("A strict CSP: zero violations, banner styled, analytics loads after a yes", async () => {
  const { page, context, analytics, messages } = await open(ctx, html(), {
    headers: { "content-security-policy": STRICT_CSP },
    init: () => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  await button(page, "Accept all").waitFor();
  // Styled by the constructed stylesheet: the banner is fixed to the bottom.
  assert.equal(await banner(page).getByRole("region").evaluate((e) => getComputedStyle(e).position), "fixed");
  await button(page, "Accept all").click();
  await page.waitForFunction(() => window.__gtagRuns === 1);
  assert.equal(analytics.length, 1);
  await button(page, "Cookie settings").click();
  await page.getByRole("dialog").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(messages.filter((m) => /Content Security Policy|Refused/.test(m.text)), []);
  await context.close();
});

test("Served from a deep sub-path, the folder is all it needs: the script and its module beside it, no 404", async () => {
  const { page, context, requests, analytics } = await open(ctx, html({ src: "/deep/sub/path/cb/consent-banner.js" }), { path: "/somewhere/else/page.html" });
  await button(page, "Accept all").click();
  await page.waitForFunction(() => window.__gtagRuns === 1);
  const ours = requests.filter((u) => u.includes("consent-banner") || u.endsWith(".wasm"));
  assert.deepEqual(ours, [`${ctx.origin}/deep/sub/path/cb/consent-banner.js`, `${ctx.origin}/deep/sub/path/cb/consent-banner.wasm`], JSON.stringify(requests));
  assert.equal(analytics.length, 1);
  await context.close();
});

test("A host with no configuration: .js without a charset on a Shift_JIS page, .wasm as application/octet-stream", async () => {
  // Many servers send .js without a charset (the browser then decodes it as the page is encoded)
  // and .wasm as a generic type, which streaming compilation refuses.
  ctx.server.pages.set("/plain-host/consent-banner.js", { body: readFileSync("dist/script/consent-banner.js"), type: "text/javascript" });
  ctx.server.pages.set("/plain-host/consent-banner.wasm", { body: readFileSync("dist/script/consent-banner.wasm"), type: "application/octet-stream" });
  const page_ = html({ lang: "ja", head: '<meta charset="shift_jis">', src: "/plain-host/consent-banner.js" });
  const { page, context, errors, messages } = await open(ctx, page_, { headers: { "content-type": "text/html; charset=shift_jis" } });
  await button(page, "すべて同意する").waitFor();
  await page.waitForFunction(() => window.__gtagRuns === undefined && typeof window.consentBanner === "object");
  assert.equal(await banner(page).getByRole("region").getAttribute("lang"), "ja");
  assert.deepEqual(errors, []);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test("A second copy of the tag is ignored: one banner, one analytics load", async () => {
  const tag = '<script src="/assets/consent-banner/consent-banner.js" data-ga-id="G-OTHER999" defer></script>';
  const { page, context, analytics, messages } = await open(ctx, html({ body: tag }));
  await button(page, "Accept all").click();
  await page.waitForFunction(() => window.__gtagRuns === 1);
  await settle(page, 500);
  assert.equal(await page.locator("consent-banner").count(), 1);
  assert.deepEqual(analytics, ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

for (const tag of ["async", "", "defer"]) {
  test(`The tag works written ${tag ? `with ${tag}` : "as a plain script in <head>"}`, async () => {
    const { page, context, errors } = await open(ctx, html({ tag }));
    await button(page, "Accept all").waitFor();
    await ready(page);
    assert.equal(await page.locator("consent-banner").count(), 1);
    assert.equal(await page.evaluate(() => document.body.lastElementChild.localName), "consent-banner");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("Without data-ga-id, data-analytics-src loads after consent with no gtag config", async () => {
  const { page, context, requests } = await open(ctx, html({ attrs: { "data-analytics-src": "/local/analytics.js" } }));
  await settle(page);
  assert.ok(!requests.some((u) => u.includes("/local/analytics.js")));
  await button(page, "Accept all").click();
  await settle(page);
  assert.ok(requests.some((u) => u.endsWith("/local/analytics.js")));
  const commands = await page.evaluate(() => window.dataLayer.map((a) => a[0]));
  assert.ok(!commands.includes("config"), JSON.stringify(commands));
  await context.close();
});
