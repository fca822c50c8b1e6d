// One configuration drives the banner, the dialog and the 外部送信 disclosure; GPC; expiry;
// marketing; texts from configuration are text, never HTML.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, setup } from "./harness.mjs";

const ctx = setup();
const DAY = 86400000;

const CONFIG = {
  categories: ["analytics", "marketing"],
  services: [
    { id: "ads", category: "marketing", recipient: { en: "Ad Network Inc.", ja: "広告ネットワーク株式会社" },
      data: { en: "Pages viewed, a cookie identifier", ja: "閲覧したページ、Cookie識別子" },
      purpose: { en: "Showing relevant advertising", ja: "関連性の高い広告の表示" },
      optOutUrl: "https://ads.example/optout", policyUrl: "https://ads.example/privacy" },
  ],
};
const withConfig = (config, { lang = "en", attrs = {}, body = "" } = {}) =>
  html({
    lang,
    attrs: { "data-ga-id": "G-TEST123", "data-config": "site-config", ...attrs },
    head: `<script type="application/json" id="site-config">${JSON.stringify(config)}</script>`,
    body,
  });

const tableOf = (page, selector) =>
  page.css(selector).evaluate((el) => ({
    lang: el.querySelector("table")?.getAttribute("lang"),
    headers: [...el.querySelectorAll("thead th")].map((th) => `${th.textContent}|${th.getAttribute("scope")}`),
    rows: [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent + [...td.querySelectorAll("a")].map((a) => ` <${a.href}>`).join(""))),
  }));

test("<consent-disclosure> is filled in the banner's language, or its own lang, one row per service", async () => {
  const body = '<consent-disclosure id="d1"></consent-disclosure><consent-disclosure id="d2" lang="en"></consent-disclosure>';
  const { page, context } = await open(ctx, withConfig(CONFIG, { lang: "ja", body }));
  await page.ready();
  await page.css("#d1 table").waitFor();
  const ja = await tableOf(page, "#d1");
  assert.equal(ja.lang, "ja");
  // The contract's header names, as the first words; the last column holds the opt-out and policy links.
  assert.deepEqual(ja.headers, ["送信先|col", "送信される情報|col", "利用目的|col", "オプトアウト・ポリシー|col"]);
  assert.ok(["送信先", "送信される情報", "利用目的", "オプトアウト"].every((name, i) => ja.headers[i].startsWith(name)));
  assert.equal(ja.rows.length, 2);
  assert.deepEqual(ja.rows[0].slice(0, 3), ["Google LLC（Google アナリティクス 4）", "閲覧したページ、参照元、端末・ブラウザの情報、IPアドレスから推定される地域、Cookie識別子", "サイトの利用状況を分析し、改善するため"]);
  assert.match(ja.rows[0][3], /<https:\/\/tools\.google\.com\/dlpage\/gaoptout>/);
  assert.match(ja.rows[0][3], /<https:\/\/policies\.google\.com\/privacy>/);
  assert.deepEqual(ja.rows[1].slice(0, 3), ["広告ネットワーク株式会社", "閲覧したページ、Cookie識別子", "関連性の高い広告の表示"]);
  const en = await tableOf(page, "#d2");
  assert.equal(en.lang, "en");
  assert.deepEqual(en.headers, ["Recipient|col", "Information sent|col", "Purpose|col", "Opt-out and policy|col"]);
  assert.ok(["Recipient", "Information sent", "Purpose", "Opt-out"].every((name, i) => en.headers[i].startsWith(name)));
  assert.equal(en.rows[1][0], "Ad Network Inc.");
  // Switching the banner's language re-fills the tables that follow it.
  await page.button("English").click();
  assert.equal((await tableOf(page, "#d1")).headers[0], "Recipient|col");
  await context.close();
});

test("The dialog shows each service of each optional category: recipient, information, purpose, links", async () => {
  const { page, context } = await open(ctx, withConfig(CONFIG));
  await page.button("Settings").click();
  const dialog = page.role("dialog");
  await dialog.waitFor();
  const text = await dialog.text();
  for (const s of ["Google LLC (Google Analytics 4)", "Ad Network Inc.", "Information sent", "Purpose", "Showing relevant advertising", "Marketing"]) assert.ok(text.includes(s), s);
  assert.equal(await page.role("link", "Opt-out: Ad Network Inc.").count(), 1);
  assert.equal(await page.role("link", "Opt-out: Google LLC (Google Analytics 4)").count(), 1);
  assert.equal(await page.role("switch", "Marketing").attr("aria-checked"), "false");
  await context.close();
});

test("Marketing granted and denied map onto the ad_* consent types", async () => {
  const { page, context } = await open(ctx, withConfig(CONFIG));
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  const update = (await page.dataLayer())[1].args[2];
  assert.deepEqual(update, { ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted", analytics_storage: "granted", functionality_storage: "denied", personalization_storage: "denied" });
  await page.evaluate(() => window.consentBanner.set({ marketing: false }));
  const last = (await page.dataLayer()).at(-1).args;
  assert.equal(last[1], "update");
  assert.deepEqual([last[2].ad_storage, last[2].ad_user_data, last[2].ad_personalization, last[2].analytics_storage], ["denied", "denied", "denied", "granted"]);
  assert.deepEqual(await page.evaluate(() => window.consentBanner.get().categories), { analytics: true, marketing: false });
  await context.close();
});

const GPC = () => Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true });

