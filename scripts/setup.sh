#!/usr/bin/env bash
# Installs what building needs (`setup.sh build`: the Rust toolchain and wasm target, wasm-pack,
# wasm-bindgen-cli, binaryen and the other npm tools — any Linux or macOS with rustup and Node), or
# also what a release needs (`setup.sh release`: cargo-cyclonedx for the SBOM), or also what the
# tests and the bench need (`setup.sh test`: that, and the browsers, their drivers and Xvfb, from a
# fresh Debian's apt), and nothing twice.
# Tools go outside the clone (cargo's bin dir, apt) so reruns and CI on the same machine reuse
# them; npm packages go into the clone's node_modules from the committed lockfile.
# Nothing here downloads from GitHub: see ../shared/TOOLCHAIN.md for what breaks on these machines.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
DENY_VERSION=0.20.2
CYCLONEDX_VERSION=0.5.9
# wasm-pack uses a wasm-bindgen on PATH only when it matches Cargo.lock exactly.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# The pinned compiler of rust-toolchain.toml, with its target and components (once; then a no-op).
rustup --quiet toolchain install

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# The release's SBOM (CycloneDX, made offline from Cargo.lock); make test checks the release.
# (It names itself "cargo-cyclonedx-cyclonedx <version>".)
if [ "${1:-build}" != build ] && [[ "$(cargo cyclonedx --version 2>/dev/null)" != *" $CYCLONEDX_VERSION" ]]; then
  say "installing cargo-cyclonedx $CYCLONEDX_VERSION (two minutes, once)"
  cargo install cargo-cyclonedx --version "$CYCLONEDX_VERSION" --locked --quiet
fi

if [ "${1:-build}" = test ]; then
# The dependency check of make test (licences, bans, sources; offline).
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $DENY_VERSION" ]; then
  say "installing cargo-deny $DENY_VERSION (a few minutes, once)"
  cargo install cargo-deny --version "$DENY_VERSION" --locked --quiet
fi
apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
# The other two engines of the end-to-end suite: Firefox ESR (WebDriver BiDi) and WebKitGTK's
# MiniBrowser with WebKitWebDriver, which needs an X display (Xvfb); openssl makes the test
# certificate for the analytics origin; locales has the sources localedef compiles ja_JP from.
[ -x /usr/bin/firefox-esr ] || apt_missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || apt_missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || apt_missing+=(xvfb)
command -v openssl >/dev/null || apt_missing+=(openssl)
[ -f /usr/share/i18n/locales/ja_JP ] || apt_missing+=(locales)
command -v brotli >/dev/null || apt_missing+=(brotli)
# Without CJK fonts Japanese renders as boxes in screenshots.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || apt_missing+=(fonts-noto-cjk)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]} from apt"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi
fi

if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --quiet
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lockfile pins a webpki-roots the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force --quiet
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen's wasm-opt, esbuild, the browser drivers, axe-core)"
  # The drivers drive Debian's browsers; none may fetch its own.
  PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 SE_AVOID_BROWSER_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
