// The first layer takes little of the screen: compact with the built-in texts, and with very long
// texts its buttons still in view while the text scrolls inside it. (That every part of the page
// can be scrolled above it is tested on the demo's contact page, in examples.test.mjs.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

/** The first layer's box and the viewport's size. */
const measure = (page) =>
  page.evaluate(() => {
    const r = document.querySelector("consent-banner").shadowRoot.querySelector("[role=region]").getBoundingClientRect();
    return { top: r.top, height: r.height, viewport: innerHeight };
  });

/** Whether each named control of the first layer is wholly in the viewport and is what a tap on its centre reaches. */
const reachable = (page, names) =>
  page.evaluate((names) => {
    const root = document.querySelector("consent-banner").shadowRoot;
    return names.map((name) => {
      const b = [...root.querySelectorAll(".banner button")].find((x) => x.textContent === name);
      if (!b) return `${name}: missing`;
      const r = b.getBoundingClientRect();
      const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === b;
      return inView && hit ? true : `${name}: ${Math.round(r.top)}-${Math.round(r.bottom)} of ${innerHeight}, hit ${hit}`;
    });
  }, names);

for (const [width, height, share] of [[375, 667, 0.3], [1280, 800, 0.2]]) {
  for (const lang of ["en", "ja"]) {
    test(`With the built-in texts the first layer is at most ${share * 100}% of ${width}×${height} (${lang})`, async () => {
      const { page, context } = await open(ctx, html({ lang }), { viewport: { width, height } });
      await page.inBanner("region").waitFor();
      const { height: h, viewport } = await measure(page);
      assert.equal(viewport, height);
      assert.ok(h <= share * height, `${Math.round(h)} px of ${height} (${Math.round((h / height) * 100)}%)`);
      await context.close();
    });
  }
}

for (const [width, height] of [[320, 568], [1280, 720]]) {
  test(`20,000 characters of text at ${width}×${height}: the buttons stay in view, the text scrolls inside, at most 60% of the viewport`, async () => {
    const long = "Long configured text. ".repeat(910).slice(0, 20000);
    const config = `<script type="application/json" id="cfg">${JSON.stringify({ texts: { en: { title: long.slice(0, 200), description: long } } })}</script>`;
    const { page, context } = await open(ctx, html({ head: config, attrs: { "data-ga-id": "G-TEST123", "data-policy-url": "/privacy/", "data-config": "cfg" } }), { viewport: { width, height } });
    await page.button("Accept all").waitFor();
    assert.deepEqual(await reachable(page, ["Accept all", "Reject all", "Settings"]), [true, true, true]);
    const { height: h, viewport } = await measure(page);
    assert.ok(h <= 0.6 * viewport, `${Math.round(h)} px of ${viewport}`);
    const text = await page.evaluate(() => { const t = document.querySelector("consent-banner").shadowRoot.querySelector(".text"); return { scrolls: t.scrollHeight > t.clientHeight + 100, length: t.textContent.length }; });
    assert.ok(text.scrolls && text.length > 20000, JSON.stringify(text));
    await page.button("Reject all").click();
    await page.waitFor(() => window.consentBanner.get().decided);
    assert.deepEqual(problems(await page.messages()), []);
    await context.close();
  });
}

test("After a decision the reopen control keeps room for itself at the page's end, so it never sits on the last line", async () => {
  const { page, context } = await open(ctx, html({ body: `<p id="last">${"Text. ".repeat(400)}The last line.</p>` }), { viewport: { width: 375, height: 667 } });
  await page.button("Accept all").click();
  await page.button("Cookie settings").waitFor();
  await page.waitFor(() => document.documentElement.style.paddingBottom !== "", null, { what: "room for the reopen control" });
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.settle(200);
  const gap = await page.evaluate(() => {
    const last = document.getElementById("last").getBoundingClientRect();
    const reopen = document.querySelector("consent-banner").shadowRoot.querySelector(".reopen").getBoundingClientRect();
    return reopen.top - last.bottom;
  });
  assert.ok(gap >= 0, `the page's last line ends ${-gap}px under the reopen control`);
  await context.close();
});
