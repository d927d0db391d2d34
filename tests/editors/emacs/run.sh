#!/usr/bin/env bash
# Headless Emacs test of the claimlint language server: Eglot (Emacs's LSP client) starts
# dist/server.js on a copy of examples/draft.md and checks diagnostics (through Flymake),
# settings, hover, the "Add attribution…" quick fix and shutdown (see check.el). Exits
# non-zero when any check fails.
#
#   npm run build && bash tests/editors/emacs/run.sh
#
# CLAIMLINT_EMACS_FIXTURE=path/to/draft.md runs it on another draft (it must contain an
# unattributed figure and the name ATACMS); CLAIMLINT_EMACS_KEEP=1 keeps the temp folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
fixture="${CLAIMLINT_EMACS_FIXTURE:-$root/examples/draft.md}"

fail() { echo "emacs test: FAIL: $*" >&2; exit 1; }

# Can this Emacs load Eglot? -Q leaves out site-lisp, so activate Debian's ELPA packages the
# way check.el does (Emacs 29 and later have Eglot built in).
eglot_loads() {
  local home
  home="$(mktemp -d "${TMPDIR:-/tmp}/claimlint-emacs-probe.XXXXXX")"
  HOME="$home" emacs --batch -Q --eval "(progn (require 'package)
      (setq package-user-dir \"$home/elpa\"
            package-directory-list '(\"/usr/share/emacs/site-lisp/elpa\"))
      (package-initialize)
      (kill-emacs (if (require 'eglot nil t) 0 1)))" >/dev/null 2>&1
  local rc=$?
  rm -rf "$home"
  return $rc
}

# --- Emacs and Eglot: Debian's packages (Emacs 28.2, Eglot 1.9) when they are missing --------
packages=()
command -v emacs >/dev/null 2>&1 || packages+=(emacs-nox)
if [ ${#packages[@]} -gt 0 ] || ! eglot_loads; then packages+=(elpa-eglot); fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "emacs test: installing Debian's ${packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
  else fail "${packages[*]} missing, and installing needs root or sudo (neither is available)"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "${packages[*]} missing and there is no apt-get to install with"
  # Noninteractive: CI has no terminal to answer questions.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || fail "apt-get update failed, so ${packages[*]} could not be installed"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" \
    || fail "apt-get install ${packages[*]} failed"
  command -v emacs >/dev/null 2>&1 || fail "apt-get installed ${packages[*]} but there is still no emacs on PATH"
  eglot_loads || fail "apt-get installed ${packages[*]} but Emacs still cannot load eglot"
fi
echo "emacs test: $(emacs --version | head -n 1) at $(command -v emacs)"

# --- What the test runs against --------------------------------------------------------------
node="$(command -v node)" || fail "node is not on PATH"
[ -f "$root/dist/server.js" ] || fail "$root/dist/server.js is missing: run \`npm run build\` first"
[ -f "$root/dist/cli.js" ] || fail "$root/dist/cli.js is missing: run \`npm run build\` first"
[ -f "$fixture" ] || fail "fixture $fixture not found"

# A temp folder is the project root: no .claimlintrc.json of the repository applies, and
# Emacs's state (HOME) stays out of the home folder.
work="$(mktemp -d "${TMPDIR:-/tmp}/claimlint-emacs.XXXXXX")"
work="$(cd "$work" && pwd -P)" # the real path, as the server sees it in file URIs
# CLAIMLINT_EMACS_KEEP=1 keeps the folder (draft, edited copies, result) for a look afterwards.
if [ "${CLAIMLINT_EMACS_KEEP:-}" = 1 ]; then echo "emacs test: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
cp "$fixture" "$work/draft.md"
mkdir -p "$work/home"

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
echo "emacs test: the CLI finds $(printf '%s\n' "$expected" | grep -c .) findings in $(basename "$fixture"):"
printf '%s\n' "$expected" | sed 's/^/  /'

# --- Run Emacs -------------------------------------------------------------------------------
# --batch -Q: no init file, no site-lisp, no terminal; Eglot's process filters and timers run
# inside check.el's accept-process-output loops. check.el ends with kill-emacs 0 or 1; an
# error while loading it ends batch Emacs too (exit 255). `timeout` is the hard stop should
# anything hang (each wait inside check.el gives up after 15 s; a passing run takes ~2 s).
# stdin is /dev/null, so a prompt Eglot should not show fails at once instead of waiting.
result="$work/result"
export CLAIMLINT_NODE="$node" CLAIMLINT_SERVER="$root/dist/server.js" CLAIMLINT_CLI="$root/dist/cli.js" \
  CLAIMLINT_WORKDIR="$work" CLAIMLINT_DRAFT="$work/draft.md" CLAIMLINT_RESULT="$result" \
  CLAIMLINT_EXPECTED="$expected"
echo "emacs test: running check.el"
started=$(date +%s)
set +e
HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  timeout -k 5 90 emacs --batch -Q -l "$here/check.el" </dev/null 2>"$work/emacs.stderr"
emacs_rc=$?
set -e
echo "emacs test: emacs exited with $emacs_rc after $(( $(date +%s) - started )) s"

# Trust the result file, not only the exit code: an Emacs that dies or is killed before
# check.el ends leaves no PASS behind.
verdict="$(cat "$result" 2>/dev/null || true)"
if [ "$emacs_rc" -eq 0 ] && [ "${verdict%% *}" = "PASS" ]; then
  echo "emacs test: PASS"
  exit 0
fi

[ "$emacs_rc" -eq 124 ] && echo "emacs test: emacs was killed after 90 s" >&2
# Eglot's messages and any Lisp error go to stderr in batch mode (check.el prints the
# events buffer itself when a check fails).
echo "emacs test: last 80 lines of Emacs's stderr:" >&2
tail -n 80 "$work/emacs.stderr" >&2 || true
fail "emacs exit code $emacs_rc, result file: ${verdict:-missing}"
