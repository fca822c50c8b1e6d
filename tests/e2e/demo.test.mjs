// The demo site, served exactly as `make demo` serves it (strict CSP): every page works, logs
// nothing, and loads nothing from another origin before consent.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { serveDemo } from "../../scripts/serve.mjs";

let server;
let browser;
before(async () => {
  server = await serveDemo(0);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const requests = [];
  const messages = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`http://127.0.0.1:${server.port}${path}`);
  return { context, page, requests, messages };
}

for (const [path, accept] of [["/", "Accept all"], ["/ja/", "すべて同意する"], ["/external/", "すべて同意する"], ["/privacy/", "Accept all"]]) {
  test(`Demo ${path}: banner, no third-party request before consent, no CSP violation, nothing logged`, async () => {
    const { context, page, requests, messages } = await visit(path);
    await page.getByRole("button", { name: accept, exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    const foreign = requests.filter((u) => !u.startsWith(`http://127.0.0.1:${server.port}/`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(messages.filter((m) => /^(error|warning)/.test(m)), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    await context.close();
  });
}

test("Demo home: the live state follows the banner, and the reset button asks again", async () => {
  const { context, page, requests } = await visit("/", { width: 375, height: 740 });
  await page.getByRole("button", { name: "Accept all", exact: true }).click();
  await page.waitForFunction(() => document.getElementById("state-analytics").textContent === "loaded");
  assert.equal(await page.locator("#state-decided").textContent(), "true");
  assert.equal(await page.locator("#state-categories").textContent(), '{"analytics":true}');
  assert.ok(requests.some((u) => u.endsWith("/demo-analytics.js")));
  await page.getByRole("button", { name: "consentBanner.reset()" }).click();
  await page.getByRole("button", { name: "Accept all", exact: true }).waitFor();
  await page.waitForFunction(() => document.getElementById("state-decided").textContent === "false");
  await context.close();
});

test("Demo 外部送信ポリシー: both tables are filled from the configuration", async () => {
  const { context, page } = await visit("/external/");
  await page.waitForSelector("consent-disclosure[lang=en] table");
  const heads = await page.locator("consent-disclosure th").allTextContents();
  assert.deepEqual(heads, ["送信先", "送信される情報", "利用目的", "オプトアウト", "Recipient", "Information sent", "Purpose", "Opt-out"]);
  assert.equal(await page.locator("consent-disclosure tbody tr").count(), 2);
  await context.close();
});
