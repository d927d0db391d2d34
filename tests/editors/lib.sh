# Shared shell code of the headless editor tests (tests/editors/*/run.sh). Each run.sh sets
# editors_label (the prefix of its messages, e.g. "neovim test") and then sources this file:
#
#   editors_label="neovim test"
#   . "$here/../lib.sh"
#
# What lives here is only what every editor test does the same way: installing Debian
# packages, checking the build, the temp workspace, the CLI's findings as the expected
# diagnostics, the environment check.lua / check.el read, running the editor under a hard
# timeout and the verdict. What an editor needs beyond that (its own packages probe, state
# folders, logs to show on failure) stays in its run.sh. Functions share their results
# through editors_* variables rather than stdout, so that they run in the test's own shell
# (a trap set in a $(…) subshell would fire at once).

: "${editors_label:?set editors_label (e.g. \"neovim test\") before sourcing lib.sh}"

# The repository root: dist/ and examples/ are found from here, whatever the current folder.
editors_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# A progress line on stdout, prefixed so that the output of several tests in a row
# (`npm test`) says which one is speaking.
editors_say() { echo "$editors_label: $*"; }

# Ends the test with a reason on stderr: a failed editor test should say why, not only exit 1.
editors_fail() { echo "$editors_label: FAIL: $*" >&2; exit 1; }

# editors_install_packages COMMAND PACKAGE...
# Installs Debian packages (the editor, and whatever it needs) when they are missing, then
# checks that COMMAND is now on PATH. CI images and fresh machines often have no editor, and
# the test should set itself up rather than be skipped; when it cannot (no root or sudo, no
# apt-get, apt-get failing) it fails with the reason instead of going on without the editor.
# The caller decides which packages are missing and says so first.
editors_install_packages() {
  local command="$1"; shift
  local packages="$*" sudo
  if [ "$(id -u)" -eq 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
  else editors_fail "$packages missing, and installing needs root or sudo (neither is available)"
  fi
  command -v apt-get >/dev/null 2>&1 || editors_fail "$packages missing and there is no apt-get to install with"
  # Noninteractive: CI has no terminal to answer questions.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || editors_fail "apt-get update failed, so $packages could not be installed"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    || editors_fail "apt-get install $packages failed"
  command -v "$command" >/dev/null 2>&1 \
    || editors_fail "apt-get installed $packages but there is still no $command on PATH"
}

# editors_check_inputs FIXTURE
# What the test runs against: node, the built server and CLI, and the draft. Checked up front
# so that a missing `npm run build` reads as that, not as an editor that saw no diagnostics.
# Sets editors_node.
editors_check_inputs() {
  local fixture="$1"
  editors_node="$(command -v node)" || editors_fail "node is not on PATH"
  [ -f "$editors_root/dist/server.js" ] || editors_fail "$editors_root/dist/server.js is missing: run \`npm run build\` first"
  [ -f "$editors_root/dist/cli.js" ] || editors_fail "$editors_root/dist/cli.js is missing: run \`npm run build\` first"
  [ -f "$fixture" ] || editors_fail "fixture $fixture not found"
}

# editors_workdir NAME KEEP FIXTURE
# Makes the temp folder that is the editor's workspace root (so no .claimlintrc.json of the
# repository applies, and the editor's state stays out of the home folder) and copies FIXTURE
# into it as draft.md. KEEP=1 (the test's CLAIMLINT_*_KEEP) keeps the folder for a look
# afterwards; otherwise it goes when the test exits. Sets editors_work to its real path, as
# the server sees it in file URIs (on macOS /tmp is a link to /private/tmp).
editors_workdir() {
  local name="$1" keep="$2" fixture="$3"
  editors_work="$(mktemp -d "${TMPDIR:-/tmp}/claimlint-$name.XXXXXX")"
  editors_work="$(cd "$editors_work" && pwd -P)"
  if [ "$keep" = 1 ]; then editors_say "keeping $editors_work"; else trap 'rm -rf "$editors_work"' EXIT; fi
  cp "$fixture" "$editors_work/draft.md"
}

# editors_expected_findings FIXTURE
# What the server should report: the CLI's findings on the workspace copy of the draft (CLI and
# server share the engine), one "rule line:char-line:char" a line, the form check.lua and
# check.el compare diagnostics in. FIXTURE only names the draft in the message. Sets
# editors_expected.
editors_expected_findings() {
  local fixture="$1" cli_json cli_rc=0
  # Exit code 1 means "there are findings", which the fixture must have.
  cli_json="$("$editors_node" "$editors_root/dist/cli.js" --format json "$editors_work/draft.md")" || cli_rc=$?
  [ "$cli_rc" -le 1 ] || editors_fail "the CLI failed on the fixture (exit $cli_rc): $cli_json"
  editors_expected="$(printf '%s' "$cli_json" | "$editors_node" -e '
    let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
      for (const f of JSON.parse(s)) for (const d of f.diagnostics) {
        const r = d.range;
        console.log(`${d.rule} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`);
      }
    });')"
  editors_say "the CLI finds $(printf '%s\n' "$editors_expected" | grep -c .) findings in $(basename "$fixture"):"
  printf '%s\n' "$editors_expected" | sed 's/^/  /'
}

# editors_export_check_env
# The environment check.lua and check.el read (see the top of either): where node, the server,
# the CLI, the workspace and the draft are, the file to write PASS/FAIL to, and the expected
# findings. Sets editors_result.
editors_export_check_env() {
  editors_result="$editors_work/result"
  export CLAIMLINT_NODE="$editors_node" CLAIMLINT_SERVER="$editors_root/dist/server.js" \
    CLAIMLINT_CLI="$editors_root/dist/cli.js" CLAIMLINT_WORKDIR="$editors_work" \
    CLAIMLINT_DRAFT="$editors_work/draft.md" CLAIMLINT_RESULT="$editors_result" \
    CLAIMLINT_EXPECTED="$editors_expected"
}

# editors_run PROGRAM SECONDS COMMAND...
# Runs the editor with stdin from /dev/null (a prompt fails at once instead of waiting) under
# `timeout`, the hard stop should anything hang, and says how it ended. A failing editor must
# not end the test here: the verdict and the logs come after. PROGRAM names the editor in
# messages. Sets editors_rc.
editors_run() {
  editors_program="$1" editors_timeout="$2"; shift 2
  local started
  started=$(date +%s)
  editors_rc=0
  timeout -k 5 "$editors_timeout" "$@" </dev/null || editors_rc=$?
  editors_say "$editors_program exited with $editors_rc after $(( $(date +%s) - started )) s"
}

# editors_exit_if_passed
# Trusts the result file, not only the exit code: an editor that dies or is killed before the
# check script ends leaves no PASS behind. Exits 0 on a pass; otherwise says whether the
# timeout killed the editor and returns, for the caller to show its logs and call
# editors_fail_run. Sets editors_verdict.
editors_exit_if_passed() {
  editors_verdict="$(cat "$editors_result" 2>/dev/null || true)"
  if [ "$editors_rc" -eq 0 ] && [ "${editors_verdict%% *}" = "PASS" ]; then
    editors_say "PASS"
    exit 0
  fi
  if [ "$editors_rc" -eq 124 ]; then
    editors_say "$editors_program was killed after $editors_timeout s" >&2
  fi
}

# editors_fail_run: the closing FAIL line of a failed run, with the exit code and the result.
editors_fail_run() {
  editors_fail "$editors_program exit code $editors_rc, result file: ${editors_verdict:-missing}"
}
