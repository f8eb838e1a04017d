#!/usr/bin/env bash
# Nanami Auth Triage: one linear, pinned build.
#
#   ./build.sh          build the CLI and dist/ (the extension), then diagnose
#                       a bundled example and print its report
#   ./build.sh test     build and package, then run every test: native (cargo),
#                       the WASM boundary (wasm-bindgen-test), end-to-end
#                       (Chromium, Firefox ESR, nginx, the store zips, real
#                       policy files) and web-ext lint
#   ./build.sh bench    build, then print the benchmark figures
#   ./build.sh package  build, then write the store packages to packages/
#                       (Chrome Web Store zip, AMO zip, source archive for
#                       AMO's review, the managed edition), lint them and
#                       print their SHA-256; the same commit gives the same bytes
#
# On a fresh Debian machine with only Rust, Node.js and apt, it installs what
# is missing: the wasm32 target, the pinned wasm-bindgen-cli, binaryen,
# Chromium, Firefox ESR, nginx, faketime, and the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")"

# Pinned: must equal the wasm-bindgen version in Cargo.lock and
# wasm/Cargo.toml ("=0.2.130"); change all three together.
WASM_BINDGEN_VERSION=0.2.130
# The size budget of dist/core/auth_triage_wasm_bg.wasm (raw bytes): the
# build fails above it, so a change that grows the module says so. The data
# files (lexicons, catalogs, word lists) are not in the module: they ship
# beside it in dist/core/data/, so languages and catalogs do not count here.
WASM_BUDGET_BYTES=$((512 * 1024))
# The support page's HAR module (the core plus the HAR reader and sanitizer).
WASM_HAR_BUDGET_BYTES=$((768 * 1024))
MODE=${1:-build}

