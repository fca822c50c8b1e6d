// The configurator: a form for every setting of the contract, the script tag and JSON block it
// amounts to, and a live preview of the real banner mounted from exactly that output. What is
// wrong with the settings is the banner's own judgement (consentBanner.validate), shown beside
// the field each problem's key names, worded in the configurator's language from its code: the
// configurator has no rules of its own.
const JA = document.documentElement.lang === "ja";
const t = (en, ja) => (JA ? ja : en);
const SCRIPT_SRC = "/assets/consent-banner/consent-banner.js";
const CONFIG_ID = "consent-config";
const LANGS = ["en", "ja"];
const CATEGORIES = [["analytics", t("Analytics", "分析")], ["functional", t("Functional", "機能")], ["marketing", t("Marketing", "広告")]];

// The script tag's settings: JSON key, attribute, label, control, default.
const SETTINGS = [
  { key: "gaId", attr: "data-ga-id", label: t("GA4 measurement ID", "GA4 測定ID"), placeholder: "G-XXXXXXXXXX" },
  { key: "policyUrl", attr: "data-policy-url", label: t("Privacy policy URL", "プライバシーポリシーのURL"), placeholder: "/privacy/" },
  { key: "lang", attr: "data-lang", label: t("Banner language", "バナーの言語"), initial: "auto",
    options: [["auto", t("The page's, else the browser's", "ページ、なければブラウザの言語")], ["en", "English"], ["ja", "日本語"]] },
  { key: "policyVersion", attr: "data-policy-version", label: t("Policy version (a new one asks again)", "ポリシーの版（変えると再度確認）"), initial: "1" },
  { key: "analyticsSrc", attr: "data-analytics-src", label: t("Analytics script URL, instead of Google's gtag.js (optional)", "分析スクリプトのURL（Google の gtag.js の代わりに読み込む場合）"), placeholder: "/analytics/gtag.js" },
  { key: "expiresDays", attr: "data-expires-days", label: t("Days a decision stays valid (1–395)", "同意の有効日数（1〜395）"), initial: "180", inputmode: "numeric" },
  { key: "gpc", attr: "data-gpc", label: t("Global Privacy Control signal", "GPC（グローバル・プライバシー・コントロール）"), initial: "respect",
    options: [["respect", t("Respect it: no banner, nothing loads", "尊重する（バナーを出さず何も読み込まない）")], ["ignore", t("Ignore it", "無視する")]] },
  { key: "theme", attr: "data-theme", label: t("Colours", "配色"), initial: "auto",
    options: [["auto", t("The visitor's setting (light or dark)", "閲覧者の設定に合わせる（ライト／ダーク）")], ["light", t("Light", "ライト")], ["dark", t("Dark", "ダーク")]] },
  { key: "layout", attr: "data-layout", label: t("Layout on wide screens", "広い画面での配置"), initial: "bar",
    options: [["bar", t("A bar along the bottom", "下端に帯で表示")], ["box", t("A card in the bottom corner", "右下にカードで表示")]] },
  { key: "reopen", attr: "data-reopen", label: t("Show the reopen control after a decision", "選択後に設定ボタンを表示する"), initial: "true", checkbox: true },
];
const TEXTS = [
  ["title", t("Banner title", "バナーの見出し")],
  ["description", t("Banner text", "バナーの本文")],
  ["policyLink", t("Policy link text", "ポリシーへのリンクの文言")],
  ["dialogTitle", t("Settings dialog title", "設定画面の見出し")],
  ["dialogDescription", t("Settings dialog text", "設定画面の説明")],
  ["region", t("Banner's name for screen readers", "スクリーンリーダー向けのバナーの名前")],
];
const SERVICE_TEXTS = [["recipient", t("Recipient", "送信先")], ["data", t("Information sent", "送信される情報")], ["purpose", t("Purpose", "利用目的")]];
const SERVICE_URLS = [["optOutUrl", t("Opt-out URL", "オプトアウトのURL")], ["policyUrl", t("Recipient's privacy policy URL", "送信先のプライバシーポリシーのURL")]];
const LANG_NAMES = { en: t("English", "英語"), ja: t("Japanese", "日本語") };
// What to enter instead of a value the banner refuses, per setting (Japanese; English uses the banner's own message).
const HINTS = {
  gaId: "G- に英数字が続く測定ID（例：G-XXXXXXXXXX）を入力してください。このままでは、同意があっても分析は動きません。",
  policyUrl: "http(s) または相対URL（例：/privacy/）を入力してください。このままではリンクを表示しません。",
  lang: "auto、en、ja のいずれかにしてください。",
  expiresDays: "1〜395 の整数を入力してください。このままでは 180 日を使います。",
  gpc: "respect か ignore にしてください。",
  reopen: "true か false にしてください。",
  theme: "auto、light、dark のいずれかにしてください。",
  layout: "bar か box にしてください。",
  analyticsSrc: "http(s) または相対URLを入力してください。このままでは読み込みません。",
};

