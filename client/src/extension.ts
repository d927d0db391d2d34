/**
 * The VS Code side of claimlint: starts the language server bundled beside it
 * (dist/server.js) and adds commands, the claims sheet and a status-bar count. All checking
 * happens in the server; this file only wires VS Code to it.
 */
import { window, workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { ClaimsSheets } from "./claims-sheet";
import { registerCommands } from "./commands";
import { createClaimStatusBar } from "./status-bar";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath("dist/server.js");
  // Over stdio, as other editors run it: there the server writes a long draft's diagnostics
  // straight into bytes, where over IPC Node's channel would build them as objects first.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };

  // The server rereads a draft's settings when a config or an extra reference file changes.
  const watchers = [
    workspace.createFileSystemWatcher("**/.claimlintrc.json"),
    workspace.createFileSystemWatcher("**/*reference*.json"),
  ];
  const outputChannel = window.createOutputChannel("claimlint", { log: true });
  const sheets = new ClaimsSheets(context.extensionUri, () => client);
  context.subscriptions.push(...watchers, outputChannel, sheets);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    synchronize: { fileEvents: watchers },
    // The server pushes diagnostics to every client. VS Code's client would also pull them
    // when the server offers the pull model, and the Problems panel would then list each
    // claim twice, so this client opts out of pulling.
    // Read at every start: in a workspace the user has not trusted, the server reads reference
    // files only from inside the workspace folders.
    initializationOptions: () => ({ pullDiagnostics: false, workspaceTrusted: workspace.isTrusted }),
    // Hover cards show text from drafts and reference files: no command links, no HTML.
    markdown: { isTrusted: false, supportHtml: false },
    outputChannel,
    // The server publishes a draft's diagnostics after each check of it: a claims sheet on the
    // draft then asks for its claims again.
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        sheets.checked(uri);
      },
    },
  };

  client = new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
  context.subscriptions.push(...registerCommands(client), createClaimStatusBar());
  // Trust is granted once and never taken back within a window: a restart hands the server
  // the new answer, and it reads every configuration and reference file afresh.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      client?.restart().catch((error: unknown) => outputChannel.error(`restarting after the workspace was trusted failed: ${String(error)}`));
    }),
  );
  await client.start();
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
