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
