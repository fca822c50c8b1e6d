// The two kinds of site the banner was made for, as the demo serves them: a bilingual CERT-style
// site (GA4, its 外部送信 table in both languages, the Japanese policy prevails) and a project
// site whose contact form the banner never gets in the way of.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSite } from "../../scripts/serve.mjs";
import { assertClean, open, setup } from "./harness.mjs";

const ctx = setup(demoSite());
const visit = (path, options = {}) => open(ctx, null, { url: `${ctx.origin}${path}`, ...options });

const PAGES = [
  ["/examples/", "Accept all"],
  ["/examples/cert/", "すべて同意する"],
  ["/examples/cert/privacy/", "すべて同意する"],
  ["/examples/cert/en/", "Accept all"],
  ["/examples/cert/en/privacy/", "Accept all"],
  ["/examples/project/", "すべて同意する"],
  ["/examples/project/contact/", "すべて同意する"],
];

for (const [path, accept] of PAGES) {
  test(`${path}: the banner, nothing from another origin before consent, no CSP violation, nothing logged`, async () => {
    const { page, context, net } = await visit(path);
    await page.button(accept).waitFor();
    await page.settle(500);
    await assertClean(ctx, page, net);
    assert.equal(await page.evaluate(() => window.__demoAnalyticsLoaded === undefined), true, "analytics waits for a yes");
    await context.close();
  });
}

const heads = (page) => page.evaluate(() => [...document.querySelectorAll("consent-disclosure th")].map((th) => th.textContent));

test("CERT: the GA disclosure table in both languages; the English policy says the Japanese version prevails", async () => {
  const ja = await visit("/examples/cert/privacy/");
  await ja.page.css("consent-disclosure table").waitFor();
  assert.deepEqual(await heads(ja.page), ["送信先", "送信される情報", "利用目的", "オプトアウト・ポリシー"]);
  assert.match(await ja.page.css("consent-disclosure td:first-child").text(), /Google LLC（Google アナリティクス 4）/);
  await ja.page.close();
  const en = await visit("/examples/cert/en/privacy/", { context: ja.context });
  await en.page.css("consent-disclosure table").waitFor();
  assert.deepEqual(await heads(en.page), ["Recipient", "Information sent", "Purpose", "Opt-out and policy"]);
  assert.match(await en.page.evaluate(() => document.querySelector("main").textContent), /the Japanese version prevails/);
  await ja.context.close();
});

test("CERT: a yes on the Japanese site holds on the English one; the footer link reopens the settings", async () => {
  const { page, context, net } = await visit("/examples/cert/");
  await page.button("すべて同意する").click();
  await page.waitFor(() => window.__demoAnalyticsLoaded === true);
  await page.role("link", "English").click();
  await page.waitFor(() => location.pathname === "/examples/cert/en/" && document.readyState === "complete");
  await page.ready();
  await page.waitFor(() => window.__demoAnalyticsLoaded === true);
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), true);
  assert.equal(await page.button("Accept all").count(), 0, "no banner: the decision is kept");
  await page.role("link", "Cookie settings").click();
  await page.role("dialog").waitFor();
  assert.equal(await page.role("switch", "Analytics").attr("aria-checked"), "true");
  assert.ok(net.requests().every((u) => u.startsWith(`${ctx.origin}/`)));
  await context.close();
});

test("Project: the banner shows the site's own notice on access information", async () => {
  const { page, context } = await visit("/examples/project/");
  await page.inBanner("heading", "アクセス情報の利用について").waitFor();
  assert.match(await page.inBanner("region").text(), /アクセス情報（閲覧したページ、参照元、端末・ブラウザの情報など）/);
  await context.close();
});