const $ = (id) => document.getElementById(id);
const form = $("settings");

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A labelled control, with a place for the banner's messages about it. */
function field(id, label, control, problemKey) {
  control.id = id;
  const labelEl = el("label", { htmlFor: id, textContent: label });
  const wrap = control.type === "checkbox" ? el("div", { className: "check" }, control, labelEl) : el("div", { className: "field" }, labelEl, control);
  if (problemKey) {
    const note = el("p", { className: "problem", id: `problem-${problemKey}` });
    note.dataset.for = problemKey;
    control.setAttribute("aria-describedby", note.id);
    wrap.append(note);
  }
  return wrap;
}

function build() {
  const basics = el("fieldset", {}, el("legend", { textContent: t("Script tag", "scriptタグ") }));
  const src = el("input", { type: "text", name: "src", value: SCRIPT_SRC, spellcheck: false });
  basics.append(field("f-src", t("Where your site serves consent-banner.js", "consent-banner.js を置くURL"), src));
  for (const s of SETTINGS) {
    let control;
    if (s.checkbox) {
      control = el("input", { type: "checkbox", checked: s.initial === "true" });
    } else if (s.options) {
      control = el("select", {}, ...s.options.map(([value, text]) => el("option", { value, textContent: text })));
      control.value = s.initial;
    } else {
      control = el("input", { type: "text", value: s.initial ?? "", placeholder: s.placeholder ?? "", spellcheck: false });
      if (s.inputmode) control.inputMode = s.inputmode;
    }
    control.name = s.key;
    basics.append(field(`f-${s.key}`, s.label, control, s.key));
  }
  const categories = el("fieldset", {}, el("legend", { textContent: t("Optional categories (necessary is always on)", "任意のカテゴリ（必須は常に有効）") }));
  for (const [name, label] of CATEGORIES) {
    const box = el("input", { type: "checkbox", name: "category", value: name, checked: name === "analytics", id: `f-cat-${name}` });
    categories.append(el("div", { className: "check" }, box, el("label", { htmlFor: box.id, textContent: label })));
  }
  categories.append(el("p", { className: "problem", id: "problem-categories" }));

  const services = el("fieldset", { id: "services" }, el("legend", { textContent: t("Services (外部送信: what is sent to whom)", "サービス（外部送信の内容）") }));
  services.append(
    el("p", { className: "hint", textContent: t("With a GA4 ID and no service \"ga4\", the built-in Google Analytics 4 entry is used.", "GA4 測定IDがあり、id が「ga4」のサービスがなければ、Google アナリティクス 4 の既定の記載を使います。") }),
    el("div", { id: "service-list" }),
    el("button", { type: "button", id: "add-service", textContent: t("Add a service", "サービスを追加") }),
    el("p", { className: "problem", id: "problem-services" }),
  );
  const texts = el("fieldset", {}, el("legend", { textContent: t("Texts (empty: the built-in wording)", "文言（空欄は既定の文言）") }));
  for (const [key, label] of TEXTS) {
    for (const lang of LANGS) {
      const control = el(key.endsWith("escription") ? "textarea" : "input", { name: `text-${lang}-${key}`, rows: 3, lang });
      texts.append(field(`f-text-${lang}-${key}`, `${label} (${LANG_NAMES[lang]})`, control));
    }
  }
  texts.append(el("p", { className: "problem", id: "problem-texts" }));
  const look = el("fieldset", {}, el("legend", { textContent: t("Your brand (CSS, optional)", "サイトの配色（CSS、任意）") }));
  const accent = el("input", { type: "color", name: "accent", value: "#0b57d0" });
  const useAccent = el("input", { type: "checkbox", name: "use-accent" });
  look.append(
    field("f-use-accent", t("Use my own accent colour", "独自のアクセント色を使う"), useAccent),
    field("f-accent", t("Accent colour (buttons, links, switches)", "アクセント色（ボタン、リンク、スイッチ）"), accent, "accent"),
    el("p", { className: "hint", textContent: t("Keep 4.5:1 contrast against the banner's background and its white button text (WCAG AA).", "背景色およびボタンの白い文字とのコントラスト比を 4.5:1 以上に保ってください（WCAG AA）。") }),
  );
  const more = el("fieldset", {}, el("legend", { textContent: t("More settings (JSON, optional)", "その他の設定（JSON、任意）") }));
  const extra = el("textarea", { name: "extra", rows: 5, spellcheck: false, placeholder: '{ "policyUrl": { "ja": "/privacy/", "en": "/en/privacy/" }, "texts": { "ko": { … } } }' });
  more.append(
    el("p", { className: "hint", textContent: t("Merged into the configuration: a privacy policy per language, a language of your own (texts.ko with every text), cookies to delete per category.", "設定に追加されます：言語ごとのプライバシーポリシー、独自の言語（texts.ko にすべての文言）、カテゴリごとに削除するCookieなど。") }),
    field("f-extra", t("Configuration to add", "追加する設定"), extra, "extra"),
  );
  form.append(basics, categories, services, texts, look, more);
  $("add-service").addEventListener("click", () => {
    addService();
    update();
  });
}

