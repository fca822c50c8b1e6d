// What a site owner's page survives: corrupt or throwing storage, bad attributes, a strict CSP,
// a deep sub-path, a second copy of the tag, and every way of writing the tag.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { STRICT_CSP, html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

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
    const { page, context, net } = await open(ctx, html(), {
      init: `localStorage.setItem("consent-banner", ${JSON.stringify(value)})`,
      path: "/corrupt.html",
    });
    await page.button("Accept all").waitFor();
    await page.settle();
    assert.deepEqual(net.analytics(), [], value);
    assert.deepEqual(await page.errors(), [], value);
    assert.equal(await page.evaluate(() => window.consentBanner.get().decided), false, value);
    await context.close();
  }
  // The control: a good record is a yes.
  const { page, context, net } = await open(ctx, html(), { init: `localStorage.setItem("consent-banner", ${JSON.stringify(record())})` });
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.equal(net.analytics().length, 1);
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
    await first.page.button("Accept all").click();
    await first.page.waitFor(() => window.__gtagRuns === 1);
    assert.equal(first.net.analytics().length, 1);
    assert.deepEqual(await first.page.errors(), []);
    assert.ok(problems(await first.page.messages()).every((m) => m.text.startsWith("consent-banner: localStorage")), "only storage messages");
    await first.page.close();
    first.net.reset();
    const second = await open(ctx, html(), { init, context: first.context, path: `/throw-${how}-2.html` });
    await second.page.button("Accept all").waitFor();
    await second.page.settle();
    assert.deepEqual(first.net.analytics(), []);
    await first.context.close();
  });
}

