/**
 * What every scenario gets: the workbench, the workspace and its CLI oracle, screenshots,
 * and small assertions that say what was expected and what was seen.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DRAFT } from "./workspace.mjs";
import { poll, rowsFromCli, UI_TIMEOUT } from "./workbench.mjs";

export class ScenarioContext {
  constructor({ wb, workspace, resultsDir }) {
    this.wb = wb;
    this.page = wb.page;
    this.workspace = workspace;
    this.resultsDir = resultsDir;
    this.shotNumber = 0;
    /** Screenshots tagged for docs/screenshots/: `{ file, doc }`. */
    this.docShots = [];
    this.scenario = "";
    mkdirSync(resultsDir, { recursive: true });
  }

  /**
   * Saves `test-results/NN-scenario-step.png`, numbered in the order taken. `doc` names the
   * copy `--screenshots` puts into docs/screenshots/.
   */
  async shot(step, { doc } = {}) {
    const name = `${String(++this.shotNumber).padStart(2, "0")}-${this.scenario}-${step}.png`;
    const file = join(this.resultsDir, name);
    // Animations finished: a hover or menu caught half faded-in looks broken.
    await this.page.screenshot({ path: file, animations: "disabled" });
    if (doc) this.docShots.push({ file, doc, scenario: this.scenario });
    return file;
  }

  /** The Problems rows the CLI gives for `files` (default: the draft), as the panel shows them. */
  expectedRows(...files) {
    return rowsFromCli(this.workspace.check(...(files.length ? files : [DRAFT])));
  }

  /**
   * Starts a scenario from the pristine draft, open and focused: reverts unsaved edits a
   * failed scenario may have left, puts the file back on disk, and waits until the editor
   * shows it (VS Code reloads a clean editor when its file changes on disk).
   */
  async freshDraft() {
    const { wb, workspace } = this;
    await wb.dismissWidgets();
    await wb.openFile(DRAFT);
    if (await this.page.locator(".tabs-container .tab.active.dirty").count()) await wb.runCommand("File: Revert File");
    workspace.restoreDraft();
    for (const line of [8, 11, 14]) await wb.waitForLine(line, (t) => t === workspace.draftLine(line), "the original draft");
  }

  /** Waits for a UI state no single locator expresses; see poll(). */
  poll(condition, what, timeout = UI_TIMEOUT) {
    return poll(condition, what, timeout);
  }

  /** The count the claimlint status-bar item shows (`6 claims` → 6, the check mark → 0). */
  async statusCount() {
    const text = (await this.wb.claimsItem().innerText()).trim();
    const m = /(\d+) claims?/.exec(text);
    if (m) return Number(m[1]);
    if (/claimlint/.test(text)) return 0;
    throw new Error(`unexpected status-bar text ${JSON.stringify(text)}`);
  }

  async waitForStatusCount(n) {
    let last;
    await poll(async () => (last = await this.statusCount().catch((e) => e.message)) === n, () => `the status bar to show ${n} claims (it shows ${JSON.stringify(last)})`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertIncludes(text, part, where) {
  assert(text.includes(part), `${where} should include ${JSON.stringify(part)}; it reads:\n${text}`);
}

export { poll, UI_TIMEOUT };
