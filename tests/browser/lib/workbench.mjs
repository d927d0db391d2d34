/**
 * What a person does in the VS Code workbench, and what they see, through the page's DOM:
 * open a file, run a command, move the cursor, pick a quick fix, read the Problems panel,
 * an editor line, the status bar. Every wait is on a visible UI state (Playwright's
 * auto-waiting locators and `waitFor`/`expect`-style polls), never a bare sleep.
 */

/** How long a UI state may take to appear: the language server checks within a second. */
export const UI_TIMEOUT = 15_000;

export class Workbench {
  constructor(page) {
    this.page = page;
    this.keyboard = page.keyboard;
  }

  /** Waits for the workbench to load with its folder open. */
  async ready() {
    await this.page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    await this.page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 60_000 });
  }

  // ---- Editors ---------------------------------------------------------------------------

  /** Quick Open (Ctrl+P): types the path, waits for it to be the top pick, opens it. */
  async openFile(relativePath) {
    const name = relativePath.split("/").pop();
    await this.keyboard.press("Control+P");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(relativePath);
    // Enter before the results arrive would open nothing (or the previous top pick).
    await this.page
      .locator(".quick-input-list .monaco-list-row.focused", { hasText: name })
      .waitFor();
    await this.keyboard.press("Enter");
    await this.page.locator(".tabs-container .tab.active", { hasText: name }).waitFor();
    await this.editorLines().first().waitFor();
  }

  /** The active editor's rendered lines. */
  editorLines() {
    return this.page.locator(".editor-group-container.active .monaco-editor .view-lines .view-line");
  }

  /**
   * The text of model line `line` (1-based) as the editor shows it. View lines are
   * absolutely positioned and may sit in any DOM order, so each is paired with the line
   * number at the same height in the gutter. The line must be on screen; word wrap is off
   * for Markdown in the test profile, so one model line is one view line.
   */
  async lineText(line) {
    const editor = this.page.locator(".editor-group-container.active .monaco-editor").first();
    return editor.evaluate((el, wanted) => {
      const top = (e) => e.closest("[style*='top']")?.style.top;
      const number = [...el.querySelectorAll(".margin-view-overlays .line-numbers")].find(
        (n) => n.textContent.trim() === String(wanted),
      );
      if (!number) return null;
      const at = top(number);
      const view = [...el.querySelectorAll(".view-lines .view-line")].find((v) => v.style.top === at);
      // Monaco renders spaces as no-break spaces.
      return view ? view.textContent.replace(/\u00a0/g, " ") : null;
    }, line);
  }

  /** Waits until line `line` satisfies `predicate` (a RegExp or a function of the text); returns the text. */
  async waitForLine(line, predicate, what = String(predicate)) {
    const test = typeof predicate === "function" ? predicate : (t) => predicate.test(t);
    let last = null;
    await poll(async () => test((last = await this.lineText(line)) ?? ""), () => `line ${line} to match ${what} (it reads ${JSON.stringify(last)})`);
    return last;
  }

  /** Go to Line (Ctrl+G) `line:column`, both 1-based; focus ends in the editor. */
  async goTo(line, column) {
    await this.keyboard.press("Control+G");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden" });
    await this.page
      .locator(".statusbar-item", { hasText: new RegExp(`^Ln ${line}, Col ${column}\\b`) })
      .waitFor();
  }

  /** Saves the active editor (Ctrl+S) and waits for its tab to lose the dirty mark. */
  async save() {
    await this.keyboard.press("Control+S");
    await this.page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached" });
  }

  /**
   * The 1-based lines of the active editor that carry a squiggle of `kind` (`warning`,
   * `error`, `info`), paired with the gutter's line numbers by height as in lineText().
   */
  async squiggleLines(kind) {
    const editor = this.page.locator(".editor-group-container.active .monaco-editor").first();
    return editor.evaluate((el, cls) => {
      const lineAt = new Map(
        [...el.querySelectorAll(".margin-view-overlays .line-numbers")].map((n) => [n.closest("[style*='top']")?.style.top, Number(n.textContent.trim())]),
      );
      const lines = [...el.querySelectorAll(`.view-overlays .squiggly-${cls}`)].map((d) => lineAt.get(d.closest("[style*='top']")?.style.top));
      return [...new Set(lines.filter(Boolean))].sort((a, b) => a - b);
    }, kind);
  }

  // ---- Commands, quick fixes, hovers ------------------------------------------------------

  /** The Command Palette (F1): types the command's title, waits for it to be the top pick, runs it. */
  async runCommand(title) {
    await this.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page
      .locator(".quick-input-list .monaco-list-row.focused", { hasText: title })
      .waitFor();
    await this.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  }

  /** Opens the quick-fix menu (Ctrl+.) at the cursor; resolves to the menu's locator once it shows. */
  async openQuickFixes() {
    await this.keyboard.press("Control+.");
    const menu = this.page.locator(".action-widget");
    await menu.locator(".monaco-list-row.action").first().waitFor();
    return menu;
  }

  /** The titles the open quick-fix menu offers, in order. */
  async quickFixTitles() {
    const rows = this.page.locator(".action-widget .monaco-list-row.action");
    return (await rows.allTextContents()).map((t) => t.trim());
  }

  /**
   * Picks the quick fix whose title starts with `title`. The menu follows the keyboard, not
   * the mouse (a click lands on whatever row the pointer hovers last): arrow down until the
   * wanted row has the focus, then Enter.
   */
  async chooseQuickFix(title) {
    const titles = await this.quickFixTitles();
    if (!titles.some((t) => t.startsWith(title))) throw new Error(`no quick fix "${title}"; the menu offers: ${titles.join(" | ")}`);
    const focused = this.page.locator(".action-widget .monaco-list-row.action.focused");
    for (let i = 0; i <= titles.length; i++) {
      const now = ((await focused.textContent({ timeout: UI_TIMEOUT })) ?? "").trim();
      if (now.startsWith(title)) break;
      await this.keyboard.press("ArrowDown");
      await poll(async () => ((await focused.textContent()) ?? "").trim() !== now, "the quick-fix menu's focus to move");
    }
    await this.keyboard.press("Enter");
    await this.page.locator(".action-widget").waitFor({ state: "hidden" });
  }

  /** Hovers the first rendered token that reads exactly `word`; resolves to the hover widget once it shows. */
  async hoverWord(word) {
    const token = this.editorLines().locator("span > span", { hasText: new RegExp(`^${escapeRegExp(word)}$`) }).first();
    await token.hover();
    const hover = this.page.locator(".monaco-editor .monaco-hover:not(.hidden)").first();
    await hover.waitFor();
    return hover;
  }

  /** Moves the pointer onto the title bar, where it raises no hover or tooltip. */
  async parkMouse() {
    await this.page.mouse.move(this.page.viewportSize().width / 3, 10);
  }

  /** Closes whatever floats over the editor (quick input, menus, hovers, suggestions) and parks the mouse. */
  async dismissWidgets() {
    await this.parkMouse();
    for (let i = 0; i < 3; i++) await this.keyboard.press("Escape");
    const floating = this.page.locator(".quick-input-widget:visible, .action-widget:visible, .monaco-editor .monaco-hover:not(.hidden):visible, .suggest-widget.visible");
    await poll(async () => (await floating.count()) === 0, "menus and hovers to close");
  }

  // ---- Webviews ---------------------------------------------------------------------------

  /**
   * The page of the webview on screen (the claims sheet). VS Code shows a webview in an
   * iframe laid over the editor, and the extension's page in an iframe inside that one.
   */
  webview() {
    return this.page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
  }

  /** Closes the editor tab whose title is `title`, with the close button on the tab. */
  async closeTab(title) {
    const tab = this.page.locator(".tabs-container .tab", { hasText: title });
    await tab.hover();
    await tab.locator(".tab-actions .action-label").click();
    await tab.waitFor({ state: "detached" });
  }

  // ---- Problems panel --------------------------------------------------------------------

  /** Hides the panel (Ctrl+J toggles it: press only when it is up). */
  async hidePanel() {
    const panel = this.page.locator(".part.panel");
    if (await panel.isVisible()) await this.keyboard.press("Control+J");
    await panel.waitFor({ state: "hidden" });
  }

  /** Shows the Problems panel (Ctrl+Shift+M toggles it: press only when it is not up). */
  async showProblems() {
    const panel = this.page.locator(".markers-panel");
    if (!(await panel.isVisible())) await this.keyboard.press("Control+Shift+M");
    await panel.waitFor();
  }

  /**
   * Every problem the panel lists, as `{ file, severity, text }` where text reads as on
   * screen: `message claimlint(rule) [Ln 8, Col 18]`. The tree renders only the rows in view,
   * so it is scrolled from top to bottom, collecting rows by index.
   */
  async problems() {
    await this.showProblems();
    const list = this.page.locator(".markers-panel .monaco-list");
    const byIndex = new Map();
    const collect = async () =>
      list.evaluate((el) =>
        // Direct children only: a scrolled tree also draws the file's header as a "sticky" row copy.
        [...el.querySelectorAll(".monaco-list-rows > .monaco-list-row")].map((row) => {
          const q = (s) => row.querySelector(s)?.textContent.trim() ?? "";
          return {
            index: Number(row.dataset.index),
            last: row.dataset.lastElement === "true",
            level: Number(row.getAttribute("aria-level")),
            label: row.getAttribute("aria-label") ?? "",
            message: q(".marker-message"),
            source: q(".marker-source"),
            code: q(".marker-code"),
            position: q(".marker-line"),
            severity: row.querySelector(".marker-icon")?.classList.contains("error") ? "error"
              : row.querySelector(".marker-icon")?.classList.contains("warning") ? "warning"
              : row.querySelector(".marker-icon")?.classList.contains("info") ? "information" : "",
          };
        }),
      );
    if ((await list.count()) === 0) return []; // "No problems have been detected" shows no list.
    let rows = await collect();
    for (const r of rows) byIndex.set(r.index, r);
    const complete = () => rows.some((r) => r.last) && byIndex.has(0);
    if (!complete()) {
      // Some rows are out of view: scroll the list from top to bottom. With wheel events sent
      // to the list itself: the real pointer over a row raises a tooltip that takes the wheel.
      const scroll = (deltaY) =>
        list.evaluate((el, dy) => {
          const target = el.querySelector(".monaco-scrollable-element") ?? el;
          target.dispatchEvent(new WheelEvent("wheel", { deltaY: dy, deltaMode: 0, bubbles: true, cancelable: true }));
        }, deltaY);
      const height = await list.evaluate((el) => el.clientHeight);
      if (height === 0) throw new Error("the Problems list is not laid out yet");
      await scroll(-100_000);
      for (let guard = 0; guard < 50 && !complete(); guard++) {
        rows = await collect();
        for (const r of rows) byIndex.set(r.index, r);
        if (complete() || rows.length === 0) break;
        await scroll(Math.max(height - 44, 22));
        // The list re-renders on the next frame: wait until new rows come into view.
        await poll(async () => (await collect()).some((r) => !byIndex.has(r.index)), "the Problems list to scroll");
      }
      await scroll(-100_000);
    }

    const out = [];
    let file = "";
    for (const r of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
      if (r.level === 1) file = /in file (.+?)(?: of folder (.+))?$/.exec(r.label)?.slice(1).filter(Boolean).reverse().join("/") ?? r.label;
      else if (r.message) out.push({ file, severity: r.severity, text: `${r.message} ${r.source}(${r.code}) ${r.position}` });
      // Rows without a message are a problem's related information ("Reference: …").
    }
    return out;
  }

  /**
   * Waits until the Problems panel's rows, as sorted text, equal `expected` (only the rows
   * of `file` when given: other files' problems are then left alone); returns them.
   */
  async waitForProblems(expected, what = "the Problems panel to list the expected problems", { file } = {}) {
    const mine = (rows) => (file ? rows.filter((r) => r.file === file) : rows);
    const want = sortRows(mine(expected));
    let last = [];
    try {
      await poll(async () => sameRows((last = sortRows(mine(await this.problems()))), want), what);
    } catch (err) {
      err.message += `\n${diffRows(want, last)}`;
      throw err;
    }
    return last;
  }

  // ---- Status bar and notifications -------------------------------------------------------

  /** The claimlint status-bar item (its element id ends with the item's id, `claimlint.claims`). */
  claimsItem() {
    return this.page.locator(".statusbar-item[id$='.claimlint.claims']");
  }

  async notificationsClear() {
    const toasts = this.page.locator(".notification-toast");
    if ((await toasts.count()) === 0) return;
    await this.runCommand("Notifications: Clear All Notifications");
    await toasts.first().waitFor({ state: "detached" });
  }
}

