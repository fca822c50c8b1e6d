// Page code that runs while the banner is at work: listeners that call the API from the focus
// events the banner causes, storage that throws in the middle of a withdrawal, and a
// configuration whose JSON value is wrong where the tag's attribute is right. No call is
// dropped, no exception locks the banner, and nothing optional loads that the visitor refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString();
const YES = JSON.stringify({ schema: 1, policyVersion: "1", categories: { analytics: true }, decidedAt: iso(Date.now() - DAY), expiresAt: iso(Date.now() + 100 * DAY) });

// A page button that opens the dialog, and a focusin listener that reads the state on every focus
// change and, once asked to, accepts when focus comes back to that button.
const LISTENER = `<button id="open" type="button">Open settings</button>
<script>
window.__seen = [];
document.getElementById("open").addEventListener("click", () => window.consentBanner.show());
document.addEventListener("focusin", (event) => {
  window.__seen.push(JSON.stringify(window.consentBanner && window.consentBanner.get()));
  if (window.__acceptOnReturn && event.target.id === "open") window.consentBanner.acceptAll();
});
</script>`;

test("A page focus listener that calls the API while the dialog opens and closes is answered, not ignored", async () => {
  const { page, context, net } = await open(ctx, html({ body: LISTENER }));
  await page.button("Accept all").waitFor();
  await page.css("#open").click();
  await page.role("dialog").waitFor();
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.length > 0, "the dialog moved focus");
  assert.ok(seen.every((s) => s !== "null" && JSON.parse(s).decided === false), JSON.stringify(seen));
  // Escape returns focus to the page's button, whose listener accepts.
  await page.evaluate(() => (window.__acceptOnReturn = true));
  await page.press("Escape");
  await page.role("dialog").waitFor({ state: "detached" });
  await page.waitFor(() => window.consentBanner.get().decided === true, null, { what: "the queued acceptAll()" });
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.equal(net.analytics().length, 1);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("consent-banner")));
  assert.equal(stored.categories.analytics, true);
  assert.deepEqual(await page.errors(), []);
  assert.deepEqual(problems(await page.messages()), []);
  await context.close();
});

test("A change listener that calls the API is answered after the decision it hears about, in order", async () => {
  const body = `<script>
    window.__heard = [];
    addEventListener("load", () => {
      const wait = setInterval(() => {
        if (!window.consentBanner) return;
        clearInterval(wait);
        window.consentBanner.on("change", (s) => {
          window.__heard.push(s.categories.analytics);
          if (window.__heard.length === 1) window.consentBanner.rejectAll();
        });
        window.__listening = true;
      }, 10);
    });
  </script>`;
  const { page, context } = await open(ctx, html({ body }));
  await page.ready();
  // The listener is added on load, by polling: the decision comes only once it listens.
  await page.waitFor(() => window.__listening === true, null, { what: "the listener" });
  await page.evaluate(() => window.consentBanner.acceptAll());
  await page.waitFor(() => window.__heard.length === 2, null, { what: "two changes" });
  assert.deepEqual(await page.evaluate(() => window.__heard), [true, false]);
  assert.equal(await page.evaluate(() => window.consentBanner.get().categories.analytics), false);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

test("reset() with a removeItem that throws: the banner keeps working and the stored yes does not survive", async () => {
  const { page, context, net } = await open(ctx, html(), { path: "/throwing-remove.html" });
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  await page.evaluate(() => {
    Storage.prototype.removeItem = () => {
      throw new DOMException("denied", "SecurityError");
    };
  });
  await page.evaluate(() => window.consentBanner.reset());
  await page.button("Accept all").waitFor();
  const state = await page.evaluate(() => window.consentBanner.get());
  assert.ok(state, "get() answers after the failed removal");
  assert.equal(state.decided, false);
  await page.evaluate(() => window.consentBanner.rejectAll());
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), true, "rejectAll() after the failed removal");
  assert.deepEqual(await page.errors(), []);
  // The next page: whatever is stored, it is not a yes.
  await page.close();
  net.reset();
  const next = await open(ctx, html(), { context, path: "/throwing-remove-2.html" });
  await next.page.ready();
  await next.page.settle(500);
  assert.deepEqual(net.analytics(), []);
  assert.equal(await next.page.evaluate(() => window.consentBanner.get().categories.analytics), false);
  await context.close();
});

test("reset() whose removal and overwrite both fail says so in the console, and the banner stays usable", async () => {
  const { page, context } = await open(ctx, html(), { path: "/throwing-all.html" });
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  await page.evaluate(() => {
    for (const m of ["removeItem", "setItem"]) Storage.prototype[m] = () => { throw new DOMException("denied", "SecurityError"); };
  });
  await page.evaluate(() => window.consentBanner.reset());
  const errs = problems(await page.messages()).map((m) => m.text);
  assert.ok(errs.some((t) => t.startsWith("consent-banner: ") && /could not/.test(t) && /localStorage/.test(t)), JSON.stringify(errs));
  await page.evaluate(() => window.consentBanner.rejectAll());
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), true);
  assert.deepEqual(await page.errors(), []);
  await context.close();
});

for (const bad of ["UA-12345-1", "", "G-"]) {
  test(`A valid data-ga-id wins over an invalid JSON gaId (${JSON.stringify(bad)}): analytics loads after a yes`, async () => {
    const body = `<script type="application/json" id="cfg">${JSON.stringify({ gaId: bad })}</script>`;
    const attrs = { "data-ga-id": "G-TEST123", "data-config": "cfg" };
    const { page, context, net } = await open(ctx, html({ attrs, body }), { path: `/attr-wins-${bad.length}.html` });
    await page.button("Accept all").click();
    await page.waitFor(() => window.__gtagRuns === 1, null, { what: "analytics after Accept all" });
    assert.deepEqual(net.analytics(), ["https://www.googletagmanager.com/gtag/js?id=G-TEST123"]);
    const errs = problems(await page.messages()).map((m) => m.text);
    assert.equal(errs.length, 1, JSON.stringify(errs));
    assert.match(errs[0], /gaId/);
    // And a returning visitor's stored yes.
    await page.close();
    net.reset();
    const next = await open(ctx, html({ attrs, body }), { context, path: `/attr-wins-${bad.length}-2.html` });
    await next.page.waitFor(() => window.__gtagRuns === 1, null, { what: "analytics from the stored yes" });
    assert.equal(net.analytics().length, 1);
    await context.close();
  });
}

test("A returning visitor's yes under a configuration that cannot load analytics: get() says granted, and the console says why", async () => {
  const { page, context } = await open(ctx, html({ attrs: { "data-ga-id": "UA-1" } }), { init: `localStorage.setItem("consent-banner", ${JSON.stringify(YES)})` });
  await page.ready();
  await page.settle(300);
  const errs = problems(await page.messages()).map((m) => m.text);
  assert.equal(errs.length, 1, JSON.stringify(errs));
  assert.match(errs[0], /data-ga-id/);
  await context.close();
});
