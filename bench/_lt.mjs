import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";
const CONTENT = `<main><h1>A public-interest site</h1>${"<p>Announcements, reports and guidance for the public. ".repeat(3)}</p>`.repeat(4) + "</main>";
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script src="/ours/consent-banner.js" data-ga-id="G-TEST123" data-policy-url="/privacy/" defer></script></head><body>${CONTENT}</body></html>`;
const server = await serve({ mounts: [["/ours/", "dist/script"]] });
server.pages.set("/ours.html", { body: html });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (let i = 0; i < 6; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${server.port}/ours.html`);
  await tab.waitForFunction(() => window.__T);
  console.log(await tab.evaluate(() => window.__T.map((t, i, a) => i ? (t - a[i - 1]).toFixed(1) : t.toFixed(0)).join(" ")));
  await context.close();
}
await browser.close(); await server.close();
