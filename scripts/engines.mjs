// The three engines behind one small interface, each driven the way it can be on Debian:
// Chromium over CDP and Firefox ESR over WebDriver BiDi (both through puppeteer-core), WebKitGTK's
// MiniBrowser over classic WebDriver (selenium-webdriver) on a private Xvfb display, full-screen so
// that its window is the viewport (no toolbar). Every engine sends its traffic to the given HTTP
// proxy (the test server), so tests read the network from the server's log, and probes run from a
// same-origin script in the page: nothing below needs a driver-specific feature. Used by
// tests/e2e/ and scripts/screenshots.mjs.
//
//   launch(name, { proxy }) -> Engine { name, version, context({ locale, viewport }), close() }
//   Context { page(), close() }
//   Page { goto(url), reload(), url(), evaluate(source, arg), element(source, arg), click(element),
//          press(key), type(text), resize({ width, height }), screenshot(path), close() }
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import puppeteer from "puppeteer-core";
import { Builder, Key } from "selenium-webdriver";

export const ENGINES = ["chromium", "firefox", "webkit"];

const BINARIES = {
  chromium: process.env.CHROMIUM ?? "/usr/bin/chromium",
  firefox: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
  webkit: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
};

/** Keys as the tests name them. */
const KEYS = ["Tab", "Shift+Tab", "Enter", "Space", "Escape"];

export async function launch(name, { proxy }) {
  if (name === "webkit") return webkit(proxy);
  if (name === "chromium" || name === "firefox") return puppeteerEngine(name, proxy);
  throw new Error(`unknown engine ${name}: one of ${ENGINES.join(", ")}`);
}

// --- Chromium and Firefox (puppeteer-core) ---------------------------------------------------

async function puppeteerEngine(name, proxy) {
  // One browser per locale: navigator.languages comes from the browser's own setting.
  const browsers = new Map();
  const browserFor = (locale) => {
    if (!browsers.has(locale)) browsers.set(locale, start(name, proxy, locale));
    return browsers.get(locale);
  };
  const first = await browserFor("en-US");
  return {
    name,
    version: await first.version(),
    async context({ locale = "en-US", viewport = { width: 1280, height: 800 } } = {}) {
      const browser = await browserFor(locale);
      const context = await browser.createBrowserContext();
      return {
        async page() {
          const page = await context.newPage();
          await page.setViewport(viewport);
          return puppeteerPage(page);
        },
        close: () => context.close(),
      };
    },
    async close() {
      for (const b of browsers.values()) await (await b).close();
    },
  };
}

function start(name, proxy, locale) {
  if (name === "chromium") {
    return puppeteer.launch({
      executablePath: BINARIES.chromium,
      headless: true,
      acceptInsecureCerts: true,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", `--proxy-server=${proxy}`, `--lang=${locale}`, `--accept-lang=${locale}`,
      ],
    });
  }
  const [host, port] = proxy.split(":");
  return puppeteer.launch({
    browser: "firefox",
    executablePath: BINARIES.firefox,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      "network.proxy.type": 1,
      "network.proxy.http": host,
      "network.proxy.http_port": Number(port),
      "network.proxy.ssl": host,
      "network.proxy.ssl_port": Number(port),
      "intl.accept_languages": locale,
      "intl.locale.requested": locale,
      // Firefox's own background traffic stays out of the request log.
      "services.settings.server": "http://127.0.0.1:9/",
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "browser.safebrowsing.provider.mozilla.updateURL": "",
    },
  });
}

