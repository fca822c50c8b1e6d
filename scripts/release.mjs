// `make release`: dist/release/ holds the site owner's archive (dist/script/ with the licences and a
// short README), the npm tarball and the SBOM of the module's crates, all byte-for-byte
// reproducible, with SHA256SUMS; then prints
// the script tag to paste, with the Subresource Integrity of consent-banner.js (which carries the
// module's own, so one hash pins every byte the banner runs).
//
//   node scripts/release.mjs <version>
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [version] = process.argv.slice(2);
if (!/^\d+\.\d+\.\d+/.test(version ?? "")) throw new Error(`release: no version (got ${version})`);
const out = "dist/release";
const name = `consent-banner-${version}`;
rmSync(out, { recursive: true, force: true });
const stage = join(out, name);
mkdirSync(stage, { recursive: true });

const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;
const integrity = sri("dist/script/consent-banner.js");
const tag = `<script src="/assets/consent-banner/consent-banner.js"
        integrity="${integrity}"
        data-ga-id="G-XXXXXXXXXX"
        data-policy-url="/privacy/"
        defer></script>`;

for (const file of readdirSync("dist/script")) copyFileSync(join("dist/script", file), join(stage, file));
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(file, join(stage, file));
writeFileSync(
  join(stage, "README.txt"),
  `consent-banner ${version}

Copy this folder to your site (say to /assets/consent-banner/) and add to each page's <head>:

${tag}

The integrity attribute pins consent-banner.js, which fetches consent-banner.wasm from beside
itself with that file's own hash: a changed file is refused and nothing optional loads. Serve
.wasm as application/wasm if you can. Every setting, the configurator and the npm package:
see the project's README. Licensed under MIT or Apache-2.0, at your option (the two files here).
`,
);

// Reproducible: sorted names, no owners, one fixed time, and gzip without a name or timestamp.
const tar = execFileSync("tar", ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "--format=gnu", "-C", out, "-cf", "-", name]);
writeFileSync(join(out, `${name}.tar.gz`), execFileSync("gzip", ["-9", "-n"], { input: tar }));
rmSync(stage, { recursive: true });

// The SBOM: the crates the module is built from (wasm32 target, no build-only dependencies), as
// CycloneDX 1.5 JSON. Its time is the commit's, and the clone's own path becomes ".", so two
// clones of one commit write the same bytes.
const epoch = (() => {
  try {
    return execFileSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).trim() || "0";
  } catch {
    return "0";
  }
})();
execFileSync("cargo", ["cyclonedx", "--format", "json", "--spec-version", "1.5", "--no-build-deps", "--target", "wasm32-unknown-unknown", "--override-filename", "sbom"], {
  env: { ...process.env, SOURCE_DATE_EPOCH: epoch, CARGO_NET_OFFLINE: "true" },
  stdio: ["ignore", "ignore", "inherit"],
});
const sbom = readFileSync("sbom.json", "utf8").replaceAll(`path+file://${process.cwd()}#`, "path+file://.#");
rmSync("sbom.json");
// The stack the banner is specified on must be in it, at Cargo.lock's versions.
const locked = Object.fromEntries([...readFileSync("Cargo.lock", "utf8").matchAll(/name = "([^"]+)"\nversion = "([^"]+)"/g)].map((m) => [m[1], m[2]]));
const listed = new Set(JSON.parse(sbom).components.map((c) => `${c.name}@${c.version}`));
for (const crate of ["wasm-bindgen", "web-sys", "js-sys", "serde", "serde_json", "serde-wasm-bindgen", "gloo-storage"]) {
  if (!listed.has(`${crate}@${locked[crate]}`)) throw new Error(`release: the SBOM does not list ${crate}@${locked[crate]}`);
}
writeFileSync(join(out, `${name}.cdx.json`), sbom);

// npm writes its tarball with fixed times already.
execFileSync("npm", ["pack", "./dist/npm", "--pack-destination", out, "--loglevel=error"], { stdio: ["ignore", "ignore", "inherit"] });

const archives = readdirSync(out).sort();
const sums = archives.map((file) => `${createHash("sha256").update(readFileSync(join(out, file))).digest("hex")}  ${file}`).join("\n") + "\n";
writeFileSync(join(out, "SHA256SUMS"), sums);
process.stdout.write(`${sums}\nThe tag to paste (the integrity pins every byte the banner runs):\n\n${tag}\n`);
