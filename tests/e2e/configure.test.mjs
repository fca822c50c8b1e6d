// The configurator: the banner's own judgement beside each field, a live preview, and an output
// that, pasted into a blank page, gives exactly the previewed banner.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSite } from "../../scripts/serve.mjs";
import { assertClean, open, problems, setup } from "./harness.mjs";

const ctx = setup(demoSite());
const visit = (path, options = {}) => open(ctx, null, { url: `${ctx.origin}${path}`, ...options });

/** The preview's banner as text (its shadow root), once it shows. */
const previewed = (page, accept) =>
  page.waitFor((accept) => {
    const host = document.getElementById("preview").contentDocument?.querySelector("consent-banner");
    const text = host?.shadowRoot?.textContent ?? "";
    return text.includes(accept) && text;
  }, accept, { what: "the preview's banner" });

/** Types `text` into the field labelled `label` (replacing what is there), as a visitor does. */
async function fill(page, label, text) {
  await page.evaluate((label) => {
    const field = [...document.querySelectorAll("label")].find((l) => l.textContent === label)?.control;
    field.focus();
    field.select?.();
  }, label);
  await page.type(text);
}

for (const [path, accept] of [["/configure/", "Accept all"], ["/ja/configure/", "すべて同意する"]]) {
  test(`${path}: the preview shows the banner; nothing from another origin, no CSP violation, nothing logged`, async () => {
    const { page, context, net } = await visit(path);
    assert.match(await previewed(page, accept), new RegExp(accept));
    // The preview is the page's only banner: nothing covers the form.
    assert.equal(await page.css("consent-banner").count(), 0);
    await page.settle(300);
    await assertClean(ctx, page, net);
    assert.equal(await page.evaluate(() => localStorage.getItem("consent-banner")), null, "the preview keeps its storage apart");
    await context.close();
  });
}

test("The configurator's fields and outputs have the names the contract gives them", async () => {
  const { page, context } = await visit("/configure/");
  const labelled = await page.evaluate(() => [...document.querySelectorAll("input, textarea")].map((c) => c.labels?.[0]?.textContent));
  for (const name of ["GA4 measurement ID", "Privacy policy URL", "Script tag", "Configuration JSON"]) assert.ok(labelled.includes(name), name);
  await context.close();
});

test("A bad GA4 ID shows the banner's own message beside the field", async () => {
  const { page, context } = await visit("/configure/");
  await previewed(page, "Accept all");
  await fill(page, "GA4 measurement ID", "UA-12345-1");
  const note = await page.waitFor(() => document.getElementById("problem-gaId").textContent, null, { what: "the GA4 ID's message" });
  assert.match(note, /data-ga-id/);
  assert.match(note, /UA-12345-1/);
  assert.equal(await page.evaluate(() => document.getElementById("f-gaId").getAttribute("aria-describedby")), "problem-gaId");
  // Fixed, the message goes.
  await fill(page, "GA4 measurement ID", "G-GOOD12345");
  await page.waitFor(() => document.getElementById("problem-gaId").textContent === "", null, { what: "the message to go" });
  assert.match(await page.css("#out-tag").evaluate((t) => t.value), /data-ga-id="G-GOOD12345"/);
  await context.close();
});

