// Subresource Integrity: one hash on the script tag pins every byte the banner runs. A script
// changed on the way is refused by the browser; a module changed on the way is refused by the
// loader's fetch (it carries the module's own hash). Either way the page stays clean and nothing
// optional loads.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { html, open, setup } from "./harness.mjs";

const ctx = setup();
const script = readFileSync("dist/script/consent-banner.js");
const module = readFileSync("dist/script/consent-banner.wasm");
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const GATED = '<script type="text/plain" data-consent="analytics">window.__gated = true</script>';

/** Serves a copy of dist/script/ under `dir`, with either file replaced. */
function serveCopy(dir, { js = script, wasm = module } = {}) {
  ctx.server.pages.set(`${dir}/consent-banner.js`, { body: js, type: "text/javascript" });
  ctx.server.pages.set(`${dir}/consent-banner.wasm`, { body: wasm, type: "application/wasm" });
  return `${dir}/consent-banner.js`;
}

async function assertRefused(page, net) {
  await page.settle(1500);
  assert.equal(await page.css("consent-banner").count(), 0, "no banner");
  assert.equal(await page.evaluate(() => typeof window.consentBanner), "undefined");
  assert.equal(await page.evaluate(() => window.__gated === undefined && window.__gtagRuns === undefined), true, "nothing optional ran");
  assert.deepEqual(net.analytics(), []);
  assert.deepEqual(await page.errors(), [], "nothing thrown into the page");
  assert.equal(await page.css("main h1").count(), 1, "the page itself is untouched");
}

test("The untouched folder with the integrity attribute works: the banner shows", async () => {
  const src = serveCopy("/sri-ok");
  const page_ = html({ src, body: GATED }).replace(`src="${src}"`, `src="${src}" integrity="${sri(script)}"`);
  const { page, context } = await open(ctx, page_);
  await page.button("Accept all").click();
  await page.waitFor(() => window.__gated === true && window.__gtagRuns === 1);
  await context.close();
});

test("A script changed on the way, with the integrity attribute: the browser refuses it", async () => {
  const src = serveCopy("/sri-script", { js: Buffer.concat([script, Buffer.from("\n;window.__tampered=1;\n")]) });
  const page_ = html({ src, body: GATED }).replace(`src="${src}"`, `src="${src}" integrity="${sri(script)}"`);
  const { page, context, net } = await open(ctx, page_);
  await assertRefused(page, net);
  assert.equal(await page.evaluate(() => window.__tampered === undefined), true);
  await context.close();
});

test("A module changed on the way: the loader's fetch refuses it, one console error, nothing runs", async () => {
  const wasm = Buffer.from(module);
  wasm[wasm.length - 1] ^= 0xff;
  const src = serveCopy("/sri-module", { wasm });
  const { page, context, net } = await open(ctx, html({ src, body: GATED }));
  await assertRefused(page, net);
  const errs = (await page.messages()).filter((m) => m.type === "error").map((m) => m.text);
  assert.equal(errs.length, 1, JSON.stringify(errs));
  assert.match(errs[0], /^consent-banner: could not start/);
  await context.close();
});
