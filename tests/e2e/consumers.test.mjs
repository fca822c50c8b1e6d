// The npm package as front-end developers use it: built by Vite and by webpack 5 from the packed
// tarball (make test-consumers), and imported as plain ESM next to the script-tag version.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { html, open, setup } from "./harness.mjs";

const ctx = setup();

for (const [app, path, accept] of [["Vite + TypeScript", "/vite/index.html", "Accept all"], ["webpack 5", "/webpack/index.html", "すべて同意する"]]) {
  test(`${app} build: the banner shows, nothing before consent, Accept all loads analytics once`, async () => {
    const built = app.startsWith("Vite") ? "tests/consumers/vite/dist/index.html" : "tests/consumers/webpack/dist/main.js";
    assert.ok(existsSync(built), `${built} is missing: run make test-consumers`);
    const { page, context, net } = await open(ctx, null, { url: `${ctx.origin}${path}` });
    const button = page.button(accept);
    await button.waitFor();
    await page.waitFor(() => window.__consumer);
    assert.equal(await page.evaluate(() => window.__consumer.same), true, "mount twice is one banner");
    // validate() checks without mounting: the JSON's gaId and the attribute's lang, each by its key.
    const found = await page.evaluate(() => window.__consumer.problems.map((p) => `${p.level} ${p.code} ${p.key} ${p.value}`));
    assert.deepEqual(found.sort(), ["error invalid-value data-lang xx", "error invalid-value gaId UA-1"]);
    assert.deepEqual(await page.evaluate(() => window.__consumer.banner.validate({ expiresDays: 90 })), []);
    assert.ok(net.requests().some((u) => u.endsWith(".wasm")), "the bundler emitted and found the .wasm");
    await page.settle();
    assert.deepEqual(net.analytics(), []);
    await button.click();
    await page.waitFor(() => window.__gtagRuns === 1);
    await page.settle();
    assert.deepEqual(net.analytics(), ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
    assert.equal(await page.evaluate(() => window.__consumer.changes.length), 1);
    assert.equal(await page.css("consent-banner").count(), 1);
    assert.deepEqual(await page.errors(), []);
    await context.close();
  });
}

test("Importing the package does nothing: no DOM, no storage, no network until mount()", async () => {
  const page_ = html({ attrs: null, head: '<script type="module">import { mount } from "/npm/index.js"; window.__imported = typeof mount;</script>' });
  const { page, context, net } = await open(ctx, page_, {
    init: () => {
      window.__storage = 0;
      for (const m of ["getItem", "setItem", "removeItem"]) {
        const original = Storage.prototype[m];
        Storage.prototype[m] = function (...args) { window.__storage++; return original.apply(this, args); };
      }
    },
  });
  await page.waitFor(() => window.__imported === "function");
  await page.settle(500);
  assert.equal(await page.css("consent-banner").count(), 0);
  assert.equal(await page.evaluate(() => window.__storage), 0);
  assert.equal(await page.evaluate(() => typeof window.consentBanner), "undefined");
  assert.ok(!net.requests().some((u) => u.endsWith(".wasm")), JSON.stringify(net.requests()));
  // mount() is what starts it.
  await page.evaluate(async () => {
    const { mount } = await import("/npm/index.js");
    window.__b = await mount({ gaId: "G-TEST123" });
  });
  await page.role("button", "Accept all").waitFor();
  assert.ok(await page.evaluate(() => window.__storage) > 0);
  await context.close();
});

test("mount() after the script tag returns the script tag's banner; no second banner", async () => {
  const page_ = html({ body: '<script type="module">import { mount } from "/npm/index.js"; mount({ lang: "ja" }).then((b) => { window.__same = b === window.consentBanner; });</script>' });
  const { page, context, net } = await open(ctx, page_);
  await page.waitFor(() => window.__same !== undefined);
  assert.equal(await page.evaluate(() => window.__same), true);
  assert.equal(await page.css("consent-banner").count(), 1);
  await page.role("button", "Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.equal(net.analytics().length, 1);
  await context.close();
});
