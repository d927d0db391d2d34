/**
 * The status-bar item: how many claims the active Markdown draft still has open. Clicking
 * it checks the draft again.
 */
import { Disposable, languages, StatusBarAlignment, window, workspace } from "vscode";
import { claimsLabel, claimsTooltip, countClaims } from "./claims";

export function createClaimStatusBar(): Disposable {
  const item = window.createStatusBarItem("claimlint.claims", StatusBarAlignment.Right, 100);
  item.name = "claimlint claims";
  item.command = "claimlint.checkDocument";

  const update = () => {
    const document = window.activeTextEditor?.document;
    if (document?.languageId !== "markdown") {
      item.hide();
      return;
    }
    const count = countClaims(languages.getDiagnostics(document.uri));
    item.text = claimsLabel(count);
    item.tooltip = claimsTooltip(count);
    item.show();
  };
  const isActive = (uri: { toString(): string }) => uri.toString() === window.activeTextEditor?.document.uri.toString();

  update();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(update),
    // Diagnostics change for many files at once during a workspace check; only the active one matters.
    languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isActive)) update();
    }),
    // Changing a file's language mode reopens it without changing the active editor.
    workspace.onDidOpenTextDocument((d) => {
      if (isActive(d.uri)) update();
    }),
  );
}
