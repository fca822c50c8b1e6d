// What a visitor sees and what the network sees: languages, accept, reject, reload, policy
// version, the JavaScript API. Runs the built dist/script/ in the engine ENGINE names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

test("English banner: contract names, equal accept/reject, nothing tracked, nothing logged", async () => {
  const { page, context, net } = await open(ctx, html());
  await page.button("Accept all").waitFor();
  for (const name of ["Reject all", "Settings", "日本語"]) assert.equal(await page.button(name).count(), 1, name);
  assert.equal(await page.inBanner("region").attr("lang"), "en");
  assert.equal(await page.inBanner("link", "Privacy policy").attr("href"), "/privacy/");
  assert.equal(await page.button("日本語").attr("lang"), "ja");
  // Equal prominence: same box size and the same look.
  const look = (name) =>
    page.button(name).evaluate((b) => {
      const s = getComputedStyle(b);
      const r = b.getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height), s.fontSize, s.fontWeight, s.color, s.backgroundColor, s.borderTopWidth, s.borderTopColor];
    });
  assert.deepEqual(await look("Accept all"), await look("Reject all"));
  // At the bottom of the viewport, inside it.
  const box = await page.inBanner("region").box();
  assert.ok(box.y + box.height <= 800 + 1 && box.y > 400, JSON.stringify(box));
  await page.settle(500);
  assert.deepEqual(net.analytics(), []);
  assert.deepEqual(await page.cookies(), []);
  assert.equal(await page.evaluate(() => window.dataLayer === undefined), true);
  assert.deepEqual(problems(await page.messages()), []);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

test("Japanese banner from <html lang>, from navigator.languages, and from data-lang", async () => {
  const cases = [
    [html({ lang: "ja" }), {}],
    [html({ lang: "" }), { locale: "ja-JP" }],
    [html({ lang: "en", attrs: { "data-ga-id": "G-TEST123", "data-lang": "ja" } }), {}],
  ];
  for (const [body, options] of cases) {
    const { page, context, net } = await open(ctx, body, options);
    await page.button("すべて同意する").waitFor();
    for (const name of ["すべて拒否する", "設定", "English"]) assert.equal(await page.button(name).count(), 1, name);
    assert.equal(await page.inBanner("region").attr("lang"), "ja");
    assert.match(await page.inBanner("region").text(), /サイト改善のため、同意いただいた場合にのみ分析用Cookieを使用します。/);
    assert.deepEqual(net.analytics(), []);
    await context.close();
  }
  // data-lang="en" wins over a Japanese page and browser.
  const { page, context } = await open(ctx, html({ lang: "ja", attrs: { "data-ga-id": "G-TEST123", "data-lang": "en" } }), { locale: "ja-JP" });
  await page.button("Accept all").waitFor();
  await context.close();
});

test("Accept all: consent default, update, gtag.js once, config; cookies; stored; a reload starts analytics without a click", async () => {
  const { page, context, net } = await open(ctx, html(), { path: "/accept.html" });
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.deepEqual(net.analytics(), ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
  const layer = await page.dataLayer();
  assert.ok(layer.every((e) => e.kind === "[object Arguments]"), "gtag pushes arguments objects");
  assert.deepEqual(layer.map((e) => e.args.slice(0, 2).join(" ")), ["consent default", "consent update", `js ${layer[2].args[1]}`, "config G-TEST123"]);
  assert.deepEqual(layer[0].args[2], {
    ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied", analytics_storage: "denied",
    functionality_storage: "denied", personalization_storage: "denied", security_storage: "granted",
  });
  assert.equal(layer[1].args[2].analytics_storage, "granted");
  assert.equal(layer[1].args[2].ad_storage, "denied");
  assert.deepEqual(await page.cookies(), ["_ga", "_ga_TEST"]);
  const record = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.equal(record.schema, 1);
  assert.equal(record.policyVersion, "1");
  assert.deepEqual(record.categories, { analytics: true });
  assert.equal(record.lang, "en");
  assert.equal(Date.parse(record.expiresAt) - Date.parse(record.decidedAt), 180 * 86400000);
  assert.equal(await page.button("Accept all").count(), 0, "the banner is gone");
  assert.equal(await page.button("Cookie settings").count(), 1, "the reopen control stays");
  // Back on the next visit: analytics starts by itself, no banner.
  net.reset();
  await page.reload();
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.deepEqual(net.analytics(), ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
  assert.equal((await page.dataLayer())[1].args[2].analytics_storage, "granted");
  await page.button("Cookie settings").waitFor();
  assert.equal(await page.button("Accept all").count(), 0);
  await context.close();
});

test("Reject all: nothing loads, now or on the next visit", async () => {
  const { page, context, net } = await open(ctx, html());
  await page.button("Reject all").click();
  await page.settle();
  const record = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.deepEqual(record.categories, { analytics: false });
  await page.reload();
  await page.button("Cookie settings").waitFor();
  await page.settle();
  assert.deepEqual(net.analytics(), []);
  assert.deepEqual(await page.cookies(), []);
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), true);
  await context.close();
});

test("A new policy version voids the stored yes: the banner asks again and nothing loads", async () => {
  const first = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-policy-version": "2025-01" } }), { path: "/v.html" });
  await first.page.button("Accept all").click();
  await first.page.waitFor(() => window.__gtagRuns === 1);
  await first.page.close();
  first.net.reset();
  const second = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-policy-version": "2026-11" } }), { context: first.context, path: "/v2.html" });
  await second.page.button("Accept all").waitFor();
  await second.page.settle();
  assert.deepEqual(first.net.analytics(), []);
  assert.equal(await second.page.evaluate(() => window.consentBanner.get().policyVersion), "2026-11");
  assert.equal(await second.page.evaluate(() => window.consentBanner.get().decided), false);
  await first.context.close();
});

