/**
 * `Claimlint: Show Claims Sheet`: every claim of a draft in a table beside it, with where each
 * stands (attribution, reference, own sources, the rules that flag it). A click on a row
 * selects the claim in the draft.
 *
 * A sheet stays bound to the draft it was opened for, as its title says (`Claims: draft.md`);
 * the command on another draft opens that draft's own sheet. It asks the server for the
 * claims each time the server publishes the draft's diagnostics, so it follows the draft at
 * the pace of its checks (as typed, or on save with `claimlint.run: onSave`), and closes with
 * the draft.
 */
import { randomBytes } from "node:crypto";
import {
  commands,
  Disposable,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type TextDocument,
  type WebviewPanel,
} from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { CLAIMS_REQUEST, type ClaimsParams, type ClaimsResult } from "../../server/src/lsp/claims-request";
import type { FromSheet } from "../webview/messages";
import { asRange, sheetMessage, sheetPage } from "./claims-sheet-page";

export class ClaimsSheets implements Disposable {
  private readonly sheets = new Map<string, ClaimsSheet>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly extensionUri: Uri,
    /** The running client, if any: a sheet asks it for the claims. */
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.subscriptions = [
      commands.registerCommand("claimlint.showClaimsSheet", () => this.show()),
      workspace.onDidCloseTextDocument((document) => this.sheets.get(document.uri.toString())?.dispose()),
    ];
  }

  /** Opens the active draft's sheet beside it, or brings it forward where it is if it is open. */
  private show(): void {
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== "markdown") {
      void window.showInformationMessage("claimlint lists the claims of Markdown drafts: open one to see its sheet.");
      return;
    }
    const key = editor.document.uri.toString();
    const open = this.sheets.get(key);
    if (open) {
      open.panel.reveal(undefined, true);
      return;
    }
    const sheet = new ClaimsSheet(editor.document, editor.viewColumn ?? ViewColumn.One, this.extensionUri, this.client);
    this.sheets.set(key, sheet);
    sheet.panel.onDidDispose(() => this.sheets.delete(key));
  }

  /** The server published the draft's diagnostics, so it has checked the draft: its sheet asks again. */
  checked(uri: Uri): void {
    void this.sheets.get(uri.toString())?.refresh();
  }

  dispose(): void {
    for (const sheet of [...this.sheets.values()]) sheet.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

class ClaimsSheet {
  readonly panel: WebviewPanel;
  /** A request is under way; `askAgain`: the draft was checked again meanwhile. */
  private asking = false;
  private askAgain = false;
  private disposed = false;

  constructor(
    private readonly document: TextDocument,
    /** Where the draft was when the sheet opened: a click shows it there if it is no longer visible. */
    private readonly draftColumn: ViewColumn,
    extensionUri: Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {
    // The page loads only its own script and stylesheet, from the one folder they are built in.
    const pageFiles = Uri.joinPath(extensionUri, "dist", "webview");
    const name = document.uri.path.split("/").pop() || document.uri.path;
    this.panel = window.createWebviewPanel(
      "claimlint.claimsSheet",
      `Claims: ${name}`,
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [pageFiles] },
    );
    const webview = this.panel.webview;
    webview.html = sheetPage({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString("base64"),
      script: webview.asWebviewUri(Uri.joinPath(pageFiles, "claims-sheet.js")).toString(),
      style: webview.asWebviewUri(Uri.joinPath(pageFiles, "claims-sheet.css")).toString(),
    });
    // The page is loaded afresh each time the panel is shown again, and says when it is ready.
    webview.onDidReceiveMessage((message: FromSheet) => {
      if (message?.type === "ready") void this.refresh();
      else if (message?.type === "reveal") void this.reveal(message.range);
    });
    this.panel.onDidDispose(() => (this.disposed = true));
  }

  /**
   * Asks the server for the draft's claims as it now stands, and shows them. One request at a
   * time, and one more if the draft was checked meanwhile: a long draft's sheet takes a while
   * to send (most of a second for tens of thousands of claims), and answers never arrive out
   * of order. A hidden sheet asks nothing: its page is loaded afresh when shown, and asks then.
   */
  async refresh(): Promise<void> {
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    this.asking = true;
    try {
      do {
        this.askAgain = false;
        if (this.disposed || !this.panel.visible) return;
        const result = await this.claims();
        if (result && !this.disposed) await this.panel.webview.postMessage(sheetMessage(result));
      } while (this.askAgain);
    } finally {
      this.asking = false;
    }
  }

  private async claims(): Promise<ClaimsResult | undefined> {
    const client = this.client();
    if (!client) return undefined;
    try {
      const params: ClaimsParams = { uri: client.code2ProtocolConverter.asUri(this.document.uri) };
      return await client.sendRequest<ClaimsResult>(CLAIMS_REQUEST, params);
    } catch {
      // The server is stopping or restarting: it checks the draft again once up, and its
      // diagnostics bring the sheet up to date.
      return undefined;
    }
  }

  /** Selects a claim in the draft, showing the draft where it is (or was) visible. */
  private async reveal(sent: unknown): Promise<void> {
    const range = asRange(sent);
    if (!range) return;
    const visible = window.visibleTextEditors.find((editor) => editor.document === this.document);
    const editor = await window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? this.draftColumn });
    const claim = this.document.validateRange(new Range(range.start.line, range.start.character, range.end.line, range.end.character));
    editor.selection = new Selection(claim.start, claim.end);
    editor.revealRange(claim, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
