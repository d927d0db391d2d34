#!/usr/bin/env bash
# Headless Neovim test of the claimlint language server: Neovim's built-in LSP client starts
# dist/server.js on a copy of examples/draft.md and checks diagnostics, hover, the
# "Add attribution…" quick fix and shutdown (see check.lua). Exits non-zero when any check fails.
#
#   npm run build && bash tests/editors/neovim/run.sh
#
# CLAIMLINT_NVIM_FIXTURE=path/to/draft.md runs it on another draft (it must contain an
# unattributed figure and the name ATACMS); CLAIMLINT_NVIM_KEEP=1 keeps the temp folder.
# The steps every editor test shares are in ../lib.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
editors_label="neovim test"
. "$here/../lib.sh"
fixture="${CLAIMLINT_NVIM_FIXTURE:-$editors_root/examples/draft.md}"

# --- Neovim: Debian's package (0.7.x) when it is missing -------------------------------------
if ! command -v nvim >/dev/null 2>&1; then
  editors_say "nvim not found, installing Debian's neovim package"
  editors_install_packages nvim neovim
fi
editors_say "$(nvim --version | head -n 1) at $(command -v nvim)"

editors_check_inputs "$fixture"

# The temp workspace; Neovim's state and LSP log (XDG dirs) go into it too.
# CLAIMLINT_NVIM_KEEP=1 keeps the folder (draft, LSP log, result) for a look afterwards.
editors_workdir nvim "${CLAIMLINT_NVIM_KEEP:-}" "$fixture"
work="$editors_work"
mkdir -p "$work/xdg/config" "$work/xdg/data" "$work/xdg/state" "$work/xdg/cache"
export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
  XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache"

editors_expected_findings "$fixture"
editors_export_check_env

# --- Run Neovim ------------------------------------------------------------------------------
# --clean: no user config or plugins, only Neovim's runtime. The timeout (60 s) is the hard stop
# should anything hang (each wait inside check.lua gives up after 15 s; a passing run takes ~1 s).
# check.lua quits by itself (:qa! or :cquit 1); the second -c only runs if it could not,
# e.g. a syntax error, which would otherwise leave Neovim waiting until the timeout.
editors_say "running check.lua"
editors_run nvim 60 nvim --headless --clean -c "luafile $here/check.lua" -c "cquit 2"

editors_exit_if_passed
log="$work/xdg/cache/nvim/lsp.log"
if [ -f "$log" ]; then
  echo "neovim test: last 150 lines of the LSP log ($log):" >&2
  tail -n 150 "$log" >&2
fi
editors_fail_run
