// Screenshots of the built banner for people to look at: both languages, phone and desktop
// widths, banner and preferences dialog, light, dark and a site's brand in the box layout (Chromium); with --engines, also in
// Firefox and WebKit (light, their colour scheme being the system's, and the brand). Writes PNGs to
// target/screenshots/, named lang-width-scheme-view.png, and engine-lang-width-scheme-view.png.
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { launch } from "./engines.mjs";
import { serve } from "./serve.mjs";

const out = "target/screenshots";
mkdirSync(out, { recursive: true });
// The branded set wears the box layout, as a site's tag with data-layout="box" asks for it: the
// demo's home pages again under /brand/, and a site's brand set as its stylesheet would set it
// (through the CSSOM: the demo's CSP allows no inline style).
const TAG = '<script src="/assets/consent-banner/consent-banner.js"';
const boxed = (file) => {
  const html = readFileSync(file, "utf8");
  if (!html.includes(TAG)) throw new Error(`screenshots: ${file} no longer has the tag ${TAG}, so the branded set would not be boxed`);
  return { body: html.replace(TAG, TAG.replace("<script ", '<script data-layout="box" ')) };
};
const pages = new Map([["/brand/", boxed("www/index.html")], ["/ja/brand/", boxed("www/ja/index.html")]]);
const BRAND = { accent: "#7a1f5c", background: "#fdf6e3", text: "#222222", radius: "0px", "font-family": "Georgia, serif" };
const wear = (brand) => {
  for (const [name, value] of Object.entries(brand)) document.documentElement.style.setProperty(`--consent-banner-${name}`, value);
};
const home = (lang, scheme) => `/${lang === "ja" ? "ja/" : ""}${scheme === "brand" ? "brand/" : ""}`;
const server = await serve({ mounts: [["/", "www"], ["/assets/consent-banner/", "dist/script"]], pages });
const NAMES = { en: { accept: "Accept all", settings: "Settings" }, ja: { accept: "すべて同意する", settings: "設定" } };
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"] });
const widths = process.argv.includes("--all") ? [320, 375, 1280] : [375, 1280];
for (const lang of ["en", "ja"]) {
  for (const width of widths) {
    for (const scheme of ["light", "dark", "brand"]) {
      const colorScheme = scheme === "dark" ? "dark" : "light";
      const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 800 }, colorScheme, locale: lang === "ja" ? "ja-JP" : "en-US" });
      await context.route("https://www.googletagmanager.com/**", (r) => r.fulfill({ contentType: "text/javascript", body: "" }));
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}${home(lang, scheme)}`);
      if (scheme === "brand") await page.evaluate(wear, BRAND);
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
// The site examples (and, once a page is given, anything else): the page with its banner, full length.
const SITES = [
  ["cert-ja", "/examples/cert/", "ja"], ["cert-en", "/examples/cert/en/", "en"],
  ["cert-ja-privacy", "/examples/cert/privacy/", "ja"], ["cert-en-privacy", "/examples/cert/en/privacy/", "en"],
  ["project", "/examples/project/", "ja"], ["project-contact", "/examples/project/contact/", "ja"],
  ["configure-en", "/configure/", "en"], ["configure-ja", "/ja/configure/", "ja"],
];
for (const [name, path, lang] of SITES) {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 800 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}${path}`);
    // The configurator has no banner of its own: its preview is the banner, redrawn once it has read the form.
    const banner = name.startsWith("configure") ? page.frameLocator("#preview") : page;
    await banner.getByRole("button", { name: NAMES[lang].accept, exact: true }).waitFor();
    await page.waitForTimeout(name.startsWith("configure") ? 1500 : 0);
    await page.screenshot({ path: `${out}/site-${name}-${width}.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();

if (process.argv.includes("--engines")) {
  // The same pages through the cross-engine driver layer; the in-page finder pierces the shadow root.
  const find = (name) => `function () { const root = document.querySelector("consent-banner")?.shadowRoot; return root && [...root.querySelectorAll("button")].find((b) => b.textContent === ${JSON.stringify(name)} && b.checkVisibility()) || null; }`;
  const until = async (page, source) => {
    for (let i = 0; i < 200 && !(await page.evaluate(source)); i++) await new Promise((r) => setTimeout(r, 50));
  };
  for (const name of ["firefox", "webkit"]) {
    const engine = await launch(name, { proxy: `127.0.0.1:${server.port}` });
    for (const lang of ["en", "ja"]) {
      for (const width of [375, 1280]) {
        for (const scheme of ["light", "brand"]) {
          const context = await engine.context({ locale: lang === "ja" ? "ja-JP" : "en-US", viewport: { width, height: width < 500 ? 740 : 800 } });
          const page = await context.page();
          await page.goto(`http://127.0.0.1:${server.port}${home(lang, scheme)}`);
          if (scheme === "brand") await page.evaluate(wear.toString(), BRAND);
          await until(page, find(NAMES[lang].accept));
          await new Promise((r) => setTimeout(r, 300));
          await page.screenshot(`${out}/${name}-${lang}-${width}-${scheme}-banner.png`);
          await page.click(await page.element(find(NAMES[lang].settings)));
          await until(page, `function () { return document.querySelector("consent-banner").shadowRoot.querySelector("dialog[open]"); }`);
          await new Promise((r) => setTimeout(r, 300));
          await page.screenshot(`${out}/${name}-${lang}-${width}-${scheme}-dialog.png`);
          await context.close();
        }
      }
    }
    await engine.close();
  }
}
await server.close();
console.log(`screenshots in ${out}/`);
