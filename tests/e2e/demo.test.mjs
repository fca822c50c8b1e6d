// The demo site, served exactly as `make demo` serves it (strict CSP): every page works, logs
// nothing, and loads nothing from another origin before consent.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSite } from "../../scripts/serve.mjs";
import { assertClean, open, setup } from "./harness.mjs";

const ctx = setup(demoSite());
const visit = (path, viewport) => open(ctx, null, { url: `${ctx.origin}${path}`, viewport });

for (const [path, accept] of [["/", "Accept all"], ["/ja/", "すべて同意する"], ["/external/", "すべて同意する"], ["/privacy/", "Accept all"]]) {
  test(`Demo ${path}: banner, no third-party request before consent, no CSP violation, nothing logged`, async () => {
    const { page, context, net } = await visit(path);
    await page.button(accept).waitFor();
    await page.settle(500);
    await assertClean(ctx, page, net);
    await context.close();
  });
}

test("Demo home: the live state follows the banner, and the reset button asks again", async () => {
  const { page, context, net } = await visit("/", { width: 375, height: 740 });
  await page.button("Accept all").click();
  await page.waitFor(() => document.getElementById("state-analytics").textContent === "loaded");
  assert.equal(await page.css("#state-decided").text(), "true");
  assert.equal(await page.css("#state-categories").text(), '{"analytics":true}');
  assert.ok(net.requests().some((u) => u.endsWith("/demo-analytics.js")));
  await page.button("consentBanner.reset()").click();
  await page.button("Accept all").waitFor();
  await page.waitFor(() => document.getElementById("state-decided").textContent === "false");
  // The script stays in the page after the withdrawal, and the state says it is stopped.
  await page.waitFor(() => document.getElementById("state-analytics").textContent.startsWith("loaded earlier, now stopped"), null, { what: "stopped" });
  await context.close();
});

test("Demo 外部送信ポリシー: both tables are filled from the configuration", async () => {
  const { page, context } = await visit("/external/");
  await page.css("consent-disclosure[lang=en] table").waitFor();
  const heads = await page.evaluate(() => [...document.querySelectorAll("consent-disclosure th")].map((th) => th.textContent));
  // The contract's header names as the first words; the last column holds the opt-out and policy links.
  assert.deepEqual(heads, ["送信先", "送信される情報", "利用目的", "オプトアウト・ポリシー", "Recipient", "Information sent", "Purpose", "Opt-out and policy"]);
  assert.equal(await page.css("consent-disclosure tbody tr").count(), 2);
  await context.close();
});
