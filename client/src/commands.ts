/**
 * The claimlint commands. Checking is the server's work: the commands send it a request,
 * then show what it found in the Problems panel.
 */
import { commands, ProgressLocation, window, type Disposable } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { workspaceSummary } from "./claims";

/** The server reads every Markdown file of the workspace folders from disk and pushes their diagnostics. */
const CHECK_WORKSPACE = "claimlint/checkWorkspace";
interface CheckWorkspaceResult {
  files: number;
  findings: number;
}

/** The server checks one draft again and pushes its diagnostics. */
const CHECK_DOCUMENT = "claimlint/checkDocument";
interface CheckDocumentResult {
  findings: number;
}

const SHOW_PROBLEMS = "workbench.actions.view.problems";

export function registerCommands(client: LanguageClient): Disposable[] {
  return [
    commands.registerCommand("claimlint.restartServer", () => client.restart()),
    commands.registerCommand("claimlint.showOutput", () => client.outputChannel.show()),
    commands.registerCommand("claimlint.checkWorkspace", () => checkWorkspace(client)),
    commands.registerCommand("claimlint.checkDocument", () => checkDocument(client)),
  ];
}

/** Checks every draft of the workspace; resolves to what the server found, or undefined when cancelled or failed. */
function checkWorkspace(client: LanguageClient): Thenable<CheckWorkspaceResult | undefined> {
  return window.withProgress(
    // A workspace of many drafts takes a while: show that it is working, and let it be cancelled.
    { location: ProgressLocation.Notification, title: "claimlint: checking the workspace's drafts…", cancellable: true },
    async (_progress, token) => {
      try {
        const result = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, {}, token);
        void window.showInformationMessage(workspaceSummary(result));
        if (result.files > 0) await commands.executeCommand(SHOW_PROBLEMS);
        return result;
      } catch (err) {
        if (!token.isCancellationRequested) reportFailure("check the workspace", err);
        return undefined;
      }
    },
  );
}

/** Checks the active Markdown draft again; resolves to what the server found, or undefined. */
async function checkDocument(client: LanguageClient): Promise<CheckDocumentResult | undefined> {
  const document = window.activeTextEditor?.document;
  if (document?.languageId !== "markdown") {
    void window.showInformationMessage("claimlint checks Markdown drafts: open one to check it.");
    return undefined;
  }
  try {
    const result = await client.sendRequest<CheckDocumentResult>(CHECK_DOCUMENT, { uri: document.uri.toString() });
    await commands.executeCommand(SHOW_PROBLEMS);
    return result;
  } catch (err) {
    reportFailure("check this draft", err);
    return undefined;
  }
}

function reportFailure(what: string, err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  void window.showErrorMessage(`claimlint could not ${what}: ${reason}`);
}
