// A small static server for the demo (`make demo`), the end-to-end tests and the bench: maps URL
// prefixes to folders, serves .wasm as application/wasm (needed for streaming compilation), can
// add headers (a CSP) and in-memory pages, can compress and cache as a real host does, and logs
// every request so tests can assert on the network. With `tls` it is also the browsers' HTTP proxy:
// other hosts (www.example.test, the analytics origin over CONNECT) reach the same handler, so
// every engine's requests land in one log whatever its driver can intercept.
import { createServer } from "node:http";
import { createServer as createSecureServer } from "node:https";
import { brotliCompressSync, constants } from "node:zlib";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * mounts: [[urlPrefix, folder]], longest prefix first wins.
 * pages: Map of path -> { body, headers } served before the folders (tests write pages here).
 * headers: added to every response.
 * compress: brotli (quality 11) for every response when the request accepts it, as a host does.
 * cache: files (not pages) may be cached for an hour; otherwise everything is no-store.
 * respond(request, url): answers first when it returns { body, type } (another host's stub).
 * transform(html, path): rewrites every HTML response (a test probe in <head>).
 * tls: { key, cert }: CONNECT tunnels are answered here, decrypted with this certificate.
 */
export function serve({ port = 0, host = "127.0.0.1", mounts = [], pages = new Map(), headers = {}, compress = false, cache = false, respond, transform, tls } = {}) {
  const log = [];
  // Compressed once per file (or page text), as a host serves precompressed files.
  const compressed = new Map();
  const brotli = (key, body) => {
    if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    return compressed.get(key);
  };
  const sorted = [...mounts].sort((a, b) => b[0].length - a[0].length).map(([p, d]) => [p, resolve(d)]);
  const handler = async (req, res) => {
    const url = new URL(req.url, "http://x");
    log.push({ method: req.method, path: url.pathname, search: url.search, host: req.headers.host, secure: Boolean(req.socket.encrypted), at: Date.now() });
    const send = (code, body, type, extra = {}, file = null) => {
      if (transform && type.startsWith("text/html") && code === 200) body = transform(String(body), url.pathname);
      const encoded = compress && /\bbr\b/.test(req.headers["accept-encoding"] ?? "") && code === 200;
      const caching = cache && file ? "public, max-age=3600" : "no-store";
      if (encoded) body = brotli(file ?? body, typeof body === "string" ? Buffer.from(body) : body);
      res.writeHead(code, { "content-type": type, "cache-control": caching, ...(encoded ? { "content-encoding": "br", vary: "accept-encoding" } : {}), ...headers, ...extra });
      res.end(body);
    };
    const answer = respond?.(req, url);
    if (answer) return send(answer.status ?? 200, answer.body, answer.type);
    const page = pages.get(url.pathname);
    if (page) return send(200, page.body, page.type ?? TYPES[".html"], page.headers);
    for (const [prefix, dir] of sorted) {
      if (!url.pathname.startsWith(prefix)) continue;
      let file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!file.startsWith(dir)) return send(403, "forbidden", "text/plain");
      try {
        if ((await stat(file)).isDirectory()) file = join(file, "index.html");
        return send(200, await readFile(file), TYPES[extname(file)] ?? "application/octet-stream", {}, file);
      } catch {
        /* try the next mount */
      }
    }
    send(404, "not found", "text/plain");
  };
  const server = createServer(handler);
  if (tls) {
    const secure = createSecureServer(tls, handler);
    server.on("connect", (req, socket) => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      secure.emit("connection", socket);
    });
  }
  return new Promise((ok) =>
    server.listen(port, host, () => ok({ server, log, pages, port: server.address().port, close: () => new Promise((done) => server.close(done)) })),
  );
}

/** The strict policy the demo is served under, to show the banner needs nothing looser. */
export const DEMO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://www.googletagmanager.com; style-src 'self'; img-src 'self' data:";

/** Where the example project's contact form posts; the answer is its thank-you page. */
const CONTACT = "/examples/project/contact/";

/** The demo site's folders, policy and one form handler (for serve(), and for the tests). */
export function demoSite() {
  return {
    headers: { "content-security-policy": DEMO_CSP },
    mounts: [["/", "www"], ["/assets/consent-banner/", "dist/script"]],
    respond(req, url) {
      if (req.method !== "POST" || url.pathname !== CONTACT) return null;
      // Read and dropped: the demo keeps nothing a visitor sends.
      req.resume();
      return { body: readFileSync(join("www", CONTACT, "thanks/index.html")), type: TYPES[".html"] };
    },
  };
}

/** The demo site exactly as `make demo` serves it. */
export function serveDemo(port = 0) {
  return serve({ port, ...demoSite() });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--port");
  const { port } = await serveDemo(i > 0 ? Number(process.argv[i + 1]) : 8080);
  console.log(`consent-banner demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
}