test("Project contact form on a phone: reached, filled and sent by keyboard with the banner open, no field hidden under it; the banner reads nothing", async () => {
  const { page, context, net } = await visit("/examples/project/contact/", { viewport: { width: 375, height: 740 } });
  await page.button("すべて同意する").waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.tagName);
  for (let i = 0; i < 20 && (await focused()) !== "subject"; i++) await page.press("Tab");
  assert.equal(await focused(), "subject", "the first field is reachable by Tab while the banner shows");
  net.reset();
  for (const [field, text] of [["subject", "Data request"], ["name", "Yamada Taro"], ["email", "taro@example.jp"], ["tel", "03-1234-5678"], ["message", "Hello"]]) {
    assert.equal(await focused(), field);
    // Focus not obscured (WCAG 2.4.11): a focused field is never entirely under the banner.
    const clear = await page.evaluate(() => {
      const banner = document.querySelector("consent-banner").shadowRoot.querySelector("[role=region]").getBoundingClientRect();
      const at = document.activeElement.getBoundingClientRect();
      return at.top < banner.top || `${document.activeElement.name}: ${at.top}-${at.bottom} under the banner at ${banner.top}`;
    });
    assert.equal(clear, true);
    await page.type(text);
    await page.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "送信する");
  const values = await page.evaluate(() => Object.fromEntries(new FormData(document.querySelector("form"))));
  assert.deepEqual(values, { subject: "Data request", name: "Yamada Taro", email: "taro@example.jp", tel: "03-1234-5678", message: "Hello" });
  assert.deepEqual(net.requests(), [], "typing sends nothing");
  assert.equal(await page.inBanner("region").count(), 1, "the banner is still open");
  const posts = () => ctx.server.log.filter((e) => e.method === "POST" && e.path === "/examples/project/contact/").length;
  const before = posts();
  await page.press("Enter");
  await page.waitFor(() => document.querySelector("h1")?.textContent === "お問い合わせを受け付けました");
  assert.equal(posts(), before + 1, "the form reached the demo server");
  await page.ready();
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), false, "nothing was decided for the visitor");
  assert.equal(await page.evaluate(() => localStorage.getItem("consent-banner")), null);
  await context.close();
});

for (const [width, height] of [[320, 568], [375, 667]]) {
  test(`The contact page at ${width}×${height}: the submit button can be scrolled clear of the banner and a tap sends the form`, async () => {
    const { page, context } = await visit("/examples/project/contact/", { viewport: { width, height } });
    await page.button("すべて同意する").waitFor();
    // Once the first layer is laid out, the page has room for it below its end.
    await page.waitFor(() => document.documentElement.style.paddingBottom !== "");
    // As a visitor scrolls: until the button's bottom is a little above the banner's top.
    await page.evaluate(() => {
      const fields = { subject: "Data request", name: "Yamada Taro", email: "taro@example.jp", tel: "03-1234-5678", message: "Hello" };
      for (const [name, value] of Object.entries(fields)) document.querySelector(`[name=${name}]`).value = value;
      const r = document.querySelector("form [type=submit]").getBoundingClientRect();
      scrollBy(0, r.bottom - document.querySelector("consent-banner").shadowRoot.querySelector("[role=region]").getBoundingClientRect().top + 8);
    });
    await page.settle(200);
    const at = await page.evaluate(() => {
      const submit = document.querySelector("form [type=submit]");
      const r = submit.getBoundingClientRect();
      const top = document.querySelector("consent-banner").shadowRoot.querySelector("[role=region]").getBoundingClientRect().top;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { clear: r.top >= 0 && r.bottom <= top, hit: hit === submit, button: [Math.round(r.top), Math.round(r.bottom)], banner: Math.round(top) };
    });
    assert.ok(at.clear && at.hit, JSON.stringify(at));
    const posts = () => ctx.server.log.filter((e) => e.method === "POST" && e.path === "/examples/project/contact/").length;
    const before = posts();
    await page.button("送信する").click();
    await page.waitFor(() => document.querySelector("h1")?.textContent === "お問い合わせを受け付けました");
    assert.equal(posts(), before + 1);
    await context.close();
  });
}
