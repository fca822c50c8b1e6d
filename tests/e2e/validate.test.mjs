// validate(config, attributes?): the banner's own judgement of a configuration, as values, with
// nothing mounted, logged or decided.
import assert from "node:assert/strict";
import { test } from "node:test";
import { html, open, problems, setup } from "./harness.mjs";

const ctx = setup();

test("window.consentBanner.validate returns each problem by code and key, and logs nothing", async () => {
  const { page, context } = await open(ctx, html());
  await page.ready();
  const before = await page.evaluate(() => JSON.stringify(window.consentBanner.get()));
  const found = await page.evaluate(() =>
    window.consentBanner.validate(
      { gaId: "UA-12345-1", categories: ["analytics"], services: [{ id: "yt", category: "functional" }], texts: { en: { title: 5 } }, colour: "red" },
      { "data-expires-days": "0" },
    ),
  );
  const brief = found.map((p) => [p.level, p.code, p.key, p.value, p.subject].join(" ")).sort();
  assert.deepEqual(brief, [
    "error invalid-value data-expires-days 0 ",
    "error invalid-value gaId UA-12345-1 ",
    "error wrong-type texts.en.title a number ",
    "warn service-category-off categories functional yt",
    "warn unknown-key colour  ",
  ]);
  for (const p of found) assert.match(p.message, /^consent-banner: /);
  assert.match(found.find((p) => p.key === "data-expires-days").message, /from 1 to 395; using 180/);
  assert.deepEqual(await page.evaluate(() => window.consentBanner.validate({ gaId: "G-OK123", expiresDays: 30 })), []);
  assert.deepEqual(await page.evaluate(() => window.consentBanner.validate("gaId").map((p) => p.code)), ["config-not-object"]);
  assert.equal(await page.evaluate(() => JSON.stringify(window.consentBanner.get())), before, "nothing decided");
  assert.deepEqual(problems(await page.messages()), [], "nothing logged");
  await context.close();
});

test("data-config that does not parse: one error naming it, saying it is a syntax error and where, the same in every engine", async () => {
  const json = '{\n  "gaId": "G-TEST123"\n  "lang": "ja"\n}';
  const { page, context, net } = await open(ctx, html({ attrs: { "data-config": "cfg" }, body: `<script type="application/json" id="cfg">${json}</script>` }));
  await page.button("Accept all").waitFor();
  const errs = problems(await page.messages()).map((m) => m.text);
  assert.deepEqual(errs, ['consent-banner: data-config="cfg" is not a JSON object: a syntax error at line 3, column 3; using the built-in configuration.']);
  await page.settle();
  assert.deepEqual(net.analytics(), []);
  await context.close();
});

test("Google's own snippet left in the page: one warning naming the tag and saying what to change", async () => {
  const tag = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>';
  const { page, context } = await open(ctx, html({ head: tag }));
  await page.button("Accept all").waitFor();
  const warns = problems(await page.messages()).map((m) => m.text);
  assert.equal(warns.length, 1, JSON.stringify(warns));
  assert.match(warns[0], /already loading before any consent \(https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST123/);
  assert.match(warns[0], /type="text\/plain" data-consent="analytics"/);
  await context.close();
  // Written as the banner asks, it is no mistake.
  const gated = '<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>';
  const fixed = await open(ctx, html({ head: gated }));
  await fixed.page.button("Accept all").waitFor();
  assert.deepEqual(problems(await fixed.page.messages()), []);
  await fixed.context.close();
});