# The WASM module carries no path of this machine: panic locations of the
# dependencies and of inlined std code name `c/…` (a crate of the registry)
# and `/rustc/<commit>/…` (as the prebuilt std does) instead of this user's
# cargo registry and toolchain folders, so the module is the same wherever it
# is built (and a few KB smaller). Set for every wasm32 build here (build,
# clippy, tests), so they share one cache; set again once the native build has
# unpacked the registry (on a fresh machine it is empty before).
wasm_flags() {
  local reg=${CARGO_HOME:-$HOME/.cargo}/registry/src d
  local flags="--remap-path-prefix=$reg=crates"
  for d in "$reg"/*/; do
    [ -d "$d" ] && flags+=" --remap-path-prefix=${d%/}=c"
  done
  flags+=" --remap-path-prefix=$(rustc --print sysroot)/lib/rustlib/src/rust=/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags"
}
wasm_flags

step() { printf '\n== %s (%d s in)\n' "$*" "$SECONDS"; }
have() { command -v "$1" >/dev/null 2>&1; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing ${missing[*]} (apt-get)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $APT_UPDATED -eq 0 ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_build_tools() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # wasm-opt from npm's binaryen (pinned in package-lock.json): Debian's
  # wasm-opt 108 breaks the externref table of wasm-bindgen 0.2.130's output.
  ensure_npm
}

ensure_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "installing npm packages (npm ci)"
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

ensure_test_tools() {
  # chromium-l10n: the locale packs; without them Chromium runs in en-US
  # whatever LANGUAGE says (the UI-language tests need de and ja).
  # fonts-wqy-microhei: Chinese, Japanese and Korean glyphs for the screenshots.
  # firefox-esr-l10n-ja/-de: Firefox's language packs, so Firefox can run in
  # a Japanese or German UI (intl.locale.requested) for the same tests.
  apt_install chromium chromium-l10n fonts-wqy-microhei firefox-esr firefox-esr-l10n-ja firefox-esr-l10n-de nginx faketime openssl
  ensure_npm
}

build() {
  step "building the CLI (native, release)"
  cargo build --release --locked --bin auth-triage
  wasm_flags

  step "building the core for wasm32"
  cargo build --locked -p auth-triage-wasm --target wasm32-unknown-unknown --profile wasm
  local out=target/wasm-bindgen
  rm -rf "$out"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$out" target/wasm32-unknown-unknown/wasm/auth_triage_wasm.wasm
  # --converge runs -Oz again until the module stops shrinking (about
  # 350 bytes of the popup module's budget, for a few seconds of build).
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/auth_triage_wasm_bg.opt.wasm" "$out/auth_triage_wasm_bg.wasm"
  mv "$out/auth_triage_wasm_bg.opt.wasm" "$out/auth_triage_wasm_bg.wasm"

  # The support page's HAR worker has a module of its own: the core with
  # the HAR reader and sanitizer (feature `har`), so the popup's stays small.
  step "building the core's HAR module for wasm32 (support page)"
  CARGO_TARGET_DIR=target/wasm-har cargo build --locked -p auth-triage-wasm --features har \
    --target wasm32-unknown-unknown --profile wasm
  local har_out=target/wasm-bindgen-har
  rm -rf "$har_out"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$har_out" target/wasm-har/wasm32-unknown-unknown/wasm/auth_triage_wasm.wasm
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$har_out/auth_triage_wasm_bg.opt.wasm" "$har_out/auth_triage_wasm_bg.wasm"
  mv "$har_out/auth_triage_wasm_bg.opt.wasm" "$har_out/auth_triage_wasm_bg.wasm"

  step "assembling dist/"
  rm -rf dist
  mkdir -p dist/core dist/core-har
  cp -R extension/. dist/
  cp manifest.json dist/manifest.json
  cp "$out/auth_triage_wasm.js" "$out/auth_triage_wasm_bg.wasm" dist/core/
  cp "$har_out/auth_triage_wasm.js" "$har_out/auth_triage_wasm_bg.wasm" dist/core-har/
  ship_data dist/core/data
  # dist/ is what a store gets. Beside it, never published: dist-test/ (the
  # automation hook and the test grant) and dist-managed/ (host access
  # required, for force-install by policy); see scripts/variants.mjs.
  node scripts/variants.mjs

  local size gz
  size=$(stat -c %s dist/core/auth_triage_wasm_bg.wasm)
  gz=$(gzip -9c dist/core/auth_triage_wasm_bg.wasm | wc -c)
  printf '_bg.wasm: %d bytes raw (%d KiB), %d bytes gzipped; budget %d KiB\n' \
    "$size" $((size / 1024)) "$gz" $((WASM_BUDGET_BYTES / 1024))
  # The same sources give the same module on any machine: compare this.
  echo "_bg.wasm sha256: $(sha256sum dist/core/auth_triage_wasm_bg.wasm | cut -d' ' -f1)"
  if [ "$size" -gt "$WASM_BUDGET_BYTES" ]; then
    echo "error: _bg.wasm is over its size budget" >&2
    exit 1
  fi
  size=$(stat -c %s dist/core-har/auth_triage_wasm_bg.wasm)
  gz=$(gzip -9c dist/core-har/auth_triage_wasm_bg.wasm | wc -c)
  printf 'core-har/_bg.wasm (support page only): %d bytes raw (%d KiB), %d bytes gzipped; budget %d KiB\n' \
    "$size" $((size / 1024)) "$gz" $((WASM_HAR_BUDGET_BYTES / 1024))
  if [ "$size" -gt "$WASM_HAR_BUDGET_BYTES" ]; then
    echo "error: core-har/_bg.wasm is over its size budget" >&2
    exit 1
  fi
}

# The core's data files (lexicon/, messages/, catalogs/, vocab/, psl/: the folders build.rs
# embeds in the CLI) go beside the WASM module, minified, with an index the
# extension reads; the module itself carries none of them. The files every
# page hands the core (catalogs, word lists, the public suffix list, the
# English lexicon and messages) also go into one file, common.json, read in
# one fetch: twenty-odd fetches of small files cost the popup about 35 ms.
# The index names them under `common`; other languages load one file each.
ship_data() {
  node - "$1" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const out = process.argv[2];
const files = [];
for (const [dir, ext] of [['lexicon', '.json'], ['messages', '.json'], ['catalogs', '.json'], ['vocab', '.txt'], ['psl', '.b64']]) {
  if (!fs.existsSync(dir)) continue;
  fs.mkdirSync(path.join(out, dir), { recursive: true });
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith(ext) || f.startsWith('.')) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const shipped = ext === '.json' ? JSON.stringify(JSON.parse(text)) : text.replace(/\r\n/g, '\n');
    fs.writeFileSync(path.join(out, dir, f), shipped);
    files.push(`${dir}/${f}`);
  }
}
files.sort();
const common = files.filter((n) => (n.startsWith('lexicon/') || n.startsWith('messages/') ? /\/en\.json$/.test(n) : true));
const texts = Object.fromEntries(common.map((n) => [n, fs.readFileSync(path.join(out, n), 'utf8')]));
fs.writeFileSync(path.join(out, 'common.json'), JSON.stringify(texts));
fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({ files, common }));
console.log(`core data: ${files.length} files beside the module (${common.length} of them also in common.json)`);
JS
}

example() {
  local ex=tests/fixtures/mfa-invalid-code-clock-skew/snapshot.json
  step "diagnosing a bundled example: $ex"
  echo "(a correct TOTP code rejected while the auth host's clock is 5 minutes off)"
  ./target/release/auth-triage classify --format text "$ex"
  step "its evidence report (Markdown, as Copy report puts it on the clipboard)"
  ./target/release/auth-triage report "$ex"
  step "done"
  cat <<MSG
The extension is in dist/. Load it unpacked:
  Chromium: chrome://extensions > Developer mode > Load unpacked > $(pwd)/dist
  Firefox:  about:debugging#/runtime/this-firefox > Load Temporary Add-on > $(pwd)/dist/manifest.json
The CLI is target/release/auth-triage (classify, report, verify, render, retriage).
MSG
}

run_tests() {
  step "format and lints"
  cargo fmt --all --check
  cargo clippy --locked --workspace --all-targets -- -D warnings
  cargo clippy --locked -p auth-triage-wasm --target wasm32-unknown-unknown -- -D warnings
  CARGO_TARGET_DIR=target/wasm-har cargo clippy --locked -p auth-triage-wasm --features har \
    --target wasm32-unknown-unknown -- -D warnings

  step "the core's modules import one another without a circle (scripts/cycles.mjs)"
  node scripts/cycles.mjs

  step "the core's shape: longest functions, largest files, no line of src/ over 100 columns (scripts/shape.mjs)"
  node scripts/shape.mjs

  step "unit tests of the scripts and pure JS modules (node:test)"
  node --test tests/unit/

  step "type check of the extension's // @ts-check modules (tsc --noEmit, JSDoc types)"
  node_modules/.bin/tsc --noEmit -p tsconfig.json

  # The corpora (about 26,000 pages, classified in process) run in a step
  # of their own, so that their figures are printed.
  local corpora=(corpus_macro_f1_and_safe_codes languages_corpus_per_language
    own_wordings_per_language translated_corpus_per_language blind_wordings_per_language)
  step "native tests (cargo test; the corpora follow)"
  cargo test --locked --workspace -- "${corpora[@]/#/--skip=}"

  step "the corpora: English, the languages corpus and its held-out rounds, our translations"
  cargo test --locked --test corpus --test corpus_lang --test corpus_translated -- --nocapture

  step "no secret gets out: 100,000 generated canaries in every snapshot position"
  NO_SECRETS_CASES=100000 cargo test --locked --profile long-tests --test no_secrets \
    generated_canaries_reach_no_output -- --nocapture
  step "no secret gets out of a HAR: 24,000 generated canaries in every HAR position"
  NO_SECRETS_HAR_CASES=24000 cargo test --locked --profile long-tests --test no_secrets \
    generated_canaries_in_har_reach_no_output -- --nocapture

  step "the core's JSON reader against serde's derived decoders"
  cargo clippy --locked --features serde-reference --test decode -- -D warnings
  cargo test --locked --features serde-reference --test decode

  step "WASM boundary tests (wasm-bindgen-test, in Node)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked -p auth-triage-wasm --target wasm32-unknown-unknown
  step "WASM boundary tests of the support page's module (feature har: verify, HAR)"
  CARGO_TARGET_DIR=target/wasm-har CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked -p auth-triage-wasm --features har --target wasm32-unknown-unknown

  step "extension lint (web-ext lint)"
  npx --no-install web-ext lint --source-dir dist --self-hosted --output text

  step "end-to-end tests (dist/ as shipped and dist-test/, in Chromium and Firefox ESR)"
  node --test --test-concurrency=1 tests/e2e/
}

# Store packages, the same bytes for the same commit: files sorted, one
# timestamp (the commit's), fixed modes, no extra zip fields.
package() {
  local version epoch pkg=packages
  version=$(node -p "require('./dist/manifest.json').version")
  epoch=$(git log -1 --format=%ct)
  rm -rf "$pkg"
  mkdir -p "$pkg"
  [ -z "$(git status --porcelain --untracked-files=no)" ] ||
    echo "warning: uncommitted changes; the source archive holds the last commit only" >&2
  for d in dist dist-managed; do
    find "$d" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +
    find "$d" -exec touch -h -d "@$epoch" {} +
  done

  step "Chrome Web Store zip"
  (cd dist && find . -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 -@ "../$pkg/nanami-auth-triage-$version-chrome.zip")

  step "AMO zip (web-ext build)"
  # web-ext picks the files (its ignore rules) and checks the manifest; it
  # adds them in the order they are read and stamps folders with the build
  # time, so its zip is re-packed the same way as the Chrome one.
  local webext
  webext=$(mktemp -d)
  npx --no-install web-ext build --source-dir dist --artifacts-dir "$webext" --filename amo.zip >/dev/null
  mkdir "$webext/x"
  unzip -q "$webext/amo.zip" -d "$webext/x"
  find "$webext/x" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +
  find "$webext/x" -exec touch -h -d "@$epoch" {} +
  (cd "$webext/x" && find . -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 -@ "$OLDPWD/$pkg/nanami-auth-triage-$version-firefox.zip")
  rm -rf "$webext"

  step "managed edition zip (force-install by policy, docs/admin.md)"
  (cd dist-managed && find . -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 -@ "../$pkg/nanami-auth-triage-$version-managed.zip")

  step "source archive for AMO's review (docs/building.md)"
  git archive --format=tar --prefix="nanami-auth-triage-$version-source/" HEAD |
    gzip -n -9 > "$pkg/nanami-auth-triage-$version-source.tar.gz"

  step "lint the store zips (web-ext lint, as AMO runs it)"
  local tmp
  for z in chrome firefox managed; do
    tmp=$(mktemp -d)
    unzip -q "$pkg/nanami-auth-triage-$version-$z.zip" -d "$tmp"
    echo "-- $z"
    npx --no-install web-ext lint --source-dir "$tmp" --output text
    rm -rf "$tmp"
  done

  step "SHA-256 (compare two builds of the same commit)"
  (cd "$pkg" && sha256sum -- *)
}

case "$MODE" in
  build)
    ensure_build_tools
    build
    example
    ;;
  test)
    ensure_build_tools
    ensure_test_tools
    build
    package # the e2e tests load the store zips
    run_tests
    ;;
  bench)
    ensure_build_tools
    ensure_test_tools
    build
    step "native benchmarks (cargo bench)"
    cargo bench --locked --bench classify
    step "extension benchmarks (headless Chromium)"
    node tests/e2e/bench.mjs
    step "HAR benchmark (auth-triage har, 5 / 50 / 200 MB)"
    node tests/e2e/har-bench.mjs
    ;;
  package)
    ensure_build_tools
    build
    package
    ;;
  *)
    echo "usage: ./build.sh [test|bench|package]" >&2
    exit 2
    ;;
esac
