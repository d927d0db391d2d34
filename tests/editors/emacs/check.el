;;; check.el --- Headless Emacs + Eglot against the claimlint language server  -*- lexical-binding: t; -*-

;; Emacs's Eglot client (no other packages: no markdown-mode, no company, no lsp-mode) against
;; the real claimlint language server: diagnostics through Flymake (compared with the CLI's),
;; settings from .dir-locals.el, hover, the "Add attribution…" quick fix and a clean shutdown.
;; Run by run.sh, in `emacs --batch -Q', which passes everything through the environment:
;;
;;   CLAIMLINT_NODE      node binary            CLAIMLINT_SERVER  absolute path of dist/server.js
;;   CLAIMLINT_CLI       absolute dist/cli.js   CLAIMLINT_WORKDIR temp folder (the project root)
;;   CLAIMLINT_DRAFT     the draft to open      CLAIMLINT_RESULT  file this script writes PASS/FAIL to
;;   CLAIMLINT_EXPECTED  the CLI's findings for the draft, one "rule line:char-line:char" per line
;;
;; Written for Emacs 28.2 with Eglot 1.9 and jsonrpc 1.0.14 (Debian 12: emacs-nox, elpa-eglot)
;; and run only there. It uses some of Eglot's internals (eglot--versioned-identifier,
;; eglot--apply-workspace-edit, ...), which later versions rename or change.
;;
;; Batch mode is enough: process filters and sentinels (and so every JSON-RPC message, the
;; server's workspace/configuration requests included) and ordinary timers run inside
;; `accept-process-output'.  Two things of the command loop do not happen by themselves, and
;; the test does them the way the command loop would:
;;   - `eglot-ensure' connects from `post-command-hook': the test runs that hook once after
;;     opening the draft, as the end of the `find-file' command would;
;;   - Eglot sends didChange from an idle timer (`eglot-send-changes-idle-time'), and batch
;;     Emacs is never idle: the test checks that Eglot armed that timer, then runs the timer's
;;     own function.
;; Every wait is on a condition (`claimlint-test--wait'); nothing relies on a fixed sleep.

(require 'cl-lib)
(require 'subr-x)
(require 'json)

(set-language-environment "UTF-8")
(prefer-coding-system 'utf-8)

(defconst claimlint-test-timeout 15.0
  "Seconds per wait; run.sh's `timeout 90' is the hard stop for the whole run.")
(defconst claimlint-test-ellipsis "…")

;;; Output, checks --------------------------------------------------------------------------

;; `princ' to stdout (in batch `message' goes to stderr, where Eglot's own messages go):
;; the CI log reads one line per check.
(defun claimlint-test--out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defvar claimlint-test--passes 0)
(defvar claimlint-test--failures 0)

(defun claimlint-test--check (name ok &optional detail)
  (if ok
      (progn (cl-incf claimlint-test--passes)
             (claimlint-test--out "  PASS  %s" name))
    (cl-incf claimlint-test--failures)
    (claimlint-test--out "  FAIL  %s%s" name
                         (if detail
                             (concat "\n        "
                                     (replace-regexp-in-string "\n" "\n        " detail))
                           "")))
  ok)

(defun claimlint-test--wait (pred &optional timeout)
  "Run the event loop until PRED returns non-nil or TIMEOUT seconds pass.
Return PRED's last value."
  (let ((deadline (+ (float-time) (or timeout claimlint-test-timeout)))
        (value nil))
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun claimlint-test--env (name)
  (let ((value (getenv name)))
    (when (or (null value) (string-empty-p value))
      (error "run.sh must set %s" name))
    value))

;;; Eglot, from Debian's elpa-eglot ---------------------------------------------------------

;; `-Q' leaves out site-lisp, and with it the Debian packages' activation. Activate the
;; packages Debian installed (eglot 1.9 and the newer project/xref it wants) without touching
;; ~/.emacs.d: the user directory is a throwaway, and run.sh points HOME into the temp folder.
(require 'package)
(setq package-user-dir (expand-file-name "elpa" (or (getenv "CLAIMLINT_WORKDIR") temporary-file-directory))
      package-directory-list (cl-remove-if-not #'file-directory-p '("/usr/share/emacs/site-lisp/elpa"))
      package-check-signature nil)
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'jsonrpc)

;;; What the server sent, captured before Eglot's own handlers see it ---------------------
;; Raw publishDiagnostics keep the server's UTF-16 ranges and the document version they were
;; computed for; Eglot 1.9 drops the version, and Flymake has only buffer positions.

(defvar claimlint-test--published (make-hash-table :test #'equal)
  "File path -> (VERSION . DIAGNOSTICS) of the last publishDiagnostics.")
(defvar claimlint-test--messages nil "window/logMessage and window/showMessage, newest first.")
(defvar claimlint-test--sent nil "(METHOD . PARAMS) of the requests Eglot made, newest first.")

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri version diagnostics
           &allow-other-keys)
  (puthash (file-truename (eglot--uri-to-path uri)) (cons version (append diagnostics nil))
           claimlint-test--published))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql window/logMessage)) &key type message &allow-other-keys)
  (push (list type message) claimlint-test--messages))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql window/showMessage)) &key type message &allow-other-keys)
  (push (list type message) claimlint-test--messages))

(defvar claimlint-test--config-requests nil "Items of the server's workspace/configuration requests.")
(cl-defmethod eglot-handle-request :before
  (_server (_method (eql workspace/configuration)) &key items)
  (push (append items nil) claimlint-test--config-requests))

(defvar claimlint-test--notified nil "(METHOD . PARAMS) of the notifications Eglot sent, newest first.")
(advice-add 'jsonrpc-notify :before
            (lambda (_connection method params &rest _)
              (push (cons method params) claimlint-test--notified))
            '((name . claimlint-test--record-notification)))

(advice-add 'jsonrpc-request :before
            (lambda (_connection method params &rest _)
              (push (cons method params) claimlint-test--sent))
            '((name . claimlint-test--record-request)))

;;; Helpers -----------------------------------------------------------------------------------

(defun claimlint-test--fmt-range (range)
  (let ((s (plist-get range :start)) (e (plist-get range :end)))
    (format "%d:%d-%d:%d" (plist-get s :line) (plist-get s :character)
            (plist-get e :line) (plist-get e :character))))

(defun claimlint-test--fmt-diag (d)
  (format "%s %s" (plist-get d :code) (claimlint-test--fmt-range (plist-get d :range))))

(defun claimlint-test--sorted (list) (sort (copy-sequence list) #'string<))

(defun claimlint-test--same-list (a b)
  (equal (claimlint-test--sorted a) (claimlint-test--sorted b)))

(defun claimlint-test--join (list) (mapconcat #'identity (claimlint-test--sorted list) "; "))

(defvar claimlint-test--node nil)
(defvar claimlint-test--cli nil)

(defun claimlint-test--cli-findings (path)
  "The CLI's findings for PATH, as \"rule line:char-line:char\" strings.
CLI and server share the engine."
  (let* ((coding-system-for-read 'utf-8)
         (json-object-type 'plist) (json-array-type 'list) (json-key-type 'keyword)
         (rc nil)
         (output (with-temp-buffer
                   (setq rc (call-process claimlint-test--node nil '(t nil) nil
                                          claimlint-test--cli "--format" "json" path))
                   (buffer-string))))
    ;; Exit code 1 means "findings", which is what we expect here; only 2+ is an error.
    (unless (and (integerp rc) (<= rc 1))
      (error "claimlint CLI failed on %s (exit %s): %s" path rc output))
    (cl-loop for file in (json-read-from-string output)
             append (cl-loop for d in (plist-get file :diagnostics)
                             collect (format "%s %s" (plist-get d :rule)
                                             (claimlint-test--fmt-range (plist-get d :range)))))))

(defun claimlint-test--lsp-diag (flymake-diag)
  "The server's Diagnostic behind a Flymake diagnostic that Eglot made, or nil."
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data flymake-diag))))

(defun claimlint-test--claimlint-flymake ()
  "Flymake's diagnostics in the current buffer that come from claimlint."
  (cl-remove-if-not (lambda (d) (equal (plist-get (claimlint-test--lsp-diag d) :source) "claimlint"))
                    (flymake-diagnostics)))

(defun claimlint-test--line-text (line)
  (save-excursion (save-restriction (widen)
                    (goto-char (point-min)) (forward-line line)
                    (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

(defun claimlint-test--tail (buffer lines)
  (if (not (buffer-live-p buffer)) "(buffer gone)"
    (with-current-buffer buffer
      (save-excursion
        (goto-char (point-max))
        (forward-line (- lines))
        (buffer-substring-no-properties (point) (point-max))))))

(defvar claimlint-test--buffer nil "The draft's buffer once open, for the dump after an error.")
(defvar claimlint-test--server nil)

(defun claimlint-test--dump ()
  (when (buffer-live-p claimlint-test--buffer)
    (with-current-buffer claimlint-test--buffer
      (claimlint-test--out "  --- diagnostics Flymake shows (flymake-diagnostics) ---")
      (dolist (d (flymake-diagnostics))
        (claimlint-test--out "    line %d col %d  %s  %s"
                             (1- (line-number-at-pos (flymake-diagnostic-beg d) t))
                             (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column))
                             (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
      (let ((last (gethash (file-truename buffer-file-name) claimlint-test--published)))
        (claimlint-test--out "  --- last publishDiagnostics (version %s; buffer version %s) ---"
                             (if last (car last) "none")
                             (and (boundp 'eglot--versioned-identifier) eglot--versioned-identifier))
        (dolist (d (cdr last)) (claimlint-test--out "    %s" (claimlint-test--fmt-diag d))))
      (claimlint-test--out "  --- server messages ---")
      (dolist (m (reverse claimlint-test--messages))
        (claimlint-test--out "    [type %s] %s" (car m) (cadr m)))
      (claimlint-test--out "  --- buffer ---")
      (let ((i 0))
        (dolist (line (split-string (save-restriction (widen) (buffer-substring-no-properties (point-min) (point-max))) "\n"))
          (claimlint-test--out "    %3d| %s" i line)
          (cl-incf i)))))
  (claimlint-test--dump-server))

(defun claimlint-test--dump-server ()
  "Print the tail of Eglot's events buffer and of the server's stderr.
Found by name when there is no server object (it never connected)."
  (let* ((server claimlint-test--server)
         (events (or (and server (ignore-errors (jsonrpc-events-buffer server)))
                     (cl-find-if (lambda (b) (string-match-p "\\`\\*EGLOT.*events\\*\\'" (buffer-name b))) (buffer-list))))
         (stderr (or (and server (ignore-errors (jsonrpc-stderr-buffer server)))
                     (cl-find-if (lambda (b) (string-match-p "\\`\\*EGLOT.*stderr\\*\\'" (buffer-name b))) (buffer-list)))))
    (claimlint-test--out "  --- last 150 lines of the Eglot events buffer ---")
    (claimlint-test--out "%s" (if events (claimlint-test--tail events 150) "(none)"))
    (claimlint-test--out "  --- server stderr ---")
    (claimlint-test--out "%s" (if stderr (claimlint-test--tail stderr 50) "(none)"))))

