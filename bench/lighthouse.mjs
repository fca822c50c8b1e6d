// make bench, second table: what PageSpeed Insights would say of a site with the banner.
// Lighthouse 12.2.3 (performance only) in Debian's Chromium on two host pages — a Japanese article
// (an h1, six paragraphs, a table) and a short English contact page (an h1, two short lines) — each
// with no banner, with vanilla-cookieconsent v3 and with ours; in three modes: mobile with simulated
// throttling (as PageSpeed Insights runs it), mobile with DevTools throttling (what really
// happens on that profile), and desktop. LH_RUNS (5) runs each, variants alternated; medians.
// Prints the table with the targets and each run's LCP element; writes target/lighthouse.json.
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import Trace from "lighthouse/core/gather/gatherers/trace.js";
import { serve } from "../scripts/serve.mjs";

const RUNS = Number(process.env.LH_RUNS ?? 5);

// Chromium 156 renamed the PipelineReporter events' `chrome_frame_reporter` argument to
// `frame_reporter`; Lighthouse 12.2.3's trace engine still reads the old name (its screenshots
// handler, which the largest-contentful-paint-element audit needs), and the audit errors without
// it. The trace is given the old name too as Lighthouse gathers it, here rather than in node_modules.
const getArtifact = Trace.prototype.getArtifact;
Trace.prototype.getArtifact = function () {
  const trace = getArtifact.call(this);
  for (const event of trace?.traceEvents ?? []) {
    if (event.args?.frame_reporter && !event.args.chrome_frame_reporter) event.args.chrome_frame_reporter = event.args.frame_reporter;
  }
  return trace;
};

const GA_PATH = "/gtag/js?id=G-TEST123";
const OURS = `<script src="/ours/consent-banner.js" data-ga-id="G-TEST123" data-analytics-src="${GA_PATH}" data-policy-url="/privacy/" defer></script>`;
const THEIRS = {
  head: '<link rel="stylesheet" href="/theirs/cookieconsent.css"><script src="/theirs/cookieconsent.umd.js" defer></script><script src="/bench/theirs-init.js" defer></script>',
  body: `<script type="text/plain" data-category="analytics" async src="${GA_PATH}"></script>`,
};
const VARIANTS = { none: { head: "", body: "" }, vanilla: THEIRS, ours: { head: OURS, body: "" } };

const STYLE = "<style>body{font:16px/1.7 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:16px}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>";
const PARAGRAPH =
  "当センターは、国内外のセキュリティインシデントに関する報告を受け付け、対応の支援、発生状況の把握、手口の分析、再発防止のための対策の検討と助言などを、技術的な立場から行っています。" +
  "特定の政府機関や企業からは独立した中立の組織として、日本における情報セキュリティ対策活動の向上に積極的に取り組んでいます。";
