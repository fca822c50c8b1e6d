// make bench: our dist/script/ against vanilla-cookieconsent v3 on the same page, in headless
// Chromium, alternating A/B with a fresh browser context per run, every file served brotli-
// compressed and cacheable as a real host serves it. Two profiles: loopback, and slow 4G through
// CDP (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x). Prints a table of medians
// (min–max) and the ratio ours/theirs per profile; writes every sample to target/bench.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

// 21 by default: the returning visitor's time has a long tail on both sides. On one build
// (2026-11-24) two 11-run medians of its ratio were 1.24 and 1.30, two 21-run medians 0.91 and 0.98.
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const PROFILES = {
  loopback: null,
  "slow 4G": { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpu: 4 },
};
// The analytics script both banners gate: a stub on the bench's own server, not a route, because
// Playwright turns the browser's HTTP cache off for a context that intercepts requests.
const GA_PATH = "/gtag/js?id=G-TEST123";
const CONTENT = `<main><h1>A public-interest site</h1>${"<p>Announcements, reports and guidance for the public. ".repeat(3)}</p>`.repeat(4) + "</main>";
const page = (head, body = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>bench</title>${head}</head><body>${CONTENT}${body}</body></html>`;

const OURS_TAG = `<script src="/ours/consent-banner.js" data-ga-id="G-TEST123" data-analytics-src="${GA_PATH}" data-policy-url="/privacy/" defer></script>`;
// The accept button, when it exists and can be seen.
const OURS_ACCEPT = () => document.querySelector("consent-banner")?.shadowRoot?.querySelector("[data-action=accept]");
const SUBJECTS = {
  ours: { html: page(OURS_TAG), accept: OURS_ACCEPT },
  theirs: {
    html: page(
      '<link rel="stylesheet" href="/theirs/cookieconsent.css"><script src="/theirs/cookieconsent.umd.js" defer></script><script src="/bench/theirs-init.js" defer></script>',
      `<script type="text/plain" data-category="analytics" async src="${GA_PATH}"></script>
<script type="text/plain" data-category="analytics">window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config","G-TEST123");</script>`,
    ),
    accept: () => [...document.querySelectorAll("#cc-main button")].find((b) => b.textContent.trim() === "Accept all"),
  },
};

