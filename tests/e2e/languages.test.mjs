// A language the site adds (Korean here): reached by the page's language, by data-lang and by the
// switch, which offers every language by its own name; the banner, the dialog and the 外部送信
// table speak it, and each language gets its own policy URL.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

const KO = {
  language: "한국어", title: "이 사이트의 쿠키", description: "동의하신 경우에만 분석 쿠키를 사용합니다. 언제든지 변경할 수 있습니다.",
  policyLink: "개인정보 처리방침", acceptAll: "모두 동의", rejectAll: "모두 거부", settings: "설정", save: "설정 저장",
  reopen: "쿠키 설정", dialogTitle: "쿠키 설정", dialogDescription: "이 사이트가 사용할 수 있는 쿠키를 선택하세요.",
  close: "닫기", alwaysOn: "항상 사용", region: "쿠키 동의", recipient: "수신자", data: "전송되는 정보",
  purpose: "이용 목적", optOut: "거부", links: "거부 및 정책", servicePolicy: "개인정보 처리방침", separator: ": ",
  necessary: "필수", necessaryText: "사이트 작동과 이 선택의 기록에 필요합니다.", analytics: "분석",
  analyticsText: "사이트 이용 현황을 분석하여 개선하는 데 사용합니다.", functional: "기능",
  functionalText: "설정을 기억하고 추가 기능을 제공합니다.", marketing: "광고", marketingText: "광고를 표시하고 효과를 측정합니다.",
};
const CONFIG = {
  policyUrl: { ja: "/privacy/", en: "/en/privacy/" },
  services: [{ id: "ga4", category: "analytics", recipient: { en: "Google LLC", ja: "Google LLC", ko: "Google LLC (구글 애널리틱스)" },
    data: { en: "Pages viewed", ja: "閲覧したページ", ko: "열람한 페이지" }, purpose: { en: "Analytics", ja: "分析", ko: "이용 분석" } }],
  texts: { ko: KO },
};

const page = (lang, attrs = {}) =>
  html({
    lang,
    attrs: { "data-ga-id": "G-TEST123", "data-config": "cfg", ...attrs },
    head: `<script type="application/json" id="cfg">${JSON.stringify(CONFIG)}</script>`,
    body: "<consent-disclosure></consent-disclosure>",
  });

const switchNames = (p) => p.evaluate(() => [...document.querySelector("consent-banner").shadowRoot.querySelectorAll(".banner [data-action=lang]")].map((b) => `${b.lang}:${b.textContent}`));

test("A Korean page gets the site's Korean catalogue: banner, dialog, 外部送信 table and a switch to every other language", async () => {
  const { page: p, context } = await open(ctx, page("ko"));
  await p.button("모두 동의").waitFor();
  assert.equal(await p.inBanner("region", "쿠키 동의").attr("lang"), "ko");
  assert.deepEqual(await switchNames(p), ["en:English", "ja:日本語"]);
  // No Korean policy URL: the first one given.
  assert.equal(await p.inBanner("link", "개인정보 처리방침").attr("href"), "/privacy/");
  const table = await p.evaluate(() => ({
    lang: document.querySelector("consent-disclosure table").lang,
    head: [...document.querySelectorAll("consent-disclosure th")].map((th) => th.textContent),
    row: [...document.querySelectorAll("consent-disclosure td")].slice(0, 3).map((td) => td.textContent),
  }));
  assert.deepEqual(table, { lang: "ko", head: ["수신자", "전송되는 정보", "이용 목적", "거부 및 정책"], row: ["Google LLC (구글 애널리틱스)", "열람한 페이지", "이용 분석"] });
  await p.button("설정").click();
  await p.role("dialog", "쿠키 설정").waitFor();
  assert.equal(await p.role("dialog", "쿠키 설정").attr("lang"), "ko");
  await p.button("설정 저장").waitFor();
  await p.role("switch", "분석").waitFor();
  // The switch in the dialog: Japanese, everywhere at once, and remembered with the decision.
  await p.css("consent-banner").evaluate((host) => host.shadowRoot.querySelector("dialog [data-action=lang][lang=ja]").click());
  await p.role("dialog", "Cookie設定").waitFor();
  await p.css("consent-banner").evaluate((host) => host.shadowRoot.querySelector("dialog [data-action=accept]").click());
  await p.waitFor(() => window.__gtagRuns === 1);
  const stored = JSON.parse(await p.evaluate(() => localStorage.getItem("consent-banner")));
  assert.deepEqual([stored.lang, stored.langChosen], ["ja", true]);
  assert.equal(await p.evaluate(() => document.querySelector("consent-disclosure table").lang), "ja");
  assert.deepEqual(problems(await p.messages()), []);
  await context.close();
});

test("data-lang names an added language; the English page's banner then speaks Korean, and English has its own policy URL", async () => {
  const { page: p, context } = await open(ctx, page("en", { "data-lang": "ko" }));
  await p.button("모두 동의").waitFor();
  await p.css("consent-banner").evaluate((host) => host.shadowRoot.querySelector(".banner [data-action=lang][lang=en]").click());
  await p.button("Accept all").waitFor();
  assert.deepEqual(await switchNames(p), ["ja:日本語", "ko:한국어"]);
  assert.equal(await p.inBanner("link", "Privacy policy").attr("href"), "/en/privacy/");
  assert.deepEqual(problems(await p.messages()), []);
  await context.close();
});

test("An added language missing a text: one error naming the language and the key, and English in its place", async () => {
  const { acceptAll, ...partial } = KO;
  const config = { ...CONFIG, texts: { ko: partial } };
  const body = `<script type="application/json" id="cfg">${JSON.stringify(config)}</script>`;
  const { page: p, context } = await open(ctx, html({ lang: "ko", attrs: { "data-ga-id": "G-TEST123", "data-config": "cfg" }, body }));
  await p.button("Accept all").waitFor();
  await p.button("모두 거부").waitFor();
  const errs = problems(await p.messages()).map((m) => m.text);
  assert.equal(errs.length, 1, JSON.stringify(errs));
  assert.match(errs[0], /"acceptAll" in texts\.ko/);
  await context.close();
});