let services = 0;
function addService() {
  const n = ++services;
  const box = el("fieldset", { className: "service" }, el("legend", { textContent: `${t("Service", "サービス")} ${n}` }));
  box.append(field(`f-svc-${n}-id`, "id", el("input", { name: "svc-id", spellcheck: false })));
  const category = el("select", { name: "svc-category" }, ...CATEGORIES.map(([value, text]) => el("option", { value, textContent: text })));
  box.append(field(`f-svc-${n}-category`, t("Category", "カテゴリ"), category));
  for (const [key, label] of SERVICE_TEXTS) {
    for (const lang of LANGS) box.append(field(`f-svc-${n}-${key}-${lang}`, `${label} (${LANG_NAMES[lang]})`, el("input", { name: `svc-${key}-${lang}`, lang })));
  }
  for (const [key, label] of SERVICE_URLS) box.append(field(`f-svc-${n}-${key}`, label, el("input", { name: `svc-${key}`, spellcheck: false })));
  const remove = el("button", { type: "button", textContent: `${t("Remove service", "削除：サービス")} ${n}` });
  remove.addEventListener("click", () => {
    box.remove();
    update();
  });
  box.append(remove);
  $("service-list").append(box);
}

/** The form as the contract's settings. */
function read() {
  const value = (name) => form.elements[name];
  const attrs = [];
  for (const s of SETTINGS) {
    const control = value(s.key);
    const v = s.checkbox ? String(control.checked) : control.value.trim();
    if (v !== "" && v !== (s.initial ?? "")) attrs.push([s.attr, v]);
  }
  const config = {};
  const categories = [...form.querySelectorAll("input[name=category]:checked")].map((c) => c.value);
  if (categories.join() !== "analytics") config.categories = categories;
  const list = [...form.querySelectorAll(".service")].map((box) => {
    const get = (name) => box.querySelector(`[name="${name}"]`).value.trim();
    const service = { id: get("svc-id"), category: get("svc-category") };
    for (const [key] of SERVICE_TEXTS) {
      const both = Object.fromEntries(LANGS.map((lang) => [lang, get(`svc-${key}-${lang}`)]).filter(([, v]) => v));
      if (Object.keys(both).length) service[key] = both;
    }
    for (const [key] of SERVICE_URLS) if (get(`svc-${key}`)) service[key] = get(`svc-${key}`);
    return service;
  });
  if (list.length) config.services = list;
  const texts = {};
  for (const lang of LANGS) {
    for (const [key] of TEXTS) {
      const v = value(`text-${lang}-${key}`).value.trim();
      if (v) (texts[lang] ??= {})[key] = v;
    }
  }
  if (Object.keys(texts).length) config.texts = texts;
  const extra = value("extra").value.trim();
  let extraError = "";
  if (extra) {
    try {
      const more = JSON.parse(extra);
      if (more && typeof more === "object" && !Array.isArray(more)) {
        for (const [key, v] of Object.entries(more)) config[key] = key === "texts" && config.texts ? { ...config.texts, ...v } : v;
      } else extraError = t("This is not a JSON object.", "JSONオブジェクトではありません。");
    } catch (e) {
      extraError = `${t("Not valid JSON:", "JSONとして正しくありません：")} ${e.message}`;
    }
  }
  const accent = value("use-accent").checked ? value("accent").value : "";
  return { attrs, config, accent, extraError };
}