// Runs in the page from the first script: records first paint, layout shifts, long tasks, and the
// first animation frame in which the accept button is visible.
const PROBE = (acceptSource) => {
  const accept = new Function(`return (${acceptSource})()`);
  const m = (window.__bench = { cls: 0, longTasks: 0, longTaskMs: 0, visible: null });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) m.cls += e.value; })).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.startTime < 2000) { m.longTasks++; m.longTaskMs += e.duration; } })).observe({ type: "longtask", buffered: true });
  const look = () => {
    const b = accept();
    if (b && b.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      const r = b.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) {
        m.visible = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

const compressed = (data) => ({
  raw: data.length,
  gzip: gzipSync(data, { level: 9 }).length,
  brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
});

async function run(browser, origin, name, profile) {
  const subject = SUBJECTS[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  if (profile) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  }
  await tab.addInitScript(`(${PROBE})(${JSON.stringify(subject.accept.toString())})`);
  const assets = [];
  tab.on("response", async (res) => {
    const type = res.request().resourceType();
    if (["script", "stylesheet", "fetch", "other"].includes(type) && res.url().startsWith(origin)) assets.push(res.url());
  });
  tab.on("pageerror", (e) => console.error(name, "pageerror:", e.message));
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForFunction(() => window.__bench.visible !== null, null, { timeout: 30000 });
  await tab.waitForTimeout(2100);
  const first = await tab.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    return { ...window.__bench, fcp };
  });
  // The returning visitor: accept, then load the page again with the stored yes, first with the
  // files in the browser's cache, then with an empty cache.
  await tab.evaluate(`(${subject.accept})().click()`);
  await tab.waitForTimeout(300);
  const analyticsStarts = async () => {
    const ga = origin + GA_PATH;
    await tab.waitForFunction((ga) => performance.getEntriesByType("resource").some((e) => e.name === ga), ga, { timeout: 30000 });
    return tab.evaluate((ga) => performance.getEntriesByType("resource").find((e) => e.name === ga).startTime, ga);
  };
  await tab.reload();
  const returningCached = await analyticsStarts();
  await cdp.send("Network.clearBrowserCache");
  await tab.reload();
  const returning = await analyticsStarts();
  await context.close();
  const files = [...new Set(assets)].filter((u) => !u.endsWith(".html"));
  return { name, files, visible: first.visible, fcp: first.fcp, afterPaint: first.visible - first.fcp, cls: first.cls, longTasks: first.longTasks, longTaskMs: first.longTaskMs, returning, returningCached };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const server = await serve({
  mounts: [["/ours/", "dist/script"], ["/theirs/", "node_modules/vanilla-cookieconsent/dist"], ["/bench/", "bench"]],
  compress: true,
  cache: true,
});
for (const [name, s] of Object.entries(SUBJECTS)) server.pages.set(`/${name}.html`, { body: s.html });
server.pages.set("/gtag/js", { body: "/* gtag stub */", type: "text/javascript" });
const origin = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
const results = {};
// BENCH_PROFILES=loopback runs one profile only.
const chosen = (process.env.BENCH_PROFILES ?? Object.keys(PROFILES).join(",")).split(",");
for (const [profileName, profile] of Object.entries(PROFILES).filter(([n]) => chosen.includes(n))) {
  const names = Object.keys(SUBJECTS);
  const samples = (results[profileName] = Object.fromEntries(names.map((n) => [n, []])));
  // One run each first, not counted: the browser's own first-use work (its caches, its fonts).
  for (const name of names) await run(browser, origin, name, profile);
  // Each subject first in turn, so none always runs right after another.
  for (let i = 0; i < RUNS; i++) {
    for (const name of names.map((_, k) => names[(i + k) % names.length])) samples[name].push(await run(browser, origin, name, profile));
  }
}
await browser.close();
await server.close();

// Bytes come from the files each run fetched (the page itself excluded), read from disk.
const local = (url) => {
  const path = new URL(url).pathname;
  for (const [prefix, dir] of [["/ours/", "dist/script/"], ["/theirs/", "node_modules/vanilla-cookieconsent/dist/"], ["/bench/", "bench/"]]) if (path.startsWith(prefix)) return dir + path.slice(prefix.length);
  return null;
};
const bytes = {};
for (const name of ["ours", "theirs"]) {
  const files = [...new Set(Object.values(results)[0][name].flatMap((s) => s.files))].map(local).filter(Boolean);
  bytes[name] = { files, ...files.map((f) => compressed(readFileSync(f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 }) };
}

const metrics = [
  ["Accept visible, ms from navigation", "visible"],
  ["Accept visible, ms after first paint", "afterPaint"],
  ["long tasks in the first 2 s", "longTasks"],
  ["CLS", "cls"],
  ["returning, empty cache: analytics starts, ms", "returning"],
  ["returning, cached: analytics starts, ms", "returningCached"],
];
const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 1 ? 3 : 1));
const widths = [48, 24, 24, 12];
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("");
console.log(`consent-banner vs vanilla-cookieconsent 3.1.0 — ${RUNS} runs each per profile, alternating, fresh context per run, files brotli-compressed`);
console.log(line(["metric", "ours", "theirs", "ours/theirs"]));
for (const [label, key] of [["bytes, raw", "raw"], ["bytes, gzip -9", "gzip"], ["bytes, brotli -q 11", "brotli"]]) {
  console.log(line([label, bytes.ours[key], bytes.theirs[key], (bytes.ours[key] / bytes.theirs[key]).toFixed(2)]));
}
for (const [profileName, samples] of Object.entries(results)) {
  console.log(`— ${profileName}`);
  for (const [label, key] of metrics) {
    const [a, b] = ["ours", "theirs"].map((name) => samples[name].map((s) => s[key]));
    const cell = (xs) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
    console.log(line([label, cell(a), cell(b), median(b) ? (median(a) / median(b)).toFixed(2) : "—"]));
  }
}
mkdirSync("target", { recursive: true });
writeFileSync("target/bench.json", JSON.stringify({ date: new Date().toISOString(), runs: RUNS, profiles: PROFILES, bytes, results }, null, 1));
console.log("samples: target/bench.json");
