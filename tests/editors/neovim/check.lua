-- Headless Neovim against the real claimlint language server, through Neovim's own LSP
-- client only (no plugins, no lspconfig): diagnostics (compared with the CLI's), settings,
-- hover, the "Add attribution…" quick fix and a clean shutdown. Run by run.sh, which passes everything through the environment:
--
--   CLAIMLINT_NODE      node binary            CLAIMLINT_SERVER  absolute path of dist/server.js
--   CLAIMLINT_CLI       absolute dist/cli.js   CLAIMLINT_WORKDIR temp folder (the workspace root)
--   CLAIMLINT_DRAFT     the draft to open      CLAIMLINT_RESULT  file this script writes PASS/FAIL to
--   CLAIMLINT_EXPECTED  the CLI's findings for the draft, one "rule line:char-line:char" per line
--
-- Written for Neovim 0.7 (Debian 12) and run only there: vim.lsp.start_client,
-- vim.lsp.buf_attach_client and vim.lsp.buf_request_sync (not client.request_sync, whose
-- calling convention changed in 0.11) are still there in later versions, but untested.
-- Every step waits on a condition with vim.wait; nothing relies on a fixed sleep.

local env = function(name)
  local value = os.getenv(name)
  if value == nil or value == "" then error("run.sh must set " .. name) end
  return value
end

-- Read inside run(), so a missing variable is reported like any other failure.
local NODE, SERVER, CLI, WORKDIR, DRAFT, EXPECTED_TEXT
local RESULT = os.getenv("CLAIMLINT_RESULT")

local TIMEOUT = 15000 -- ms per wait; run.sh's `timeout 60` is the hard stop for the whole run
local ELLIPSIS = "…"

-- Output ------------------------------------------------------------------------------------
-- io.stdout, not print(): headless Neovim sends :echo/print to stderr without newlines, and a
-- CI log should read one line per check.
local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local failures, passes = 0, 0
local state = {} -- bufnr and uri once the draft is open, for the dump after an error
local function check(name, ok, detail)
  if ok then
    passes = passes + 1
    out("  PASS  " .. name)
  else
    failures = failures + 1
    out("  FAIL  " .. name .. (detail and ("\n        " .. detail:gsub("\n", "\n        ")) or ""))
  end
  return ok
end

-- What the server sent, captured before Neovim's own handlers see it -------------------------
-- Raw publishDiagnostics keep the server's UTF-16 ranges and the document version they were
-- computed for; vim.diagnostic only has byte columns and no version.
local published = {} -- uri -> { version = n, diagnostics = { ... } }
local server_messages = {} -- window/logMessage and window/showMessage, in order
local exited = nil -- { code, signal } once the server process is gone

local function fmt_range(r)
  return string.format("%d:%d-%d:%d", r.start.line, r.start.character, r["end"].line, r["end"].character)
end
local function fmt_diag(d)
  return string.format("%s %s", tostring(d.code), fmt_range(d.range))
end

local function sorted(list)
  local copy = vim.deepcopy(list)
  table.sort(copy)
  return copy
end

local function same_list(a, b)
  a, b = sorted(a), sorted(b)
  if #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

-- The CLI's findings for a file, in the same "rule range" form (CLI and server share the engine).
local function cli_findings(path)
  local json = vim.fn.system({ NODE, CLI, "--format", "json", path })
  -- Exit code 1 means "findings", which is what we expect here; only 2+ is an error.
  if vim.v.shell_error > 1 then error("claimlint CLI failed on " .. path .. ": " .. json) end
  local findings = {}
  for _, file in ipairs(vim.json.decode(json)) do
    for _, d in ipairs(file.diagnostics) do
      table.insert(findings, string.format("%s %s", d.rule, fmt_range(d.range)))
    end
  end
  return findings
end

local function dump_state(bufnr, uri)
  out("  --- diagnostics Neovim shows (vim.diagnostic.get) ---")
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out(string.format("    line %d col %d  %s/%s  %s", d.lnum, d.col, tostring(d.source), tostring(d.code), d.message))
  end
  local last = published[uri]
  out(string.format("  --- last publishDiagnostics (version %s; buffer version %s) ---",
    last and tostring(last.version) or "none", tostring(vim.lsp.util.buf_versions[bufnr])))
  for _, d in ipairs(last and last.diagnostics or {}) do out("    " .. fmt_diag(d)) end
  out("  --- server messages ---")
  for _, m in ipairs(server_messages) do out(string.format("    [type %d] %s", m.type, m.message)) end
  out("  --- buffer ---")
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do out(string.format("    %3d| %s", i - 1, line)) end
end

-- The test ------------------------------------------------------------------------------------
local function run()
  NODE, SERVER, CLI = env("CLAIMLINT_NODE"), env("CLAIMLINT_SERVER"), env("CLAIMLINT_CLI")
  WORKDIR, DRAFT = env("CLAIMLINT_WORKDIR"), env("CLAIMLINT_DRAFT")
  EXPECTED_TEXT = os.getenv("CLAIMLINT_EXPECTED") or "" -- empty: the CLI found nothing
  env("CLAIMLINT_RESULT")

  -- Debug level logs every message both ways; run.sh points XDG_CACHE_HOME into the temp
  -- folder so the log lands there and is printed when a check fails.
  vim.lsp.set_log_level("debug")
  out("  LSP log: " .. vim.lsp.get_log_path())

  local expected = vim.split(EXPECTED_TEXT, "\n", { trimempty = true })
  local figure_line -- the first unattributed figure the CLI found, 0-based
  for _, e in ipairs(expected) do
    local line = e:match("^unattributed%-figure (%d+):")
    if line then figure_line = tonumber(line); break end
  end
  if not figure_line then error("the fixture must contain an unattributed figure; the CLI found none:\n" .. EXPECTED_TEXT) end

  vim.cmd("edit " .. vim.fn.fnameescape(DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = "markdown"
  local uri = vim.uri_from_bufnr(bufnr)
  state.bufnr, state.uri = bufnr, uri

  local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local function message_handler(method)
    return function(err, result, ctx, config)
      table.insert(server_messages, { type = result.type, message = result.message })
      return vim.lsp.handlers[method](err, result, ctx, config)
    end
  end

  local client_id = vim.lsp.start_client({
    name = "claimlint",
    cmd = { NODE, SERVER, "--stdio" },
    root_dir = WORKDIR,
    -- Newer clients advertise pull diagnostics; ask for push so the test reads the same
    -- stream on every Neovim version.
    init_options = { pullDiagnostics = false },
    -- The "claimlint" section. One value differs from the defaults, so a check can see the
    -- settings arrive: unattributed-figure raised from warning to error.
    settings = { claimlint = { enable = true, run = "onType", rules = { ["unattributed-figure"] = "error" } } },
    -- Neovim 0.7 answers workspace/configuration but does not advertise it (0.8 does), so the
    -- server never asks; like nvim-lspconfig, push the settings once the server is up. on_init
    -- runs before the buffer's didOpen is sent, so the first check already uses them.
    on_init = function(c)
      c.notify("workspace/didChangeConfiguration", { settings = c.config.settings })
    end,
    -- 0.7 debounces didChange by 150 ms; send at once so waits end as soon as the server answers.
    flags = { debounce_text_changes = 0 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        published[result.uri] = { version = result.version, diagnostics = result.diagnostics }
        return default_publish(err, result, ctx, config)
      end,
      ["window/logMessage"] = message_handler("window/logMessage"),
      ["window/showMessage"] = message_handler("window/showMessage"),
    },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error("vim.lsp.start_client returned nil (could not start " .. SERVER .. ")") end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client.offset_encoding or "utf-16"

  -- Diagnostics for the buffer's current text: the server sends the document version it
  -- checked, and Neovim's version of the buffer is vim.lsp.util.buf_versions[bufnr].
  local function current()
    local last = published[uri]
    if last and last.version == vim.lsp.util.buf_versions[bufnr] then return last.diagnostics end
    return nil
  end
  local function figure_diag(diags)
    for _, d in ipairs(diags or {}) do
      if d.code == "unattributed-figure" and d.range.start.line == figure_line then return d end
    end
  end
  local function request(method, params)
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
    if not responses then error(method .. ": no answer (" .. tostring(err) .. ")") end
    local response = responses[client_id]
    if not response then error(method .. ": the claimlint client did not answer") end
    if response.err then error(method .. ": " .. vim.inspect(response.err)) end
    return response.result
  end

  -- 1. Diagnostics pushed after didOpen -------------------------------------------------------
  out("[1] diagnostics")
  local seen = vim.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == "claimlint" and d.code == "unattributed-figure" and d.lnum == figure_line then return true end
    end
    return false
  end, 50)
  local figure_text = vim.api.nvim_buf_get_lines(bufnr, figure_line, figure_line + 1, false)[1]
  check(string.format("unattributed-figure on line %d (%q)", figure_line, figure_text), seen,
    "no claimlint/unattributed-figure diagnostic on that line within " .. TIMEOUT .. " ms")

  -- The range must cover the figure the message quotes. Comparing with the CLI cannot catch an
  -- offset bug the two share; this reads the text back through Neovim's own UTF-16 to byte
  -- conversion, so it also holds on lines with curly quotes, dashes or emoji before the figure.
  local shown
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "unattributed-figure" and d.lnum == figure_line then shown = d end
  end
  if shown then
    local quoted = shown.message:match("^“(.-)”")
    local covered = table.concat(vim.api.nvim_buf_get_text(bufnr, shown.lnum, shown.col, shown.end_lnum, shown.end_col, {}), "\n")
    check(string.format("its range covers the quoted figure %q", tostring(quoted)), quoted ~= nil and covered == quoted,
      string.format("range covers %q; message: %s", covered, shown.message))
  end

  local claimlint_count = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "claimlint" then claimlint_count = claimlint_count + 1 end
  end
  check(string.format("%d claimlint diagnostics, as the CLI finds", #expected), claimlint_count == #expected,
    string.format("Neovim shows %d claimlint diagnostics, the CLI finds %d", claimlint_count, #expected))

  local got = vim.tbl_map(fmt_diag, current() or {})
  check("same rules and ranges as the CLI", same_list(got, expected),
    "server: " .. table.concat(sorted(got), "; ") .. "\nCLI:    " .. table.concat(sorted(expected), "; "))
  -- The settings took effect: the CLI (no settings) says warning, the editor asked for error.
  local function figure_severity()
    local d = figure_diag(current())
    return d and d.severity
  end
  local raised = vim.wait(TIMEOUT, function() return figure_severity() == 1 end, 50)
  check("settings arrive: the figure is an error, as claimlint.rules asks", raised,
    "unattributed-figure severity " .. tostring(figure_severity()) .. " (1 = error, 2 = warning)")

  local figure = figure_diag(current())
  if not figure then
    error("cannot go on without the unattributed-figure diagnostic")
  end

  -- 2. Hover on a weapon name -----------------------------------------------------------------
  out("[2] hover")
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local name_line, name_byte
  for i, line in ipairs(lines) do
    local at = line:find("ATACMS", 1, true)
    if at then name_line, name_byte = i - 1, at - 1; break end
  end
  if not name_line then error("the fixture must name ATACMS") end
  local _, name_char = vim.str_utfindex(lines[name_line + 1], name_byte) -- LSP wants UTF-16
  local hover = request("textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = name_line, character = name_char },
  })
  local markdown = ""
  if hover and hover.contents then
    markdown = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), "\n")
  end
  check(string.format("hover on ATACMS (line %d, character %d) mentions 300 km and RT", name_line, name_char),
    markdown:find("300 km", 1, true) ~= nil and markdown:find("RT", 1, true) ~= nil,
    "hover returned: " .. (markdown ~= "" and markdown or vim.inspect(hover)))
  local want_range = string.format("%d:%d-%d:%d", name_line, name_char, name_line, name_char + #"ATACMS")
  local got_range = hover and hover.range and fmt_range(hover.range) or "none"
  check("hover range is the name ATACMS", got_range == want_range, "range " .. got_range .. ", expected " .. want_range)

  -- 3. Quick fix: Add attribution… ------------------------------------------------------------
  out("[3] quick fix")
  local actions = request("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = figure.range,
    context = { diagnostics = { figure } },
  }) or {}
  local action
  for _, a in ipairs(actions) do
    if a.title == "Add attribution" .. ELLIPSIS then action = a end
  end
  local titles = table.concat(vim.tbl_map(function(a) return a.title end, actions), " | ")
  check("\"Add attribution…\" is offered for the figure", action ~= nil and action.edit ~= nil, "actions: " .. titles)
  if not action then
    error("cannot go on without the quick fix")
  end
  -- Neovim 0.7 does not advertise snippet edits, so the edit must be plain text.
  check("its edit is plain text, not a snippet", not vim.inspect(action.edit):find("snippet", 1, true),
    vim.inspect(action.edit))

  local before = vim.api.nvim_buf_get_lines(bufnr, figure_line, figure_line + 1, false)[1]
  vim.lsp.util.apply_workspace_edit(action.edit, encoding)
  local after = vim.api.nvim_buf_get_lines(bufnr, figure_line, figure_line + 1, false)[1]
  local inserted = ", according to " .. ELLIPSIS
  local at = after:find(inserted, 1, true)
  -- Inserted once, before the sentence's closing punctuation (and quotes), nothing else changed.
  local closing = at and after:sub(at + #inserted, at + #inserted + 2) or ""
  check("the edit inserts \", according to …\" before the closing punctuation",
    at ~= nil and (after:sub(1, at - 1) .. after:sub(at + #inserted)) == before
      and (closing:match("^[%.!?]") or closing:match("^”") or closing:match("^\"")) ~= nil,
    "before: " .. before .. "\nafter:  " .. after)

  -- The text with the bare placeholder is checked too (didChange from the applied edit): the
  -- server must agree with the CLI on it, and the bare placeholder names no source, so the
  -- figure stays flagged until the writer fills it in.
  local placeholder_checked = vim.wait(TIMEOUT, function() return current() ~= nil end, 50)
  if placeholder_checked then
    local with_placeholder = WORKDIR .. "/with-placeholder.md"
    vim.fn.writefile(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), with_placeholder)
    local want_now = cli_findings(with_placeholder)
    local now = vim.tbl_map(fmt_diag, current())
    check("with the placeholder, the server's diagnostics match the CLI's", same_list(now, want_now),
      "server: " .. table.concat(sorted(now), "; ") .. "\nCLI:    " .. table.concat(sorted(want_now), "; "))
    check("with the bare placeholder the figure is still flagged", figure_diag(current()) ~= nil)
  else
    check("the edited text is re-checked", false, "no diagnostics for buffer version " .. tostring(vim.lsp.util.buf_versions[bufnr]))
  end

  -- Name the source in place of the placeholder, as the writer would.
  local source = "the Pentagon"
  if at then
    local start_col = at - 1 + #", according to "
    vim.api.nvim_buf_set_text(bufnr, figure_line, start_col, figure_line, start_col + #ELLIPSIS, { source })
  end
  local named = vim.api.nvim_buf_get_lines(bufnr, figure_line, figure_line + 1, false)[1]
  -- Wait for diagnostics of this very version (didChange sent, re-checked, pushed) without
  -- the figure's warning.
  local settled = vim.wait(TIMEOUT, function()
    local diags = current()
    return diags ~= nil and figure_diag(diags) == nil
  end, 50)
  check(string.format("after %q the figure's diagnostic is gone", named), settled,
    "still flagged (or no diagnostics for buffer version " .. tostring(vim.lsp.util.buf_versions[bufnr]) .. ")")

  -- The others stay: exactly what the CLI finds in the edited text.
  local edited = WORKDIR .. "/edited.md"
  vim.fn.writefile(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), edited)
  local want = cli_findings(edited)
  local now = vim.tbl_map(fmt_diag, current() or {})
  check(string.format("the other %d diagnostics remain, as the CLI finds", #want),
    #want == #expected - 1 and same_list(now, want),
    "server: " .. table.concat(sorted(now), "; ") .. "\nCLI:    " .. table.concat(sorted(want), "; ")
      .. "\n(expected " .. (#expected - 1) .. " = initial count minus the fixed figure)")

  -- 4. Shutdown ---------------------------------------------------------------------------------
  out("[4] shutdown")
  -- In a clean temp folder with valid settings there is nothing to complain about: an error
  -- or a warning (a settings or configuration problem) means something is off.
  local complaints = {}
  for _, m in ipairs(server_messages) do
    if m.type <= 2 then table.insert(complaints, m.message) end -- MessageType.Error, .Warning
  end
  check("the server reported no errors or warnings", #complaints == 0, table.concat(complaints, "\n"))

  -- Show what was seen now: stopping the client clears the buffer's diagnostics.
  if failures > 0 then dump_state(bufnr, uri) end
  state.bufnr = nil

  client.stop() -- shutdown request, then exit notification
  local gone = vim.wait(TIMEOUT, function() return exited ~= nil end, 50)
  check("the server exits after shutdown, with code 0", gone and exited.code == 0 and exited.signal == 0,
    gone and string.format("exit code %d, signal %d", exited.code, exited.signal) or "still running after " .. TIMEOUT .. " ms")
end

-- Whatever happens, write the result file and leave Neovim with a matching exit code: an
-- uncaught error in a headless `-c luafile` would otherwise leave Neovim waiting for input.
local ok, err = xpcall(run, debug.traceback)
if not ok then
  failures = failures + 1
  out("  FAIL  the test stopped: " .. tostring(err))
  if state.bufnr then pcall(dump_state, state.bufnr, state.uri) end
end
local verdict = (failures == 0 and passes > 0) and "PASS" or "FAIL"
out(string.format("%s: %d passed, %d failed", verdict, passes, failures))
local file = RESULT and io.open(RESULT, "w")
if file then
  file:write(string.format("%s %d %d\n", verdict, passes, failures))
  file:close()
end
if verdict == "PASS" then vim.cmd("qa!") else vim.cmd("cquit 1") end
