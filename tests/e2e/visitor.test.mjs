// The visitor's full control: the preferences dialog by keyboard, withdrawal that leaves no
// cookie behind (on parent domains too), gated scripts, and the rest of the API.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, setup } from "./harness.mjs";

const ctx = setup();

/** What has focus, looking into the banner's shadow root: its accessible text or action. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return "body";
    if (el.getAttribute("role") === "switch") return `switch:${el.dataset.category}`;
    return (el.getAttribute("aria-label") || el.textContent).trim();
  });

async function tabUntil(page, name, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)) === name) return i;
    await page.press("Tab");
  }
  assert.fail(`never reached ${name}; at ${await focused(page)}`);
}

test("Keyboard only: banner order, the dialog traps Tab both ways, Space/Enter switch, Escape returns focus", async () => {
  const { page, context } = await open(ctx, html());
  await page.button("Accept all").waitFor();
  await tabUntil(page, "Accept all");
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.press("Tab");
    order.push(await focused(page));
  }
  assert.deepEqual(order, ["Reject all", "Settings", "日本語"]);
  await page.press("Shift+Tab");
  await page.press("Enter");
  const dialog = page.role("dialog", "Cookie settings");
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(":modal")), true);
  // Focus moved in, and Tab cycles through the dialog only.
  const cycle = [await focused(page)];
  for (let i = 0; i < 8; i++) {
    await page.press("Tab");
    cycle.push(await focused(page));
  }
  // The built-in GA4 service brings its opt-out and privacy links (外部送信 disclosure).
  assert.deepEqual(cycle, [
    "Close", "switch:analytics", "Opt-out: Google LLC (Google Analytics 4)", "Privacy policy: Google LLC (Google Analytics 4)",
    "Accept all", "Reject all", "Save settings", "日本語", "Close",
  ]);
  await page.press("Shift+Tab");
  assert.equal(await focused(page), "日本語");
  await page.press("Tab");
  await page.press("Tab");
  assert.equal(await focused(page), "switch:analytics");
  const analytics = page.role("switch", "Analytics");
  assert.equal(await analytics.attr("aria-checked"), "false");
  await page.press("Space");
  assert.equal(await analytics.attr("aria-checked"), "true");
  await page.press("Enter");
  assert.equal(await analytics.attr("aria-checked"), "false");
  const necessary = page.role("switch", "Necessary");
  assert.equal(await necessary.attr("aria-checked"), "true");
  assert.equal(await necessary.disabled(), true);
  await page.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await focused(page), "Settings", "focus returns to the control that opened the dialog");
  assert.equal(await page.evaluate(() => window.consentBanner.get().decided), false, "Escape decides nothing");
  // Choose analytics and save, all by keyboard.
  await page.press("Enter");
  await dialog.waitFor();
  await page.press("Tab");
  await page.press("Space");
  await tabUntil(page, "Save settings");
  await page.press("Enter");
  await page.waitFor(() => window.__gtagRuns === 1);
  assert.deepEqual(await page.evaluate(() => window.consentBanner.get().categories), { analytics: true });
  assert.equal(await focused(page), "Cookie settings", "focus lands on the reopen control");
  // Reopened, the dialog shows the stored choice.
  await page.press("Enter");
  assert.equal(await page.role("switch", "Analytics").attr("aria-checked"), "true");
  await context.close();
});

test("data-consent-open links and consentBanner.show() open the dialog; focus returns to the link", async () => {
  const { page, context } = await open(ctx, html({ body: '<footer><a href="#cookies" id="open" data-consent-open>Cookie settings (footer)</a></footer>' }));
  await page.ready();
  await page.css("#open").focus();
  await page.press("Enter");
  await page.role("dialog").waitFor();
  assert.equal(new URL(await page.url()).hash, "", "the link's default action is prevented");
  await page.press("Escape");
  await page.role("dialog").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.id), "open");
  await page.evaluate(() => window.consentBanner.show());
  await page.role("dialog").waitFor();
  await context.close();
});

test("Withdrawal: consent update denied, ga-disable, GA cookies gone on the host and the parent domain, nothing reloads", async () => {
  const host = "www.example.test";
  const { page, context, net } = await open(ctx, html(), { host, path: "/withdraw.html" });
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gtagRuns === 1);
  // GA's own cookies live on the registrable parent; add one more of each kind it sets.
  await page.addCookies([
    { name: "_ga_PARENT", value: "1", domain: ".example.test", path: "/" },
    { name: "_gid", value: "1", domain: ".example.test", path: "/" },
    { name: "_gat_gtag_G_TEST123", value: "1", domain: host, path: "/" },
    { name: "site_session", value: "keep", domain: ".example.test", path: "/" },
  ]);
  assert.deepEqual(await page.cookies(), ["_ga", "_ga_PARENT", "_ga_TEST", "_gat_gtag_G_TEST123", "_gid", "site_session"]);
  await page.button("Cookie settings").click();
  await page.role("switch", "Analytics").click();
  await page.button("Save settings").click();
  await page.settle();
  assert.deepEqual(await page.cookies(), ["site_session"]);
  assert.equal(await page.evaluate(() => window["ga-disable-G-TEST123"]), true);
  const last = (await page.dataLayer()).at(-1).args;
  assert.equal(`${last[0]} ${last[1]} ${last[2].analytics_storage}`, "consent update denied");
  assert.equal(net.analytics().length, 1, "GA is not loaded again");
  await page.reload();
  await page.button("Cookie settings").waitFor();
  await page.settle();
  assert.equal(net.analytics().length, 1);
  assert.deepEqual(await page.cookies(), ["site_session"]);
  await context.close();
});

const GATED = `
<script type="text/plain" data-consent="analytics" src="/gated/a.js"></script>
<script type="text/plain" data-consent="analytics">window.__order.push("inline-b")</script>
<script type="text/plain" data-consent="necessary">window.__order.push("necessary")</script>
<script type="text/plain" data-consent="analytics marketing" src="/gated/never.js"></script>
<script type="text/plain" data-consent="analytics" data-type="module" src="/gated/c.mjs"></script>
<script type="text/plain" data-consent="analytics">window.__order.push("inline-d")</script>`;

test("Gated scripts: not fetched nor run before consent, then once each in document order; on the next visit without a click", async () => {
  ctx.server.pages.set("/gated/a.js", { body: 'window.__order.push("a")', type: "text/javascript" });
  ctx.server.pages.set("/gated/c.mjs", { body: 'window.__order.push("module-c")', type: "text/javascript" });
  ctx.server.pages.set("/gated/never.js", { body: 'window.__order.push("never")', type: "text/javascript" });
  const fetched = (name) => ctx.server.log.filter((r) => r.path === `/gated/${name}`).length;
  const before = { a: fetched("a.js"), c: fetched("c.mjs"), never: fetched("never.js") };
  const { page, context } = await open(ctx, html({ head: "<script>window.__order = []</script>", body: GATED }), { path: "/gated.html" });
  await page.ready();
  await page.settle();
  assert.deepEqual(await page.evaluate(() => window.__order), ["necessary"]);
  assert.equal(fetched("a.js"), before.a, "not fetched before consent");
  await page.button("Accept all").click();
  await page.waitFor(() => window.__order.length >= 5);
  await page.settle();
  assert.deepEqual(await page.evaluate(() => window.__order), ["necessary", "a", "inline-b", "module-c", "inline-d"]);
  assert.equal(fetched("a.js"), before.a + 1);
  assert.equal(fetched("never.js"), before.never, "marketing is not configured, so never granted");
  assert.equal(await page.css('script[type="module"][src="/gated/c.mjs"]').count(), 1, "type restored from data-type");
  // A second decision releases nothing twice.
  await page.evaluate(() => window.consentBanner.acceptAll());
  await page.settle();
  assert.equal((await page.evaluate(() => window.__order)).length, 5);
  await page.reload();
  await page.waitFor(() => window.__order?.length >= 5);
  await page.settle();
  // Everything granted at once runs in plain document order.
  assert.deepEqual(await page.evaluate(() => window.__order), ["a", "inline-b", "necessary", "module-c", "inline-d"]);
  await context.close();
});

test("set() decides per category and keeps the rest; unknown categories warn", async () => {
  const { page, context } = await open(ctx, html());
  await page.ready();
  const states = await page.evaluate(() => {
    const out = [];
    window.consentBanner.set({ analytics: true });
    out.push(window.consentBanner.get());
    window.consentBanner.set({ social: true });
    out.push(window.consentBanner.get());
    window.consentBanner.set({ analytics: false });
    out.push(window.consentBanner.get());
    return out;
  });
  assert.deepEqual(states.map((s) => [s.decided, s.categories.analytics]), [[true, true], [true, true], [true, false]]);
  assert.ok((await page.messages()).some((m) => m.type === "warning" && m.text.includes("social")));
  await context.close();
});

test("The banner is a labelled region; texts are marked with their language", async () => {
  const { page, context } = await open(ctx, html({ lang: "ja" }));
  const region = page.inBanner("region", "Cookieの同意");
  await region.waitFor();
  assert.equal(await region.attr("lang"), "ja");
  await page.button("English").click();
  assert.equal(await page.inBanner("region", "Cookie consent").attr("lang"), "en");
  assert.equal(await page.button("日本語").attr("lang"), "ja");
  await page.button("Settings").click();
  assert.equal(await page.role("dialog").attr("lang"), "en");
  await context.close();
});