test("GPC respected: no interrupting banner, nothing loads, reopen shown; an explicit choice is stored and wins", async () => {
  const { page, context, net } = await open(ctx, html(), { init: GPC, path: "/gpc.html" });
  await page.button("Cookie settings").waitFor();
  assert.equal(await page.inBanner("region").count(), 0);
  assert.deepEqual(await page.evaluate(() => window.consentBanner.get()), { decided: false, categories: { analytics: false }, policyVersion: "1", decidedAt: null, gpc: true });
  await page.settle();
  assert.deepEqual(net.analytics(), []);
  await page.button("Cookie settings").click();
  await page.role("switch", "Analytics").click();
  await page.button("Save settings").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  const state = await page.evaluate(() => window.consentBanner.get());
  assert.equal(state.decided, true);
  assert.equal(state.gpc, true);
  assert.equal(state.categories.analytics, true);
  await page.reload();
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.equal(net.analytics().length, 2);
  await context.close();
});

test("GPC ignored: the banner asks as usual; with reopen off there is no control at all", async () => {
  const ignored = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-gpc": "ignore" } }), { init: GPC });
  await ignored.page.button("Accept all").waitFor();
  assert.equal(await ignored.page.evaluate(() => window.consentBanner.get().gpc), false);
  await ignored.context.close();
  const hidden = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-reopen": "false" } }), { init: GPC });
  await hidden.page.ready();
  await hidden.page.settle();
  assert.equal(await hidden.page.css("consent-banner").evaluate((h) => h.shadowRoot.querySelectorAll("button").length), 0);
  await hidden.context.close();
});

test("Expiry: expiresDays sets expiresAt; a decision older than that asks again", async () => {
  const { page, context } = await open(ctx, withConfig({ expiresDays: 30 }));
  await page.button("Accept all").click();
  const record = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.equal(Date.parse(record.expiresAt) - Date.parse(record.decidedAt), 30 * DAY);
  await context.close();
  const old = JSON.stringify({ schema: 1, policyVersion: "1", categories: { analytics: true }, decidedAt: new Date(Date.now() - 31 * DAY).toISOString(), expiresAt: new Date(Date.now() + 149 * DAY).toISOString() });
  const again = await open(ctx, withConfig({ expiresDays: 30 }), { init: `localStorage.setItem("consent-banner", ${JSON.stringify(old)})` });
  await again.page.button("Accept all").waitFor();
  await again.page.settle();
  assert.deepEqual(again.net.analytics(), []);
  await again.context.close();
});

test("Texts from configuration are text: markup shows literally and never runs", async () => {
  const evil = '<img src=x onerror="window.__xss=1">';
  const config = { texts: { en: { title: evil, description: `${evil} & <b>bold</b>` } }, services: [{ id: "x", category: "analytics", recipient: evil }] };
  const { page, context } = await open(ctx, withConfig(config, { body: "<consent-disclosure></consent-disclosure>" }));
  await page.button("Accept all").waitFor();
  assert.equal(await page.inBanner("heading").text(), evil);
  await page.button("Settings").click();
  await page.css("consent-disclosure table").waitFor();
  await page.settle();
  assert.equal(await page.evaluate(() => window.__xss === undefined), true);
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length + document.querySelector("consent-banner").shadowRoot.querySelectorAll("img,b").length), 0);
  assert.equal(await page.evaluate(() => document.querySelector("consent-disclosure td").textContent), evil);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

test("Broken or mistyped data-config: one clear console message each, the banner works, nothing loads without a click", async () => {
  const cases = [
    ["{ not json", /data-config="site-config" is not a JSON object/],
    [JSON.stringify({ expiresDays: "90" }), /"expiresDays" should be a whole number/],
  ];
  for (const [json, pattern] of cases) {
    const page_ = html({ attrs: { "data-ga-id": "G-TEST123", "data-config": "site-config" }, head: `<script type="application/json" id="site-config">${json}</script>` });
    const { page, context, net } = await open(ctx, page_);
    await page.button("Accept all").waitFor();
    await page.settle();
    assert.deepEqual(net.analytics(), []);
    const errs = (await page.messages()).filter((m) => m.type === "error");
    assert.equal(errs.length, 1, JSON.stringify(await page.messages()));
    assert.match(errs[0].text, pattern);
    await context.close();
  }
  const missing = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-config": "nope" } }));
  await missing.page.button("Accept all").waitFor();
  assert.ok((await missing.page.messages()).some((m) => m.type === "error" && m.text.includes('data-config="nope"')));
  await missing.context.close();
});

test("Unknown keys warn once each and change nothing", async () => {
  const { page, context } = await open(ctx, withConfig({ gaid: "G-X", categories: ["analytics"] }));
  await page.button("Accept all").waitFor();
  const warns = (await page.messages()).filter((m) => m.type === "warning");
  assert.equal(warns.length, 1);
  assert.match(warns[0].text, /"gaid"/);
  assert.equal((await page.messages()).filter((m) => m.type === "error").length, 0);
  await context.close();
});