function puppeteerPage(page) {
  return {
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    url: () => page.url(),
    // `source` is a function's source text, called with one JSON argument; like a driver's own
    // scripts it is not subject to the page's CSP.
    evaluate: (source, arg) => page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`),
    async element(source, arg) {
      const handle = await page.evaluateHandle(`(${source})(${JSON.stringify(arg ?? null)})`);
      return handle.asElement();
    },
    click: (element) => element.click(),
    async press(key) {
      if (!KEYS.includes(key)) throw new Error(`press: ${key}`);
      if (key === "Shift+Tab") {
        await page.keyboard.down("Shift");
        await page.keyboard.press("Tab");
        return page.keyboard.up("Shift");
      }
      // " " is the Space key in both of puppeteer's protocols; "Space" is CDP's alone.
      return page.keyboard.press(key === "Space" ? " " : key);
    },
    type: (text) => page.keyboard.type(text),
    resize: (viewport) => page.setViewport(viewport),
    screenshot: (path) => page.screenshot({ path }),
    close: () => page.close(),
  };
}

// --- WebKit (WebKitWebDriver + MiniBrowser under Xvfb) ---------------------------------------

async function webkit(proxy) {
  const xvfb = spawn("Xvfb", ["-displayfd", "1", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"], { stdio: ["ignore", "pipe", "ignore"] });
  const display = await new Promise((ok, fail) => {
    xvfb.once("error", fail);
    xvfb.stdout.once("data", (d) => ok(`:${String(d).trim()}`));
  });
  // Drivers by locale: WebKitGTK takes the languages from the C locale of its process, and the
  // proxy from the environment (the driver's own connection to the browser stays direct). A
  // WebKitWebDriver runs one session at a time, so a second open context gets a second driver.
  const drivers = [];
  const driverFor = async (locale) => {
    let driver = drivers.find((d) => d.locale === locale && !d.busy);
    if (!driver) drivers.push((driver = { locale, ...(await startDriver(display, proxy, locale)) }));
    driver.busy = true;
    return driver;
  };
  let version;
  const engine = {
    name: "webkit",
    async context({ locale = "en-US", viewport = { width: 1280, height: 800 } } = {}) {
      // A MiniBrowser that fails to start leaves its session request hanging: give up on that
      // driver after a while and start the session on a fresh one.
      let driver, session;
      for (let attempt = 1; !session; attempt++) {
        driver = await driverFor(locale);
        session = await within(20000, newSession(driver.url)).catch((error) => {
          driver.process.kill();
          drivers.splice(drivers.indexOf(driver), 1);
          if (attempt === 3) throw error;
        });
      }
      await session.manage().setTimeouts({ script: 15000, pageLoad: 30000 });
      version ??= (await session.getCapabilities()).get("browserVersion");
      // One page at a time (WebKitWebDriver opens no second window): the session's window, left
      // blank when its page closes, as closing the window would end the session.
      let shown = false;
      return {
        async page() {
          if (shown) throw new Error("WebKitWebDriver opens no second window: close this context's page first");
          shown = true;
          const page = webkitPage(session);
          page.close = async () => {
            shown = false;
            await session.get("about:blank");
          };
          await page.resize(viewport);
          return page;
        },
        async close() {
          await session.quit();
          driver.busy = false;
        },
      };
    },
    async close() {
      for (const d of drivers) d.process.kill();
      xvfb.kill();
    },
  };
  // The version, from a first session.
  const probe = await engine.context();
  await probe.close();
  engine.version = version;
  return engine;
}

const newSession = (url) =>
  new Builder()
    .usingServer(url)
    .withCapabilities({
      browserName: "MiniBrowser",
      acceptInsecureCerts: true,
      "webkitgtk:browserOptions": { binary: BINARIES.webkit, args: ["--automation", "--full-screen"] },
    })
    .build();

const within = (ms, promise) =>
  Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** A port the system has free, from its ephemeral range. Not a random one: fetch() refuses the
 * Fetch standard's "bad ports" (6665–6669 among them), so a driver there never answers. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function startDriver(display, proxy, locale) {
  const env = { ...process.env, DISPLAY: display, http_proxy: `http://${proxy}`, https_proxy: `http://${proxy}`, no_proxy: "127.0.0.1,localhost" };
  const tag = `${locale.replace("-", "_")}.UTF-8`;
  if (!locale.startsWith("en")) {
    // A private compiled locale (glibc's LOCPATH), so no system locale needs generating.
    const dir = resolve("target/locale");
    if (!existsSync(`${dir}/${tag}`)) {
      mkdirSync(dir, { recursive: true });
      await run("localedef", ["-i", locale.replace("-", "_"), "-c", "-f", "UTF-8", `${dir}/${tag}`]);
    }
    env.LOCPATH = dir;
  }
  env.LANG = env.LC_ALL = locale.startsWith("en") ? "C.UTF-8" : tag;
  const port = await freePort();
  const process_ = spawn("WebKitWebDriver", [`--port=${port}`], { env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, process: process_ };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  process_.kill();
  throw new Error("WebKitWebDriver did not start");
}

const run = (cmd, args) =>
  new Promise((ok, fail) => spawn(cmd, args, { stdio: "ignore" }).on("exit", (code) => (code === 0 || code === 1 ? ok() : fail(new Error(`${cmd} exited ${code}`)))));

function webkitPage(session) {
  // Classic WebDriver runs a function body; the function and its argument travel as source/JSON.
  const call = (source, arg) => session.executeScript(`return (${source}).apply(null, arguments)`, arg ?? null);
  return {
    goto: (url) => session.get(url),
    reload: () => session.navigate().refresh(),
    url: () => session.getCurrentUrl(),
    evaluate: call,
    element: call,
    click: (element) => element.click(),
    press(key) {
      if (!KEYS.includes(key)) throw new Error(`press: ${key}`);
      const actions = session.actions({ async: true });
      if (key === "Shift+Tab") return actions.keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
      return actions.sendKeys({ Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Escape: Key.ESCAPE }[key]).perform();
    },
    type: (text) => session.actions({ async: true }).sendKeys(text).perform(),
    async resize({ width, height }) {
      // Full-screen, the window is the viewport; should a toolbar show, it is added to the size.
      const rect = await session.manage().window().getRect();
      const inner = await session.executeScript("return [innerWidth, innerHeight]");
      await session.manage().window().setRect({ width: width + rect.width - inner[0], height: height + rect.height - inner[1] });
    },
    async screenshot(path) {
      writeFileSync(path, Buffer.from(await session.takeScreenshot(), "base64"));
    },
  };
}
