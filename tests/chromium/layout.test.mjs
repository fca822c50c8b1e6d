// What only Chromium can measure or has here: layout-shift entries (the Layout Instability API is
// Chromium's alone) and phrase-aware line breaking (word-break: auto-phrase). The rest of what a
// visitor sees runs in every engine: tests/e2e/.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, settle, setup } from "./harness.mjs";

const ctx = setup();

for (const lang of ["en", "ja"]) {
  test(`No layout shift while the banner appears and while the dialog opens and closes (${lang})`, async () => {
    const { page, context } = await open(ctx, html({ lang }), {
      init: () => {
        window.__cls = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__cls += e.value))).observe({ type: "layout-shift", buffered: true });
      },
    });
    const settings = lang === "en" ? "Settings" : "設定";
    await page.getByRole("button", { name: settings, exact: true }).waitFor();
    await settle(page, 500);
    assert.equal(await page.evaluate(() => window.__cls), 0, "banner");
    await page.getByRole("button", { name: settings, exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await settle(page, 300);
    assert.equal(await page.evaluate(() => window.__cls), 0, "dialog");
    // The observer does see shifts: a control that moves the page counts.
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement("div"), { style: "height:200px" })));
    await settle(page, 300);
    assert.ok((await page.evaluate(() => window.__cls)) > 0, "a real shift is measured");
    await context.close();
  });
}

test("Japanese text breaks between phrases, not inside words (word-break: auto-phrase), English as usual", async () => {
  for (const [lang, expected] of [["ja", "auto-phrase"], ["en", "normal"]]) {
    const { page, context } = await open(ctx, html({ lang }), { contextOptions: { viewport: { width: 1280, height: 800 } } });
    await page.getByRole("region").waitFor();
    const wordBreak = await page.evaluate(() => getComputedStyle(document.querySelector("consent-banner").shadowRoot.querySelector(".text p")).wordBreak);
    assert.equal(wordBreak, expected, lang);
    await context.close();
  }
});