test("The output pasted into a blank page gives the previewed banner", async () => {
  const { page, context } = await visit("/configure/");
  await previewed(page, "Accept all");
  await fill(page, "GA4 measurement ID", "G-PASTE1234");
  await fill(page, "Privacy policy URL", "/policy/");
  await fill(page, "Banner title (English)", "Cookies & you <b>");
  await page.css("#f-cat-marketing").click();
  const preview = await page.waitFor(() => {
    const text = document.getElementById("preview").contentDocument?.querySelector("consent-banner")?.shadowRoot?.textContent ?? "";
    return text.includes("Cookies & you <b>") && text;
  }, null, { what: "the redrawn preview" });
  const out = await page.evaluate(() => ({ tag: document.getElementById("out-tag").value, json: document.getElementById("out-json").value }));
  assert.match(out.json, /"marketing"/);
  assert.match(out.tag, /data-config="consent-config"/);
  await context.close();
  const blank = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title>${out.json}${out.tag}</head><body></body></html>`;
  const pasted = await open(ctx, blank, { path: "/pasted.html" });
  await pasted.page.button("Accept all").waitFor();
  const text = await pasted.page.evaluate(() => document.querySelector("consent-banner").shadowRoot.textContent);
  assert.equal(text, preview);
  assert.equal(await pasted.page.inBanner("link", "Privacy policy").attr("href"), "/policy/");
  assert.deepEqual(problems(await pasted.page.messages()), []);
  await pasted.context.close();
});

test("The script's URL is the site's; the preview keeps using the demo's copy", async () => {
  const { page, context } = await visit("/configure/");
  await previewed(page, "Accept all");
  await fill(page, "Where your site serves consent-banner.js", "/static/cb/consent-banner.js");
  await fill(page, "Banner title (English)", "Redrawn");
  await page.waitFor(() => document.getElementById("preview").contentDocument?.querySelector("consent-banner")?.shadowRoot?.textContent.includes("Redrawn"), null, { what: "the redrawn preview" });
  assert.match(await page.css("#out-tag").evaluate((t) => t.value), /^<script src="\/static\/cb\/consent-banner.js"/);
  await context.close();
});

test("The Japanese configurator words the banner's problems in Japanese, beside the field to change", async () => {
  const { page, context } = await visit("/ja/configure/");
  await previewed(page, "すべて同意する");
  await fill(page, "GA4 測定ID", "UA-12345-1");
  const note = await page.waitFor(() => document.getElementById("problem-gaId").textContent, null, { what: "the GA4 ID's message" });
  assert.match(note, /「UA-12345-1」は使えません/);
  assert.match(note, /G- に英数字が続く測定ID/);
  // A service in a category that is not ticked: said beside the categories, naming the box to tick.
  await page.css("#add-service").click();
  await page.evaluate(() => {
    const box = document.querySelector(".service");
    box.querySelector("[name=svc-id]").value = "youtube";
    box.querySelector("[name=svc-category]").value = "functional";
    box.querySelector("[name=svc-id]").dispatchEvent(new Event("input", { bubbles: true }));
  });
  const categories = await page.waitFor(() => document.getElementById("problem-categories").textContent, null, { what: "the category's message" });
  assert.match(categories, /サービス「youtube」のカテゴリ「機能」が選ばれていない/);
  assert.match(categories, /「機能」にチェックを入れてください/);
  assert.doesNotMatch(categories + note, /consent-banner:|functional|is not/);
  await page.css("#f-cat-functional").click();
  await page.waitFor(() => document.getElementById("problem-categories").textContent === "", null, { what: "the message to go" });
  await context.close();
});

test("The output is marked not ready while the banner reports an error, and the preview is not reloaded by a change that changes nothing", async () => {
  const { page, context } = await visit("/configure/");
  await previewed(page, "Accept all");
  await fill(page, "GA4 measurement ID", "UA-12345-1");
  await page.waitFor(() => document.querySelector(".output").dataset.ready === "false", null, { what: "not ready" });
  assert.match(await page.css("#output-status").text(), /Not ready/);
  assert.equal(await page.css("#copy-tag").disabled(), false, "still copyable, on purpose");
  await fill(page, "GA4 measurement ID", "G-GOOD12345");
  await page.waitFor(() => document.querySelector(".output").dataset.ready === "true", null, { what: "ready" });
  // A change event (a field losing focus, as when the visitor then clicks in the preview) with
  // nothing new to show leaves the preview as it is, so that click is not lost to a reload.
  await page.waitFor(() => document.getElementById("preview").src.includes("G-GOOD12345") || decodeURIComponent(document.getElementById("preview").src).includes("G-GOOD12345"), null, { what: "the redrawn preview" });
  await page.settle(400);
  const before = await page.evaluate(() => document.getElementById("preview").src);
  await page.evaluate(() => document.getElementById("f-gaId").dispatchEvent(new Event("change", { bubbles: true })));
  await page.settle(600);
  assert.equal(await page.evaluate(() => document.getElementById("preview").src), before);
  await context.close();
});

test("The accent colour reaches the preview and the CSS to copy; extra JSON adds a language of the site's own", async () => {
  const { page, context } = await visit("/configure/");
  await previewed(page, "Accept all");
  await page.evaluate(() => {
    const form = document.getElementById("settings");
    form.elements["use-accent"].checked = true;
    form.elements["accent"].value = "#7a1f5c";
    form.elements["accent"].dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitFor(() => document.getElementById("out-css").value.includes("--consent-banner-accent: #7a1f5c"), null, { what: "the CSS" });
  const accent = await page.waitFor(() => {
    const host = document.getElementById("preview").contentDocument?.querySelector("consent-banner");
    const button = host?.shadowRoot?.querySelector("[data-action=accept]");
    const colour = button && getComputedStyle(button).backgroundColor;
    return colour === "rgb(122, 31, 92)" && colour;
  }, null, { what: "the preview's accent" });
  assert.equal(accent, "rgb(122, 31, 92)");
  // Dark enough for a light banner, not for a dark one: with the theme left to the visitor's
  // setting, the banner's own rule says so beside the colour; fixed to light, it is fine.
  const note = await page.waitFor(() => document.getElementById("problem-accent").textContent, null, { what: "the contrast warning" });
  assert.match(note, /--consent-banner-accent has a contrast of \d+(\.\d)?:1/);
  await page.evaluate(() => {
    const theme = document.getElementById("settings").elements["theme"];
    theme.value = "light";
    theme.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitFor(() => document.getElementById("problem-accent").textContent === "", null, { what: "the warning to go" });
  // A language of the site's own, partly written: the banner's problems say which texts are missing.
  await page.evaluate(() => {
    const extra = document.getElementById("settings").elements["extra"];
    extra.value = JSON.stringify({ texts: { ko: { language: "한국어", acceptAll: "모두 동의" } } });
    extra.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const texts = await page.waitFor(() => document.getElementById("problem-texts").textContent, null, { what: "the missing texts" });
  assert.match(texts, /"title" in texts\.ko is missing/);
  assert.match(await page.css("#out-json").evaluate((t) => t.value), /"ko"/);
  await context.close();
});

test("The script tag carries the Subresource Integrity of the build the configurator serves", async () => {
  const { createHash } = await import("node:crypto");
  const { readFileSync } = await import("node:fs");
  const expected = `sha384-${createHash("sha384").update(readFileSync("dist/script/consent-banner.js")).digest("base64")}`;
  const { page, context } = await visit("/configure/");
  const tag = await page.waitFor(() => document.getElementById("out-tag").value.includes("integrity=") && document.getElementById("out-tag").value, null, { what: "the integrity" });
  assert.ok(tag.includes(`integrity="${expected}"`), tag);
  await context.close();
});
