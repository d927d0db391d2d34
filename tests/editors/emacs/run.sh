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
# The steps every editor test shares are in ../lib.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
editors_label="emacs test"
. "$here/../lib.sh"
fixture="${CLAIMLINT_EMACS_FIXTURE:-$editors_root/examples/draft.md}"

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
  editors_say "installing Debian's ${packages[*]}"
  editors_install_packages emacs "${packages[@]}"
  eglot_loads || editors_fail "apt-get installed ${packages[*]} but Emacs still cannot load eglot"
fi
editors_say "$(emacs --version | head -n 1) at $(command -v emacs)"

editors_check_inputs "$fixture"

# The temp workspace is the project root; Emacs's state (HOME) goes into it too.
# CLAIMLINT_EMACS_KEEP=1 keeps the folder (draft, edited copies, result) for a look afterwards.
editors_workdir emacs "${CLAIMLINT_EMACS_KEEP:-}" "$fixture"
work="$editors_work"
mkdir -p "$work/home"

editors_expected_findings "$fixture"
editors_export_check_env

# --- Run Emacs -------------------------------------------------------------------------------
# --batch -Q: no init file, no site-lisp, no terminal; Eglot's process filters and timers run
# inside check.el's accept-process-output loops. check.el ends with kill-emacs 0 or 1; an
# error while loading it ends batch Emacs too (exit 255). The timeout (90 s) is the hard stop
# should anything hang (each wait inside check.el gives up after 15 s; a passing run takes
# ~2 s). stdin is /dev/null, so a prompt Eglot should not show fails at once instead of waiting.
editors_say "running check.el"
editors_run emacs 90 env HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  emacs --batch -Q -l "$here/check.el" 2>"$work/emacs.stderr"

editors_exit_if_passed
# Eglot's messages and any Lisp error go to stderr in batch mode (check.el prints the
# events buffer itself when a check fails).
echo "emacs test: last 80 lines of Emacs's stderr:" >&2
tail -n 80 "$work/emacs.stderr" >&2 || true
editors_fail_run