/** Rows from the CLI's JSON (`--format json`), in the shape Workbench.problems() returns. */
export function rowsFromCli(results) {
  return results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.file,
      severity: d.severity,
      text: `${d.message} claimlint(${d.rule}) [Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`,
    })),
  );
}

function key(r) {
  return `${r.file} ${r.severity} ${r.text}`;
}

function sortRows(rows) {
  return rows.map((r) => ({ file: r.file, severity: r.severity, text: r.text })).sort((a, b) => key(a).localeCompare(key(b)));
}

function sameRows(a, b) {
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]));
}

/** Which rows are missing from, and which are extra in, what the panel showed. */
export function diffRows(want, got) {
  const count = (rows) => rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map());
  const w = count(want);
  const g = count(got);
  const lines = [];
  for (const [k, n] of w) if ((g.get(k) ?? 0) < n) lines.push(`  missing: ${k}${n - (g.get(k) ?? 0) > 1 ? ` (×${n - (g.get(k) ?? 0)})` : ""}`);
  for (const [k, n] of g) if ((w.get(k) ?? 0) < n) lines.push(`  extra:   ${k}${n - (w.get(k) ?? 0) > 1 ? ` (×${n - (w.get(k) ?? 0)})` : ""}`);
  return lines.join("\n");
}

/**
 * Polls `condition` (async, truthy when done) until it holds or `timeout` passes. For UI
 * states no single locator expresses (the Problems rows as a whole, a line's text). `what`
 * (a string, or a function for one that reports the last state seen) names it in the error.
 */
export async function poll(condition, what, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const said = typeof what === "function" ? what() : what;
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${said}${lastError ? ` (${lastError.message.split("\n")[0]})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
