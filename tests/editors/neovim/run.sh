#!/usr/bin/env bash
# Headless Neovim test of the claimlint language server: Neovim's built-in LSP client starts
# dist/server.js on a copy of examples/draft.md and checks diagnostics, hover, the
# "Add attribution…" quick fix and shutdown (see check.lua). Exits non-zero when any check fails.
#
#   npm run build && bash tests/editors/neovim/run.sh
#
# CLAIMLINT_NVIM_FIXTURE=path/to/draft.md runs it on another draft (it must contain an
# unattributed figure and the name ATACMS); CLAIMLINT_NVIM_KEEP=1 keeps the temp folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
fixture="${CLAIMLINT_NVIM_FIXTURE:-$root/examples/draft.md}"

fail() { echo "neovim test: FAIL: $*" >&2; exit 1; }

# --- Neovim: Debian's package (0.7.x) when it is missing -------------------------------------
if ! command -v nvim >/dev/null 2>&1; then
  echo "neovim test: nvim not found, installing Debian's neovim package"
  if [ "$(id -u)" -eq 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
  else fail "nvim is not installed, and installing it needs root or sudo (neither is available)"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "nvim is not installed and there is no apt-get to install it with"
  # Noninteractive: CI has no terminal to answer questions.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || fail "apt-get update failed, so nvim could not be installed"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim \
    || fail "apt-get install neovim failed"
  command -v nvim >/dev/null 2>&1 || fail "apt-get installed neovim but there is still no nvim on PATH"
fi
echo "neovim test: $(nvim --version | head -n 1) at $(command -v nvim)"

# --- What the test runs against --------------------------------------------------------------
node="$(command -v node)" || fail "node is not on PATH"
[ -f "$root/dist/server.js" ] || fail "$root/dist/server.js is missing: run \`npm run build\` first"
[ -f "$root/dist/cli.js" ] || fail "$root/dist/cli.js is missing: run \`npm run build\` first"
[ -f "$fixture" ] || fail "fixture $fixture not found"

# A temp folder is the workspace root: no .claimlintrc.json of the repository applies, and
# Neovim's state and LSP log (XDG dirs) stay out of the home folder.
work="$(mktemp -d "${TMPDIR:-/tmp}/claimlint-nvim.XXXXXX")"
work="$(cd "$work" && pwd -P)" # the real path, as the server sees it in file URIs
# CLAIMLINT_NVIM_KEEP=1 keeps the folder (draft, LSP log, result) for a look afterwards.
if [ "${CLAIMLINT_NVIM_KEEP:-}" = 1 ]; then echo "neovim test: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
cp "$fixture" "$work/draft.md"
mkdir -p "$work/xdg/config" "$work/xdg/data" "$work/xdg/state" "$work/xdg/cache"
export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
  XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache"

# --- What the server should report: the CLI's findings (CLI and server share the engine) -----
# Exit code 1 means "there are findings", which this fixture must have.
set +e
cli_json="$("$node" "$root/dist/cli.js" --format json "$work/draft.md")"
cli_rc=$?
set -e
[ "$cli_rc" -le 1 ] || fail "the CLI failed on the fixture (exit $cli_rc): $cli_json"
expected="$(printf '%s' "$cli_json" | "$node" -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    for (const f of JSON.parse(s)) for (const d of f.diagnostics) {
      const r = d.range;
      console.log(`${d.rule} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`);
    }
  });')"
echo "neovim test: the CLI finds $(printf '%s\n' "$expected" | grep -c .) findings in $(basename "$fixture"):"
printf '%s\n' "$expected" | sed 's/^/  /'

# --- Run Neovim ------------------------------------------------------------------------------
# --clean: no user config or plugins, only Neovim's runtime. `timeout` is the hard stop should
# anything hang (each wait inside check.lua gives up after 15 s; a passing run takes ~1 s).
result="$work/result"
export CLAIMLINT_NODE="$node" CLAIMLINT_SERVER="$root/dist/server.js" CLAIMLINT_CLI="$root/dist/cli.js" \
  CLAIMLINT_WORKDIR="$work" CLAIMLINT_DRAFT="$work/draft.md" CLAIMLINT_RESULT="$result" \
  CLAIMLINT_EXPECTED="$expected"
echo "neovim test: running check.lua"
started=$(date +%s)
set +e
# check.lua quits by itself (:qa! or :cquit 1); the second -c only runs if it could not,
# e.g. a syntax error, which would otherwise leave Neovim waiting until the timeout.
timeout -k 5 60 nvim --headless --clean -c "luafile $here/check.lua" -c "cquit 2" </dev/null
nvim_rc=$?
set -e
echo "neovim test: nvim exited with $nvim_rc after $(( $(date +%s) - started )) s"

# Trust the result file, not only the exit code: a headless Neovim that dies or is killed
# before check.lua ends leaves no PASS behind.
verdict="$(cat "$result" 2>/dev/null || true)"
if [ "$nvim_rc" -eq 0 ] && [ "${verdict%% *}" = "PASS" ]; then
  echo "neovim test: PASS"
  exit 0
fi

[ "$nvim_rc" -eq 124 ] && echo "neovim test: nvim was killed after 60 s" >&2
log="$work/xdg/cache/nvim/lsp.log"
if [ -f "$log" ]; then
  echo "neovim test: last 150 lines of the LSP log ($log):" >&2
  tail -n 150 "$log" >&2
fi
fail "nvim exit code $nvim_rc, result file: ${verdict:-missing}"
