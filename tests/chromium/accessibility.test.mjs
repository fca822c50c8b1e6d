// Accessibility, measured: axe-core inside <consent-banner> (banner and dialog, both languages,
// light and dark), target sizes, 320 px phones, colour scheme and reduced motion.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, test } from "node:test";
import { banner, html, open, setup } from "./harness.mjs";

const ctx = setup();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const NAMES = {
  en: { accept: "Accept all", settings: "Settings" },
  ja: { accept: "すべて同意する", settings: "設定" },
};
const axeReport = [];
// Every finding, whatever its impact, for the record: target/axe-report.json.
after(() => {
  mkdirSync("target", { recursive: true });
  writeFileSync("target/axe-report.json", JSON.stringify(axeReport, null, 1));
});

/** axe violations whose nodes are inside the banner, with their impact. */
async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)).filter((t) => t.includes("consent-banner")),
    }));
  });
  return violations.filter((v) => v.nodes.length > 0);
}

for (const lang of ["en", "ja"]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe: no serious or critical violation in the banner and the dialog (${lang}, ${colorScheme})`, async () => {
      const { page, context } = await open(ctx, html({ lang }), { contextOptions: { colorScheme } });
      await page.getByRole("button", { name: NAMES[lang].accept, exact: true }).waitFor();
      const onBanner = await axe(page);
      await page.getByRole("button", { name: NAMES[lang].settings, exact: true }).click();
      await page.getByRole("dialog").waitFor();
      const onDialog = await axe(page);
      for (const [where, list] of [["banner", onBanner], ["dialog", onDialog]]) {
        axeReport.push({ lang, colorScheme, where, violations: list.map((v) => `${v.id}:${v.impact}`) });
        const bad = list.filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(bad, [], `${where}: ${JSON.stringify(bad)}`);
      }
      await context.close();
    });
  }
}

test("axe itself sees a contrast failure inside the shadow root (the check can fail)", async () => {
  const { page, context } = await open(ctx, html());
  await page.getByRole("button", { name: "Accept all", exact: true }).waitFor();
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("button{color:#ccc !important;background:#fff !important}");
    const root = document.querySelector("consent-banner").shadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  });
  const found = await axe(page);
  assert.ok(found.some((v) => v.id === "color-contrast"), JSON.stringify(found));
  await context.close();
});

test("Every button and switch is at least 24×24 CSS px, in the banner, the dialog and the reopen control", async () => {
  const { page, context } = await open(ctx, html(), { contextOptions: { viewport: { width: 375, height: 740 } } });
  const sizes = async () =>
    banner(page).evaluate((host) => [...host.shadowRoot.querySelectorAll("button")].map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.getAttribute("aria-label") || b.textContent || b.dataset.category, w: r.width, h: r.height };
    }));
  await page.getByRole("button", { name: "Accept all", exact: true }).waitFor();
  const all = await sizes();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  all.push(...(await sizes()));
  await page.getByRole("button", { name: "Save settings", exact: true }).click();
  all.push(...(await sizes()));
  assert.ok(all.length >= 12, `${all.length} controls measured`);
  for (const s of all) assert.ok(s.w >= 24 && s.h >= 24, JSON.stringify(s));
  await context.close();
});

for (const lang of ["en", "ja"]) {
  test(`At 375 px (${lang}): accept and reject are the same size`, async () => {
    const { page, context } = await open(ctx, html({ lang }), { contextOptions: { viewport: { width: 375, height: 740 } } });
    await page.getByRole("button", { name: NAMES[lang].accept, exact: true }).waitFor();
    const boxes = await page.evaluate(() => [...document.querySelector("consent-banner").shadowRoot.querySelectorAll(".banner button.choice")].map((b) => { const r = b.getBoundingClientRect(); return `${Math.round(r.width)}x${Math.round(r.height)}`; }));
    assert.equal(boxes[0], boxes[1], String(boxes));
    await context.close();
  });

  test(`At 320 px (${lang}): no sideways scrolling, every button on screen, in the banner and the dialog`, async () => {
    const { page, context } = await open(ctx, html({ lang }), { contextOptions: { viewport: { width: 320, height: 640 } } });
    await page.getByRole("button", { name: NAMES[lang].accept, exact: true }).waitFor();
    const check = async (scope) => {
      const r = await page.evaluate((scope) => {
        const root = document.querySelector("consent-banner").shadowRoot;
        const buttons = [...root.querySelectorAll(`${scope} button`)].map((b) => b.getBoundingClientRect());
        return {
          scrollWidth: document.documentElement.scrollWidth,
          off: buttons.filter((r) => r.left < 0 || r.right > innerWidth || r.top < 0 || r.bottom > innerHeight).length,
          count: buttons.length,
          // Accept and reject: the same box at every width.
          pair: [...root.querySelectorAll(`${scope} button.choice`)].map((b) => { const r = b.getBoundingClientRect(); return `${Math.round(r.width)}x${Math.round(r.height)}`; }),
        };
      }, scope);
      assert.ok(r.count >= 4, JSON.stringify(r));
      assert.equal(r.scrollWidth, 320, "no horizontal scroll");
      assert.equal(r.off, 0, `${scope}: ${JSON.stringify(r)}`);
      assert.equal(r.pair.length, 2);
      assert.equal(r.pair[0], r.pair[1], `${scope}: accept and reject differ: ${r.pair}`);
    };
    await check(".banner");
    await page.getByRole("button", { name: NAMES[lang].settings, exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await check("dialog");
    await context.close();
  });
}

test("prefers-color-scheme: dark gives the dark palette; prefers-reduced-motion stops the switch animation", async () => {
  const look = async (contextOptions) => {
    const { page, context } = await open(ctx, html(), { contextOptions });
    await page.getByRole("button", { name: "Accept all", exact: true }).waitFor();
    const bg = await banner(page).getByRole("region").evaluate((e) => getComputedStyle(e).backgroundColor);
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    const transition = await page.getByRole("switch", { name: "Analytics" }).evaluate((e) => getComputedStyle(e, "::after").transitionDuration);
    await context.close();
    return { bg, transition };
  };
  const light = await look({ colorScheme: "light" });
  const dark = await look({ colorScheme: "dark", reducedMotion: "reduce" });
  assert.equal(light.bg, "rgb(255, 255, 255)");
  assert.equal(dark.bg, "rgb(31, 35, 40)");
  assert.notEqual(light.transition, "0s");
  assert.equal(dark.transition, "0s");
});