test("An invalid data-ga-id is one console error naming it, and no analytics even after Accept", async () => {
  const { page, context, net } = await open(ctx, html({ attrs: { "data-ga-id": "UA-12345-1" } }));
  await page.button("Accept all").click();
  await page.settle(500);
  assert.deepEqual(net.analytics(), []);
  assert.deepEqual(await page.cookies(), []);
  const errs = (await page.messages()).filter((m) => m.type === "error");
  assert.equal(errs.length, 1, JSON.stringify(await page.messages()));
  assert.match(errs[0].text, /data-ga-id/);
  assert.match(errs[0].text, /UA-12345-1/);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

test("A javascript: policy URL is one console error and no link; other bad values fall back to defaults", async () => {
  const { page, context } = await open(
    ctx,
    html({ attrs: { "data-ga-id": "G-TEST123", "data-policy-url": "javascript:alert(1)", "data-expires-days": "9999", "data-lang": "xx" } }),
  );
  await page.button("Accept all").waitFor();
  assert.equal(await page.inBanner("link").count(), 0);
  const errs = (await page.messages()).filter((m) => m.type === "error").map((m) => m.text);
  assert.equal(errs.length, 3, JSON.stringify(errs));
  assert.ok(errs.some((t) => t.includes("data-policy-url") && t.includes("javascript:alert(1)")));
  assert.ok(errs.some((t) => t.includes("data-expires-days") && t.includes("9999")));
  assert.ok(errs.some((t) => t.includes("data-lang") && t.includes("xx")));
  await page.button("Accept all").click();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.equal(Date.parse(stored.expiresAt) - Date.parse(stored.decidedAt), 180 * DAY);
  await context.close();
});

test("A strict CSP: zero violations, banner styled, analytics loads after a yes", async () => {
  const { page, context, net } = await open(ctx, html(), {
    headers: { "content-security-policy": STRICT_CSP },
  });
  await page.button("Accept all").waitFor();
  // Styled by the constructed stylesheet: the banner is fixed to the bottom.
  assert.equal(await page.inBanner("region").evaluate((e) => getComputedStyle(e).position), "fixed");
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.equal(net.analytics().length, 1);
  await page.button("Cookie settings").click();
  await page.role("dialog").waitFor();
  // The probe's securitypolicyviolation listener, from a same-origin script, saw none.
  assert.deepEqual((await page.record()).violations, []);
  await context.close();
});

test("Served from a deep sub-path, the folder is all it needs: the script and its module beside it, no 404", async () => {
  const { page, context, net } = await open(ctx, html({ src: "/deep/sub/path/cb/consent-banner.js" }), { path: "/somewhere/else/page.html" });
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  const ours = net.requests().filter((u) => u.includes("consent-banner") || u.endsWith(".wasm"));
  assert.deepEqual(ours, [`${ctx.origin}/deep/sub/path/cb/consent-banner.js`, `${ctx.origin}/deep/sub/path/cb/consent-banner.wasm`], JSON.stringify(net.requests()));
  assert.equal(net.analytics().length, 1);
  await context.close();
});

test("A host with no configuration: .js without a charset on a Shift_JIS page, .wasm as application/octet-stream", async () => {
  // Many servers send .js without a charset (the browser then decodes it as the page is encoded)
  // and .wasm as a generic type, which streaming compilation refuses.
  ctx.server.pages.set("/plain-host/consent-banner.js", { body: readFileSync("dist/script/consent-banner.js"), type: "text/javascript" });
  ctx.server.pages.set("/plain-host/consent-banner.wasm", { body: readFileSync("dist/script/consent-banner.wasm"), type: "application/octet-stream" });
  const page_ = html({ lang: "ja", head: '<meta charset="shift_jis">', src: "/plain-host/consent-banner.js" });
  const { page, context } = await open(ctx, page_, { headers: { "content-type": "text/html; charset=shift_jis" } });
  await page.button("すべて同意する").waitFor();
  await page.waitFor(() => window.__gtagRuns === undefined && typeof window.consentBanner === "object");
  assert.equal(await page.inBanner("region").attr("lang"), "ja");
  assert.deepEqual(await page.errors(), []);
  assert.deepEqual(problems(await page.messages()), []);
  await context.close();
});

test("A second copy of the tag is ignored: one banner, one analytics load", async () => {
  const tag = '<script src="/assets/consent-banner/consent-banner.js" data-ga-id="G-OTHER999" defer></script>';
  const { page, context, net } = await open(ctx, html({ body: tag }));
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  await page.settle(500);
  assert.equal(await page.css("consent-banner").count(), 1);
  assert.deepEqual(net.analytics(), ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
  assert.deepEqual(problems(await page.messages()), []);
  await context.close();
});

for (const tag of ["async", "", "defer"]) {
  test(`The tag works written ${tag ? `with ${tag}` : "as a plain script in <head>"}`, async () => {
    const { page, context } = await open(ctx, html({ tag }));
    await page.button("Accept all").waitFor();
    await page.ready();
    assert.equal(await page.css("consent-banner").count(), 1);
    // First in <body> (contract): a keyboard user reaches it before the page's own controls.
    assert.equal(await page.evaluate(() => document.body.firstElementChild.localName), "consent-banner");
    assert.deepEqual(await page.errors(), []);
    await context.close();
  });
}

test("The page first: on a first visit the module is fetched after the page's first contentful paint", async () => {
  const init = "requestAnimationFrame(() => { window.__frame = performance.now(); })";
  for (const tag of ["", "defer", "async"]) {
    const { page, context } = await open(ctx, html({ tag }), { init });
    await page.button("Accept all").waitFor();
    const t = await page.evaluate(() => ({
      frame: window.__frame,
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      fetched: performance.getEntriesByType("resource").find((e) => e.name.endsWith("/consent-banner.wasm"))?.startTime,
    }));
    assert.ok(t.frame !== undefined && t.fetched >= t.frame && !(t.fetched < t.paint), `${tag}: ${JSON.stringify(t)}`);
    assert.deepEqual(await page.errors(), [], tag);
    await context.close();
  }
});

test("A returning visitor's stored yes starts analytics before anything of the banner is drawn", async () => {
  // The order in which the analytics <script> and the banner's host reach the page.
  const init = `localStorage.setItem("consent-banner", ${JSON.stringify(record())});
    window.__order = [];
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n.localName === "consent-banner") window.__order.push("banner");
      if (n.localName === "script" && n.src.startsWith("https://www.googletagmanager.com/")) window.__order.push("analytics");
    }))).observe(document, { childList: true, subtree: true })`;
  for (const tag of ["", "defer", "async"]) {
    const { page, context } = await open(ctx, html({ tag }), { init });
    await page.waitFor(() => window.__order.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__order), ["analytics", "banner"], tag);
    assert.deepEqual(await page.errors(), [], tag);
    await context.close();
  }
});

test("Without data-ga-id, data-analytics-src loads after consent with no gtag config", async () => {
  const { page, context, net } = await open(ctx, html({ attrs: { "data-analytics-src": "/local/analytics.js" } }));
  await page.settle();
  assert.ok(!net.requests().some((u) => u.includes("/local/analytics.js")));
  await page.button("Accept all").click();
  await page.settle();
  assert.ok(net.requests().some((u) => u.endsWith("/local/analytics.js")));
  const commands = await page.evaluate(() => (window.dataLayer ?? []).map((a) => a[0]));
  assert.ok(!commands.includes("config"), JSON.stringify(commands));
  // Consent Mode is GA4's: a plain script gets no gtag command and no window.gtag.
  assert.deepEqual(commands, []);
  assert.equal(await page.evaluate(() => typeof window.gtag), "undefined");
  await context.close();
});

test("The cookies setting: a withdrawn category's cookies are deleted, with GA's, and nothing else", async () => {
  const config = { categories: ["analytics", "functional"], cookies: { functional: ["yt_pref", "_vid_*"] } };
  const body = `<script type="application/json" id="cfg">${JSON.stringify(config)}</script>`;
  const { page, context } = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-config": "cfg" }, body }));
  await page.ready();
  await page.evaluate(() => window.consentBanner.acceptAll());
  await page.waitFor(() => window.__gtagRuns === 1);
  await page.evaluate(() => ["yt_pref=1", "_vid_a=2", "keep=3"].forEach((c) => (document.cookie = `${c}; path=/`)));
  assert.deepEqual(await page.cookies(), ["_ga", "_ga_TEST", "_vid_a", "keep", "yt_pref"]);
  // Functional withdrawn, analytics kept: only functional's cookies go.
  await page.evaluate(() => window.consentBanner.set({ functional: false }));
  assert.deepEqual(await page.cookies(), ["_ga", "_ga_TEST", "keep"]);
  await page.evaluate(() => window.consentBanner.rejectAll());
  assert.deepEqual(await page.cookies(), ["keep"]);
  assert.deepEqual(problems(await page.messages()), []);
  await context.close();
});