const PAGES = {
  article: {
    lang: "ja",
    title: "脆弱性情報の公開について",
    body:
      "<h1>脆弱性情報の公開について</h1>" +
      Array.from({ length: 6 }, (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`).join("") +
      "<table><tr><th>日付</th><th>件名</th><th>種別</th></tr>" +
      Array.from({ length: 6 }, (_, i) => `<tr><td>2026-11-${String(i + 10)}</td><td>複数の製品における脆弱性に関する注意喚起</td><td>注意喚起</td></tr>`).join("") +
      "</table>",
  },
  contact: {
    lang: "en",
    title: "Contact",
    body: "<h1>Contact us</h1><p>Questions about the project: info@example.org</p><p>We answer within two working days.</p>",
  },
};
const html = (page, variant) =>
  `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${page.title}</title>${STYLE}${variant.head}</head><body>${page.body}${variant.body}</body></html>`;

// LH_MODES=mobile-devtools,… runs some of them (LH_PAGES=article,… some of the pages).
const MODES = {
  "mobile-simulated": { extends: "lighthouse:default", settings: { onlyCategories: ["performance"] } },
  "mobile-devtools": { extends: "lighthouse:default", settings: { onlyCategories: ["performance"], throttlingMethod: "devtools" } },
  desktop: { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: ["performance"] } },
};

const server = await serve({
  mounts: [["/ours/", "dist/script"], ["/theirs/", "node_modules/vanilla-cookieconsent/dist"], ["/bench/", "bench"]],
  compress: true,
  cache: true,
});
for (const [pageName, page] of Object.entries(PAGES)) for (const [name, v] of Object.entries(VARIANTS)) server.pages.set(`/${pageName}-${name}.html`, { body: html(page, v) });
server.pages.set("/gtag/js", { body: "/* gtag stub */", type: "text/javascript" });
const origin = `http://127.0.0.1:${server.port}`;

const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });

/** The LCP element as Lighthouse names it: the selector and the start of its text. */
function lcpElement(lhr) {
  const node = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
  if (!node) return lhr.audits["largest-contentful-paint-element"]?.errorMessage ? "(audit error)" : "(none)";
  return `${node.selector ?? node.nodeLabel}: "${String(node.nodeLabel ?? "").slice(0, 30)}"`;
}

const results = {};
const modes = (process.env.LH_MODES ?? Object.keys(MODES).join(",")).split(",");
const pages = (process.env.LH_PAGES ?? Object.keys(PAGES).join(",")).split(",");
for (const pageName of pages) {
  for (const mode of modes) {
    const samples = (results[`${pageName}|${mode}`] = { none: [], vanilla: [], ours: [] });
    const names = Object.keys(VARIANTS);
    for (let i = 0; i < RUNS; i++) {
      for (const name of names.map((_, k) => names[(i + k) % names.length])) {
        const { lhr } = await lighthouse(`${origin}/${pageName}-${name}.html`, { port: chrome.port, output: "json", logLevel: "error" }, MODES[mode]);
        const a = (id) => lhr.audits[id]?.numericValue ?? NaN;
        samples[name].push({
          score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
          fcp: a("first-contentful-paint"),
          lcp: a("largest-contentful-paint"),
          tbt: a("total-blocking-time"),
          cls: a("cumulative-layout-shift"),
          element: lcpElement(lhr),
          warnings: lhr.runWarnings,
        });
        process.stderr.write(".");
      }
    }
  }
}
process.stderr.write("\n");
await chrome.kill();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const m = (samples, key) => median(samples.map((s) => s[key]));
const ms = (v) => `${Math.round(v)}`;
const signed = (v) => `${v >= 0 ? "+" : "−"}${Math.abs(Math.round(v))}`;
const most = (xs) => { const c = new Map(); xs.forEach((x) => c.set(x, (c.get(x) ?? 0) + 1)); const [x, n] = [...c].sort((a, b) => b[1] - a[1])[0]; return `${x} (${n} of ${xs.length})`; };

console.log(`Lighthouse 12.2.3, performance, ${RUNS} runs each, medians (ms)`);
console.log("| page, mode | LCP none / vanilla / ours | LCP added by ours / vanilla | score none / vanilla / ours | TBT vanilla / ours | CLS ours | targets |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
const elements = [];
for (const [key, s] of Object.entries(results)) {
  const [pageName, mode] = key.split("|");
  const lcp = { none: m(s.none, "lcp"), vanilla: m(s.vanilla, "lcp"), ours: m(s.ours, "lcp") };
  const score = { none: m(s.none, "score"), vanilla: m(s.vanilla, "score"), ours: m(s.ours, "score") };
  const tbt = { vanilla: m(s.vanilla, "tbt"), ours: m(s.ours, "tbt") };
  const added = lcp.ours - lcp.none;
  const targets = [];
  if (mode !== "desktop" && pageName === "article") {
    targets.push(`LCP ≤ +100 ${added <= 100 ? "✓" : "✗"}`, `TBT ≤ vanilla ${tbt.ours <= tbt.vanilla ? "✓" : "✗"}`, `score ≥ vanilla ${score.ours >= score.vanilla ? "✓" : "✗"}`);
  }
  if (mode === "mobile-devtools" && pageName === "contact") targets.push(`LCP ≤ +600 ${added <= 600 ? "✓" : "✗"}`);
  console.log(`| ${pageName}, ${mode} | ${ms(lcp.none)} / ${ms(lcp.vanilla)} / ${ms(lcp.ours)} | ${signed(added)} / ${signed(lcp.vanilla - lcp.none)} | ${score.none} / ${score.vanilla} / ${score.ours} | ${ms(tbt.vanilla)} / ${ms(tbt.ours)} | ${m(s.ours, "cls").toFixed(3)} | ${targets.join(", ")} |`);
  for (const name of ["none", "vanilla", "ours"]) elements.push(`${pageName}, ${mode}, ${name}: ${most(s[name].map((x) => x.element))}`);
}
console.log("\nLCP element (the most frequent across runs):");
elements.forEach((e) => console.log(`- ${e}`));
mkdirSync("target", { recursive: true });
writeFileSync("target/lighthouse.json", JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results }, null, 1));
console.log("samples: target/lighthouse.json");
