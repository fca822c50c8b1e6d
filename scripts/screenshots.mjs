// Screenshots of the built banner for people to look at: both languages, phone and desktop
// widths, banner and preferences dialog, light and dark. Writes PNGs to target/screenshots/.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const out = "target/screenshots";
mkdirSync(out, { recursive: true });
const server = await serve({ mounts: [["/", "www"], ["/assets/consent-banner/", "dist/script"]] });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"] });
const widths = process.argv.includes("--all") ? [320, 375, 1280] : [375, 1280];
for (const lang of ["en", "ja"]) {
  for (const width of widths) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 800 }, colorScheme: scheme, locale: lang === "ja" ? "ja-JP" : "en-US" });
      await context.route("https://www.googletagmanager.com/**", (r) => r.fulfill({ contentType: "text/javascript", body: "" }));
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/${lang === "ja" ? "ja/" : ""}`);
      const accept = page.getByRole("button", { name: lang === "ja" ? "すべて同意する" : "Accept all", exact: true });
      await accept.waitFor();
      await page.screenshot({ path: `${out}/${lang}-${width}-${scheme}-banner.png` });
      await page.getByRole("button", { name: lang === "ja" ? "設定" : "Settings", exact: true }).click();
      await page.getByRole("dialog").waitFor();
      await page.screenshot({ path: `${out}/${lang}-${width}-${scheme}-dialog.png` });
      await context.close();
    }
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);