const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** The Subresource Integrity of the build this page serves (the folder a site copies), once known. */
let integrity = "";
(async () => {
  try {
    const bytes = await (await fetch(SCRIPT_SRC)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", bytes));
    integrity = `sha384-${btoa(String.fromCharCode(...digest))}`;
    update();
  } catch {
    // No SubtleCrypto (not a secure context): the tag goes without it.
  }
})();

/** What a site owner pastes: the tag, and the JSON block when a setting needs one. The tag pins
 * the build with its integrity (the loader then pins the module with its own). */
function output({ attrs, config, src = form.elements.src.value.trim() || SCRIPT_SRC }) {
  const json = Object.keys(config).length > 0;
  const all = [["src", src], ...(integrity ? [["integrity", integrity]] : []), ...attrs, ...(json ? [["data-config", CONFIG_ID]] : [])];
  const tag = `<script ${all.map(([k, v]) => `${k}="${attr(v)}"`).join("\n        ")}\n        defer></script>`;
  // "<" escaped, so no text can close the element early.
  const block = json ? `<script type="application/json" id="${CONFIG_ID}">\n${JSON.stringify(config, null, 2).replace(/</g, "\\u003c")}\n</script>` : "";
  return { tag, block };
}

/** The CSS for the site's stylesheet, when it sets a colour of its own. */
function css({ accent }) {
  return accent ? `consent-banner {\n  --consent-banner-accent: ${accent};\n}` : "";
}

let redraws = 0;
let timer;
/** What the preview shows now. */
let shown = "";
function update() {
  const settings = read();
  check(settings);
  const { tag, block } = output(settings);
  $("out-tag").value = tag;
  $("out-json").value = block || t("(none needed: the tag holds every setting)", "（不要：すべての設定がタグにあります）");
  $("out-json").dataset.empty = block ? "" : "true";
  $("out-css").value = css(settings) || t("(none: the built-in colours)", "（なし：既定の配色）");
  $("out-css").dataset.empty = settings.accent ? "" : "true";
  $("problem-extra").textContent = settings.extraError;
  clearTimeout(timer);
  timer = setTimeout(() => {
    // The preview loads the demo's own copy, wherever the site will serve it; it is reloaded only
    // when what it would show changes, so a field's change event (on blur) never eats a click in it.
    const here = output({ ...read(), src: SCRIPT_SRC });
    const text = here.block ? `${here.block}\n${here.tag}` : here.tag;
    const query = `lang=${JA ? "ja" : "en"}${settings.accent ? `&accent=${encodeURIComponent(settings.accent)}` : ""}`;
    if (`${query}#${text}` === shown) return;
    shown = `${query}#${text}`;
    $("preview").src = `/configure/preview.html?${query}&redraw=${++redraws}#${encodeURIComponent(text)}`;
  }, 250);
}

const settingOf = (key) => SETTINGS.find((s) => s.attr === key || s.key === key);
const categoryLabel = (name) => CATEGORIES.find(([value]) => value === name)?.[1] ?? name;

/** A problem in the configurator's language: the banner's English, or Japanese from its code. */
function wording(p) {
  if (!JA) return p.message.replace(/^consent-banner: /, "");
  const setting = settingOf(p.key);
  switch (p.code) {
    case "invalid-value":
      return `${setting?.label ?? p.key}：「${p.value}」は使えません。${HINTS[setting?.key] ?? ""}`;
    case "wrong-type":
      return `${setting?.label ?? p.key}：値の種類が違います（${p.value}）。既定の値を使います。`;
    case "unknown-key":
      return `「${p.key}」という項目はないため、無視されます。`;
    case "unknown-category":
      return `カテゴリ「${p.value}」はないため、無視されます。`;
    case "invalid-service":
      return `サービス（${p.key}）の記載に不備があるため、使われません。id、カテゴリ、http(s) または相対URLを確認してください。`;
    case "low-contrast":
      return `アクセント色のコントラスト比が ${p.value} しかありません。WCAG AA には 4.5:1 が必要です。ライトの配色なら濃い色、ダークの配色なら明るい色を選ぶか、配色をどちらかに固定してください。`;
    case "service-category-off":
      return `サービス「${p.subject}」のカテゴリ「${categoryLabel(p.value)}」が選ばれていないため、表示されません。「${categoryLabel(p.value)}」にチェックを入れてください。`;
    default:
      return p.message.replace(/^consent-banner: /, "");
  }
}

/** Asks the banner what it makes of the settings: the preview's, once it has started (this page
 * has no banner of its own, so nothing covers the form). `validate` depends on its arguments only,
 * so the copy in a preview being replaced answers as well as the next. */
function check({ attrs, config, accent }) {
  const banner = $("preview").contentWindow?.consentBanner;
  if (!banner?.validate) return void setTimeout(() => check(read()), 50);
  show(banner.validate(config, Object.fromEntries(attrs), accent ? { accent } : undefined));
}

/** The banner's own judgement, beside the setting each problem's key names. */
function show(problems) {
  for (const note of document.querySelectorAll(".problem")) note.textContent = "";
  const general = $("problem-general");
  for (const p of problems) {
    const setting = settingOf(p.key);
    const section = ["categories", "services", "texts"].find((k) => p.key.startsWith(k)) ?? (p.key === "--consent-banner-accent" ? "accent" : undefined);
    const note = setting ? $(`problem-${setting.key}`) : section ? $(`problem-${section}`) : general;
    note.append(el("span", { className: p.level, textContent: wording(p) }));
  }
  const errors = problems.filter((p) => p.level === "error").length;
  $("problem-count").textContent = problems.length
    ? t(`The banner reports ${problems.length} problem(s) with these settings.`, `この設定には問題が ${problems.length} 件あります。`)
    : t("The banner accepts these settings.", "この設定に問題はありません。");
  // Still copyable on purpose (to try it out), and said so.
  document.querySelector(".output").dataset.ready = errors ? "false" : "true";
  $("output-status").textContent = errors
    ? t("Not ready: the banner would ignore what is marked above. You can still copy it to try it out.", "まだ使えません：上に示した設定はバナーに無視されます。試すためにコピーすることはできます。")
    : t("Ready to copy.", "コピーして使えます。");
}


for (const id of ["copy-tag", "copy-json", "copy-css"]) {
  $(id).addEventListener("click", async (e) => {
    const source = $(e.currentTarget.getAttribute("aria-controls"));
    if (source.dataset.empty === "true") return;
    try {
      await navigator.clipboard.writeText(source.value);
      e.currentTarget.textContent = t("Copied", "コピーしました");
    } catch {
      source.select();
    }
  });
}

build();
form.addEventListener("input", update);
form.addEventListener("change", update);
update();