test("API: get, acceptAll, rejectAll, reset, on('change') with unsubscribe, and the document event", async () => {
  const { page, context, net } = await open(ctx, html());
  await page.ready();
  const state0 = await page.evaluate(() => window.consentBanner.get());
  assert.deepEqual(state0, { decided: false, categories: { analytics: false }, policyVersion: "1", decidedAt: null, gpc: false });
  const log = await page.evaluate(() => {
    const seen = [];
    const off = window.consentBanner.on("change", (s) => seen.push(["on", s.decided, s.categories.analytics]));
    document.addEventListener("consent-banner:change", (e) => seen.push(["event", e.detail.decided, e.detail.categories.analytics]));
    window.consentBanner.acceptAll();
    window.consentBanner.rejectAll();
    off();
    window.consentBanner.reset();
    return seen;
  });
  assert.deepEqual(log, [
    ["on", true, true], ["event", true, true],
    ["on", true, false], ["event", true, false],
    ["event", false, false],
  ]);
  const state = await page.evaluate(() => window.consentBanner.get());
  assert.equal(state.decided, false);
  assert.equal(await page.evaluate(() => localStorage.getItem("consent-banner")), null);
  await page.button("Accept all").waitFor();
  // acceptAll loaded gtag.js once; the reject and the reset withdrew it.
  await page.settle();
  assert.equal(net.analytics().length, 1);
  assert.equal(await page.evaluate(() => window["ga-disable-G-TEST123"]), true);
  assert.deepEqual(await page.cookies(), []);
  await context.close();
});

test("A listener that calls the API, or throws, does not break the banner", async () => {
  const { page, context } = await open(ctx, html());
  await page.ready();
  const decided = await page.evaluate(() => {
    window.consentBanner.on("change", () => { throw new Error("listener bug"); });
    let inner;
    window.consentBanner.on("change", () => (inner = window.consentBanner.get().decided));
    window.consentBanner.acceptAll();
    return inner;
  });
  assert.equal(decided, true);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

test("The language switch changes every text and is remembered with the decision", async () => {
  const { page, context } = await open(ctx, html());
  await page.button("日本語").click();
  await page.button("すべて同意する").waitFor();
  assert.equal(await page.inBanner("region").attr("lang"), "ja");
  await page.button("すべて拒否する").click();
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner"))).lang, "ja");
  await page.reload();
  await page.button("Cookie設定").waitFor();
  await context.close();
});

/** A page with four links of its own before anything else in <body>. */
const withNav = () => html({ body: "" }).replace("<body>", '<body><nav><a href="#a">One</a> <a href="#b">Two</a> <a href="#c">Three</a> <a href="#d">Four</a></nav>');

/** Tabs from the top of the page until the control named `name` has focus, at most `max` times; the focused text. */
async function tabTo(page, name, max) {
  await page.evaluate(() => document.activeElement?.blur());
  const focused = () => page.evaluate(() => { let e = document.activeElement; while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement; return e?.textContent ?? ""; });
  for (let presses = 0; presses < max && (await focused()) !== name; presses++) await page.press("Tab");
  return focused();
}

test("Keyboard first: from the top of a page with its own links, Tab reaches Accept all within 3 presses", async () => {
  const { page, context } = await open(ctx, withNav());
  await page.button("Accept all").waitFor();
  assert.equal(await tabTo(page, "Accept all", 3), "Accept all");
  await context.close();
});

test("Keyboard first: after a decision, Tab reaches the reopen control within 2 presses, before the page's links", async () => {
  const { page, context } = await open(ctx, withNav());
  await page.button("Reject all").click();
  await page.reload();
  await page.button("Cookie settings").waitFor();
  assert.equal(await tabTo(page, "Cookie settings", 2), "Cookie settings");
  await context.close();
});

// The dialog's Close button sits in its top corner: its focus ring (3 px outline, 2 px offset)
// must not cover any of the dialog's text, with a long site-given title too, at phone and desktop widths.
for (const [lang, width] of [["en", 320], ["ja", 320], ["en", 1280], ["ja", 1280]]) {
  test(`The dialog's Close focus ring covers none of its text (${lang}, ${width} px)`, async () => {
    const id = "cfg";
    const title = lang === "ja" ? "このサイトでのCookieと外部送信の設定（分析・機能）" : "Cookie and data-sharing settings for this public-interest site";
    const body = `<script type="application/json" id="${id}">${JSON.stringify({ gaId: "G-TEST123", texts: { [lang]: { dialogTitle: title } } })}</script>`;
    const { page, context } = await open(ctx, html({ lang, attrs: { "data-config": id }, head: body }), { viewport: { width, height: 700 } });
    await page.button(lang === "ja" ? "設定" : "Settings").click();
    await page.inBanner("dialog").waitFor();
    const overlaps = await page.css("consent-banner").evaluate((host) => {
      const root = host.shadowRoot;
      const close = root.querySelector("[data-action=close]");
      close.focus();
      const c = close.getBoundingClientRect();
      const ring = { left: c.left - 5, right: c.right + 5, top: c.top - 5, bottom: c.bottom + 5 };
      const found = [];
      const walker = document.createTreeWalker(root.querySelector(".dialog"), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (close.contains(node) || !node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width && r.left < ring.right && r.right > ring.left && r.top < ring.bottom && r.bottom > ring.top) found.push(node.textContent.slice(0, 40));
        }
      }
      return { found, focused: root.activeElement === close };
    });
    assert.ok(overlaps.focused, "Close has focus");
    assert.deepEqual(overlaps.found, []);
    await context.close();
  });
}