;;; The test ----------------------------------------------------------------------------------

(define-derived-mode claimlint-md-mode text-mode "claimlint-md"
  "Markdown drafts, for this test: text-mode, since markdown-mode is not installed.")

(defun claimlint-test--run ()
  (let* ((node (claimlint-test--env "CLAIMLINT_NODE"))
         (server-js (claimlint-test--env "CLAIMLINT_SERVER"))
         (workdir (file-name-as-directory (file-truename (claimlint-test--env "CLAIMLINT_WORKDIR"))))
         (draft (file-truename (claimlint-test--env "CLAIMLINT_DRAFT")))
         (expected (split-string (or (getenv "CLAIMLINT_EXPECTED") "") "\n" t))
         (figure-line
          (cl-loop for e in expected
                   when (string-match "\\`unattributed-figure \\([0-9]+\\):" e)
                   return (string-to-number (match-string 1 e))))
         (timeout claimlint-test-timeout))
    (claimlint-test--env "CLAIMLINT_RESULT")
    (setq claimlint-test--node node
          claimlint-test--cli (claimlint-test--env "CLAIMLINT_CLI"))
    (unless figure-line
      (error "the fixture must contain an unattributed figure; the CLI found none:\n%s"
             (mapconcat #'identity expected "\n")))
    (claimlint-test--out "  Emacs %s, Eglot from %s, jsonrpc from %s" emacs-version
                         (locate-library "eglot") (locate-library "jsonrpc"))

    ;; Configuration, as a user's init file would have it ------------------------------------
    (add-to-list 'auto-mode-alist '("\\.md\\'" . claimlint-md-mode))
    (add-to-list 'eglot-server-programs
                 ;; The spec in a list of its own: Eglot 1.9 reads a bare (MODE :language-id ID)
                 ;; as the mode list (claimlint-md-mode :language-id "markdown").
                 `(((claimlint-md-mode :language-id "markdown")) ,node ,server-js "--stdio"))
    (add-hook 'claimlint-md-mode-hook #'eglot-ensure)
    ;; The temp folder is the project: a transient project rooted there (no VC needed).
    (add-hook 'project-find-functions
              (lambda (dir)
                (when (file-in-directory-p (file-truename dir) workdir)
                  (cons 'transient workdir))))
    ;; The "claimlint" section, where Eglot users put it: .dir-locals.el. One value differs
    ;; from the defaults, so a check can see the settings arrive: unattributed-figure raised
    ;; from warning to error. (Eglot marks the variable safe, so it applies without a prompt.)
    (with-temp-file (expand-file-name ".dir-locals.el" workdir)
      (insert (format "%S\n" '((nil . ((eglot-workspace-configuration
                                        . (:claimlint (:enable t :run "onType"
                                                       :rules (:unattributed-figure "error"))))))))))

    ;; Open the draft; the end of the `find-file' command runs `post-command-hook', where
    ;; `eglot-ensure' connects.
    (find-file draft)
    (setq claimlint-test--buffer (current-buffer))
    (claimlint-test--check "the draft opens in claimlint-md-mode" (eq major-mode 'claimlint-md-mode)
                           (format "major mode %s" major-mode))
    (run-hooks 'post-command-hook)
    (let ((managed (claimlint-test--wait (lambda () eglot--managed-mode) timeout)))
      (claimlint-test--check "eglot-ensure connects and manages the draft" managed
                             (format "no Eglot-managed buffer after %ss" timeout))
      (unless managed (error "cannot go on without a connection")))
    (let* ((server (eglot--current-server-or-lose))
           (buffer (current-buffer))
           (path (file-truename buffer-file-name))
           (info (eglot--server-info server)))
      (setq claimlint-test--server server)
      (let ((opened (plist-get (cdr (assq :textDocument/didOpen claimlint-test--notified)) :textDocument)))
        (claimlint-test--check "didOpen sends the draft as languageId \"markdown\", version 0"
                               (and (equal (plist-get opened :languageId) "markdown")
                                    (eql (plist-get opened :version) 0)
                                    (equal (file-truename (eglot--uri-to-path (plist-get opened :uri))) path))
                               (format "didOpen: %S" (list :uri (plist-get opened :uri) :languageId (plist-get opened :languageId)
                                                           :version (plist-get opened :version)))))
      (claimlint-test--check
       (format "the server is claimlint, its root the temp folder (%s)" workdir)
       (and (equal (plist-get info :name) "claimlint")
            (equal (file-name-as-directory (file-truename (project-root (eglot--project server)))) workdir))
       (format "serverInfo %S, project root %s" info (project-root (eglot--project server))))

      (cl-labels
          ((current ()
             ;; Diagnostics for the buffer's current text: the server sends the document
             ;; version it checked, Eglot's is eglot--versioned-identifier.
             (let ((last (gethash path claimlint-test--published)))
               (and last (equal (car last) (buffer-local-value 'eglot--versioned-identifier buffer))
                    (or (cdr last) '(:none)))))
           (diags-of (c) (if (equal c '(:none)) nil c))
           (figure-diag (diags)
             (cl-find-if (lambda (d) (and (equal (plist-get d :code) "unattributed-figure")
                                          (= (plist-get (plist-get (plist-get d :range) :start) :line)
                                             figure-line)))
                         diags))
           (figure-flymake ()
             (cl-find-if (lambda (d) (and (equal (plist-get (claimlint-test--lsp-diag d) :code)
                                                 "unattributed-figure")
                                          (= (1- (line-number-at-pos (flymake-diagnostic-beg d) t))
                                             figure-line)))
                         (claimlint-test--claimlint-flymake)))
           (flush-changes (what)
             ;; What Eglot's idle timer would do once Emacs went idle: send didChange.
             (let ((timer eglot--change-idle-timer))
               (claimlint-test--check (format "Eglot queued a didChange for %s" what)
                                      (and (timerp timer) eglot--recent-changes)
                                      (format "idle timer %S, recent changes %S" timer eglot--recent-changes))
               (when (timerp timer)
                 (cancel-timer timer)
                 (apply (timer--function timer) (timer--args timer)))
               (claimlint-test--check (format "didChange sent, buffer version %d" eglot--versioned-identifier)
                                      (null eglot--recent-changes)
                                      (format "changes still pending: %S" eglot--recent-changes))))
           (write-buffer (file)
             (let ((coding-system-for-write 'utf-8-unix))
               (save-restriction (widen) (write-region nil nil file nil 'silent)))
             file))

        ;; 1. Diagnostics pushed after didOpen ---------------------------------------------
        (claimlint-test--out "[1] diagnostics")
        (let ((seen (claimlint-test--wait #'figure-flymake timeout)))
          (claimlint-test--check
           (format "unattributed-figure on line %d (%S), in Flymake" figure-line
                   (claimlint-test--line-text figure-line))
           seen (format "no claimlint/unattributed-figure Flymake diagnostic on that line within %ss" timeout))
          ;; The region must cover the figure the message quotes. Comparing with the CLI
          ;; cannot catch an offset bug the two share; this reads the text back through
          ;; Eglot's own UTF-16 -> buffer position conversion.
          (when seen
            (let* ((message (plist-get (claimlint-test--lsp-diag seen) :message))
                   (quoted (and (string-match "\\`“\\(.*?\\)”" message) (match-string 1 message)))
                   (covered (buffer-substring-no-properties (flymake-diagnostic-beg seen)
                                                            (flymake-diagnostic-end seen))))
              (claimlint-test--check (format "its region covers the quoted figure %S" quoted)
                                     (and quoted (equal covered quoted))
                                     (format "region covers %S; message: %s" covered message))
              (claimlint-test--check "Flymake's text names the source and the rule"
                                     (string-prefix-p "claimlint [unattributed-figure]: " (flymake-diagnostic-text seen))
                                     (flymake-diagnostic-text seen)))))
        (let ((count (length (claimlint-test--claimlint-flymake))))
          (claimlint-test--check (format "%d claimlint diagnostics in Flymake, as the CLI finds" (length expected))
                                 (= count (length expected))
                                 (format "Flymake shows %d claimlint diagnostics, the CLI finds %d" count (length expected))))
        (let ((got (mapcar #'claimlint-test--fmt-diag (diags-of (current)))))
          (claimlint-test--check "same rules and ranges as the CLI" (claimlint-test--same-list got expected)
                                 (format "server: %s\nCLI:    %s" (claimlint-test--join got) (claimlint-test--join expected))))
        ;; The settings took effect: the CLI (no settings) says warning, .dir-locals.el error.
        (let ((raised (claimlint-test--wait
                       (lambda () (let ((d (figure-diag (diags-of (current))))
                                        (f (figure-flymake)))
                                    (and d (eql (plist-get d :severity) 1)
                                         f (eq (flymake-diagnostic-type f) 'eglot-error))))
                       timeout)))
          (claimlint-test--check "settings arrive: the figure is an error, as .dir-locals.el asks" raised
                                 (format "severity %S (1 = error, 2 = warning), Flymake type %S"
                                         (plist-get (figure-diag (diags-of (current))) :severity)
                                         (let ((f (figure-flymake))) (and f (flymake-diagnostic-type f))))))
        ;; Eglot advertises workspace/configuration, so the server asks for the draft's settings
        ;; (Eglot answers from .dir-locals.el) rather than rely on didChangeConfiguration alone.
        (claimlint-test--check "the server asked Eglot for the draft's \"claimlint\" settings"
                               (cl-some (lambda (item)
                                          (and (equal (plist-get item :section) "claimlint")
                                               (stringp (plist-get item :scopeUri))
                                               (equal (file-truename (eglot--uri-to-path (plist-get item :scopeUri))) path)))
                                        (apply #'append claimlint-test--config-requests))
                               (format "workspace/configuration requests: %S" claimlint-test--config-requests))
        (let ((figure (figure-diag (diags-of (current))))
              (figure-f (figure-flymake)))
          (unless (and figure figure-f) (error "cannot go on without the unattributed-figure diagnostic"))

          ;; 2. Hover on a weapon name -----------------------------------------------------
          (claimlint-test--out "[2] hover")
          (goto-char (point-min))
          (unless (search-forward "ATACMS" nil t) (error "the fixture must name ATACMS"))
          (let* ((name-beg (match-beginning 0)) (name-end (match-end 0))
                 (want-range (format "%s"
                                     (claimlint-test--fmt-range
                                      (list :start (eglot--pos-to-lsp-position name-beg)
                                            :end (eglot--pos-to-lsp-position name-end)))))
                 (_ (goto-char name-beg))
                 (params (eglot--TextDocumentPositionParams))
                 (hover (jsonrpc-request server :textDocument/hover params))
                 (contents (plist-get hover :contents))
                 (raw (cond ((stringp contents) contents)
                            ((plist-get contents :value))
                            ((vectorp contents) (mapconcat (lambda (c) (if (stringp c) c (plist-get c :value))) contents "\n"))
                            (t "")))
                 ;; What Eglot shows (eldoc): its own rendering of the contents.
                 (shown (ignore-errors (eglot--hover-info contents (plist-get hover :range)))))
            (claimlint-test--check
             (let ((at (plist-get params :position)))
               (format "hover on ATACMS (line %d, character %d) mentions 300 km and RT"
                       (plist-get at :line) (plist-get at :character)))
             (and (string-search "300 km" raw) (string-search "RT" raw))
             (format "hover returned: %S" hover))
            (claimlint-test--check "and so does Eglot's rendering of it (what eldoc shows)"
                                   (and shown (string-search "300 km" shown) (string-search "RT" shown))
                                   (format "eglot--hover-info: %S" shown))
            (let ((got-range (if (plist-get hover :range) (claimlint-test--fmt-range (plist-get hover :range)) "none")))
              (claimlint-test--check "hover range is the name ATACMS" (equal got-range want-range)
                                     (format "range %s, expected %s" got-range want-range)))
            (let ((asked (plist-get (plist-get (plist-get (eglot-client-capabilities server) :textDocument) :hover) :contentFormat)))
              (claimlint-test--check "the hover comes in a format Eglot asked for (hover.contentFormat)"
                                     (and (listp contents) (plist-get contents :kind)
                                          (seq-contains-p asked (plist-get contents :kind)))
                                     (format "kind %S, asked for %S" (plist-get contents :kind) asked))))

          ;; 3. Quick fix: Add attribution… ------------------------------------------------
          (claimlint-test--out "[3] quick fix")
          (let* ((beg (flymake-diagnostic-beg figure-f))
                 (end (flymake-diagnostic-end figure-f))
                 (actions (eglot-code-actions beg end))
                 (request (cdr (assq :textDocument/codeAction claimlint-test--sent)))
                 (sent-diags (append (plist-get (plist-get request :context) :diagnostics) nil))
                 (title (concat "Add attribution" claimlint-test-ellipsis))
                 (action (cl-find title actions :key (lambda (a) (plist-get a :title)) :test #'equal))
                 (titles (mapconcat (lambda (a) (plist-get a :title)) actions " | ")))
            (claimlint-test--check "the codeAction request carries the figure's diagnostic in its context"
                                   (and (equal (claimlint-test--fmt-range (plist-get request :range))
                                               (claimlint-test--fmt-range (plist-get figure :range)))
                                        (cl-some (lambda (d) (equal (claimlint-test--fmt-diag d) (claimlint-test--fmt-diag figure)))
                                                 sent-diags))
                                   (format "request: %S" request))
            (claimlint-test--check "\"Add attribution…\" is offered for the figure" (and action (plist-get action :edit))
                                   (format "actions: %s" titles))
            (unless action (error "cannot go on without the quick fix"))
            ;; Eglot 1.9 does not advertise snippet edits, so the edit must be plain text.
            (claimlint-test--check "its edit is plain text, not a snippet"
                                   (not (string-search "snippet" (format "%S" (plist-get action :edit))))
                                   (format "%S" (plist-get action :edit)))

            (let ((before (claimlint-test--line-text figure-line))
                  (offered nil))
              ;; Apply it the way M-x eglot-code-actions does, answering its menu with the title.
              (cl-letf (((symbol-function 'completing-read)
                         (lambda (_prompt collection &rest _)
                           (setq offered (mapcar #'car collection))
                           title)))
                (let ((last-nonmenu-event ?\r)) ; a key, not a mouse click: the menu is completing-read
                  (eglot--read-execute-code-action actions server)))
              (claimlint-test--check "Eglot's code-action menu offered it" (member title offered)
                                     (format "menu: %S" offered))
              (let* ((after (claimlint-test--line-text figure-line))
                     (inserted (concat ", according to " claimlint-test-ellipsis))
                     (at (string-search inserted after))
                     (closing (and at (substring after (+ at (length inserted))
                                                 (min (length after) (+ at (length inserted) 1))))))
                ;; Inserted once, before the sentence's closing punctuation (and quotes), nothing else changed.
                (claimlint-test--check "the edit inserts \", according to …\" before the closing punctuation"
                                       (and at
                                            (equal (concat (substring after 0 at) (substring after (+ at (length inserted))))
                                                   before)
                                            (member closing '("." "!" "?" "”" "\"")))
                                       (format "before: %s\nafter:  %s" before after))

                ;; The text with the bare placeholder is checked too (didChange from the applied
                ;; edit): the server must agree with the CLI on it, and the bare placeholder names
                ;; no source, so the figure stays flagged until the writer fills it in.
                (flush-changes "the quick fix")
                (if (claimlint-test--wait #'current timeout)
                    (let ((want-now (claimlint-test--cli-findings (write-buffer (expand-file-name "with-placeholder.md" workdir))))
                          (now (mapcar #'claimlint-test--fmt-diag (diags-of (current)))))
                      (claimlint-test--check "with the placeholder, the server's diagnostics match the CLI's"
                                             (claimlint-test--same-list now want-now)
                                             (format "server: %s\nCLI:    %s" (claimlint-test--join now) (claimlint-test--join want-now)))
                      (claimlint-test--check "with the bare placeholder the figure is still flagged"
                                             (figure-diag (diags-of (current)))))
                  (claimlint-test--check "the edited text is re-checked" nil
                                         (format "no diagnostics for buffer version %s" eglot--versioned-identifier)))

                ;; Name the source in place of the placeholder, as the writer would.
                (when at
                  (save-excursion
                    (goto-char (point-min))
                    (forward-line figure-line)
                    (forward-char (+ at (length ", according to ")))
                    (delete-char 1)
                    (insert "the Pentagon")))
                (let ((named (claimlint-test--line-text figure-line)))
                  (flush-changes "the typed source")
                  ;; Wait for diagnostics of this very version without the figure's.
                  (let ((settled (claimlint-test--wait
                                  (lambda () (let ((c (current))) (and c (not (figure-diag (diags-of c))))))
                                  timeout)))
                    (claimlint-test--check (format "after %S the figure's diagnostic is gone" named) settled
                                           (format "still flagged (or no diagnostics for buffer version %s)" eglot--versioned-identifier)))
                  (claimlint-test--check "and gone from Flymake" (not (figure-flymake))
                                         (format "Flymake: %S" (figure-flymake))))

                ;; The others stay: exactly what the CLI finds in the edited text.
                (let ((want (claimlint-test--cli-findings (write-buffer (expand-file-name "edited.md" workdir))))
                      (now (mapcar #'claimlint-test--fmt-diag (diags-of (current))))
                      (shown (length (claimlint-test--claimlint-flymake))))
                  (claimlint-test--check (format "the other %d diagnostics remain, as the CLI finds" (length want))
                                         (and (= (length want) (1- (length expected)))
                                              (claimlint-test--same-list now want)
                                              (= shown (length want)))
                                         (format "server: %s\nCLI:    %s\nFlymake shows %d\n(expected %d = initial count minus the fixed figure)"
                                                 (claimlint-test--join now) (claimlint-test--join want) shown
                                                 (1- (length expected)))))))))

        ;; 4. Shutdown --------------------------------------------------------------------------
        (claimlint-test--out "[4] shutdown")
        ;; In a clean temp folder with valid settings there is nothing to complain about: an
        ;; error or a warning (a settings or configuration problem) means something is off.
        (let ((complaints (cl-loop for (type message) in (reverse claimlint-test--messages)
                                   when (and (numberp type) (<= type 2)) collect message)))
          (claimlint-test--check "the server reported no errors or warnings" (null complaints)
                                 (mapconcat #'identity complaints "\n")))
        (when (> claimlint-test--failures 0) (claimlint-test--dump))
        (setq claimlint-test--buffer nil)
        (let ((failures-before-shutdown claimlint-test--failures))

        ;; `eglot-shutdown' sends shutdown (and waits up to 1.5 s for the answer), then exit,
        ;; then jsonrpc deletes (kills) the process at once. So that the test sees whether the
        ;; server leaves by itself on `exit', hold that kill back until the process has ended
        ;; or the wait is over.
        (let* ((proc (jsonrpc--process server))
               (pid (process-id proc))
               (own-exit nil)
               (hold (lambda (p &rest _)
                       (when (and (eq p proc) (process-live-p p) (null own-exit))
                         (setq own-exit (if (claimlint-test--wait (lambda () (not (process-live-p p))) timeout)
                                            (list (process-status p) (process-exit-status p))
                                          'still-running)))))
               (error-message nil))
          (advice-add 'delete-process :before hold '((name . claimlint-test--hold-kill)))
          (unwind-protect
              (condition-case err
                  (eglot-shutdown server nil nil t) ; t: keep the events buffer for a dump
                (error (setq error-message (error-message-string err))))
            (advice-remove 'delete-process 'claimlint-test--hold-kill))
          (claimlint-test--check "the server answers the shutdown request" (null error-message) error-message)
          (claimlint-test--check "the server exits by itself after exit, with code 0"
                                 (equal own-exit '(exit 0))
                                 (format "%S (process status, exit code)" own-exit))
          (claimlint-test--check "the server process is gone"
                                 (claimlint-test--wait (lambda () (and (not (process-live-p proc))
                                                                       (null (process-attributes pid))))
                                                       timeout)
                                 (format "process %s: %s" pid (process-status proc)))
          (claimlint-test--check "Eglot no longer manages the draft"
                                 (not (buffer-local-value 'eglot--managed-mode buffer))))
        (when (> claimlint-test--failures failures-before-shutdown) (claimlint-test--dump-server))
        ;; Dumped already: the handler below need not do it again.
        (setq claimlint-test--server nil))))))

;; Whatever happens, write the result file and leave Emacs with a matching exit code.
(let ((result (getenv "CLAIMLINT_RESULT")))
  (condition-case err
      (claimlint-test--run)
    (error
     (cl-incf claimlint-test--failures)
     (claimlint-test--out "  FAIL  the test stopped: %s" (error-message-string err))
     (ignore-errors (claimlint-test--dump))))
  (let ((verdict (if (and (= claimlint-test--failures 0) (> claimlint-test--passes 0)) "PASS" "FAIL")))
    (claimlint-test--out "%s: %d passed, %d failed" verdict claimlint-test--passes claimlint-test--failures)
    (when (and result (not (string-empty-p result)))
      (with-temp-file result
        (insert (format "%s %d %d\n" verdict claimlint-test--passes claimlint-test--failures))))
    (kill-emacs (if (equal verdict "PASS") 0 1))))

;;; check.el ends here
