// The theme: data-theme fixes light or dark whatever the visitor's setting, and the site's brand
// reaches inside the shadow root through the contract's five custom properties.
import assert from "node:assert/strict";
import { test } from "node:test";
import { STRICT_CSP, html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

const look = (page) =>
  page.css("consent-banner").evaluate((host) => {
    const region = host.shadowRoot.querySelector(".banner");
    const accept = host.shadowRoot.querySelector("[data-action=accept]");
    const r = getComputedStyle(region);
    return { background: r.backgroundColor, text: r.color, radius: r.borderTopLeftRadius, font: r.fontFamily, accept: getComputedStyle(accept).backgroundColor, theme: host.dataset.theme };
  });

for (const [theme, background] of [["dark", "rgb(31, 35, 40)"], ["light", "rgb(255, 255, 255)"]]) {
  test(`data-theme="${theme}" gives the ${theme} palette whatever the visitor's setting`, async () => {
    const { page, context } = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-theme": theme } }));
    await page.button("Accept all").waitFor();
    const seen = await look(page);
    assert.equal(seen.theme, theme);
    assert.equal(seen.background, background);
    assert.deepEqual(problems(await page.messages()), []);
    await context.close();
  });
}

test("The site's brand through --consent-banner-* custom properties, under a strict CSP", async () => {
  // The site's own stylesheet, as a file: the strict CSP allows no inline style.
  ctx.server.pages.set("/brand.css", {
    body: "consent-banner{--consent-banner-accent:#7a1f5c;--consent-banner-background:#fdf6e3;--consent-banner-text:#222222;--consent-banner-radius:0px;--consent-banner-font-family:Georgia,serif}",
    type: "text/css",
  });
  const head = '<link rel="stylesheet" href="/brand.css">';
  const { page, context } = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-theme": "light" }, head }), { headers: { "content-security-policy": STRICT_CSP } });
  await page.button("Accept all").waitFor();
  const seen = await look(page);
  assert.deepEqual(
    { background: seen.background, text: seen.text, radius: seen.radius, accept: seen.accept, georgia: seen.font.includes("Georgia") },
    { background: "rgb(253, 246, 227)", text: "rgb(34, 34, 34)", radius: "0px", accept: "rgb(122, 31, 92)", georgia: true },
  );
  assert.deepEqual((await page.record()).violations, []);
  await context.close();
});

test("An unknown theme is one console error naming data-theme, and the visitor's setting applies", async () => {
  const { page, context } = await open(ctx, html({ attrs: { "data-ga-id": "G-TEST123", "data-theme": "sepia" } }));
  await page.button("Accept all").waitFor();
  assert.equal((await look(page)).theme, "auto");
  const errs = problems(await page.messages()).map((m) => m.text);
  assert.equal(errs.length, 1, JSON.stringify(errs));
  assert.match(errs[0], /data-theme="sepia" is not auto, light or dark/);
  await context.close();
});

// data-layout="box": a card in the bottom-right corner on a wide screen, the full width on a phone;
// its buttons stay whole and inside the viewport either way.
const place = (page) =>
  page.css("consent-banner").evaluate((host) => {
    const region = host.shadowRoot.querySelector(".banner");
    const r = region.getBoundingClientRect();
    const inside = [...region.querySelectorAll("button")].every((b) => {
      const q = b.getBoundingClientRect();
      return q.left >= r.left && q.right <= r.right + 0.5 && q.bottom <= innerHeight + 0.5 && q.width > 0;
    });
    return { left: r.left, right: innerWidth - r.right, bottom: innerHeight - r.bottom, width: r.width, inside, layout: host.dataset.layout };
  });

for (const lang of ["en", "ja"]) {
  test(`data-layout="box" is a corner card at 1280 px and the full width at 375 px (${lang})`, async () => {
    const { page, context } = await open(ctx, html({ lang, attrs: { "data-ga-id": "G-TEST123", "data-layout": "box" } }), { viewport: { width: 1280, height: 800 } });
    await page.button(lang === "ja" ? "すべて同意する" : "Accept all").waitFor();
    const wide = await place(page);
    assert.equal(wide.layout, "box");
    assert.ok(wide.width <= 460 && wide.left > 600, `a card on the right: ${JSON.stringify(wide)}`);
    assert.ok(Math.abs(wide.right - 16) <= 1 && Math.abs(wide.bottom - 16) <= 1, `16 px from the corner: ${JSON.stringify(wide)}`);
    assert.ok(wide.inside, "every button inside the card");
    await page.resize({ width: 375, height: 667 });
    await page.css("consent-banner").evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const narrow = await place(page);
    assert.ok(narrow.left <= 1 && narrow.right <= 1 && narrow.bottom <= 1, `full width at the bottom: ${JSON.stringify(narrow)}`);
    assert.ok(narrow.inside, "every button inside the banner");
    assert.deepEqual(problems(await page.messages()), []);
    await context.close();
  });
}

test("Without data-layout the first layer is the bar along the bottom", async () => {
  const { page, context } = await open(ctx, html(), { viewport: { width: 1280, height: 800 } });
  await page.button("Accept all").waitFor();
  const bar = await place(page);
  assert.equal(bar.layout, "bar");
  assert.ok(bar.width > 1000 && bar.bottom <= 1, JSON.stringify(bar));
  await context.close();
});
