/**
 * The VS Code side of claimlint: starts the language server bundled beside it
 * (dist/server.js) and adds commands and a status-bar count. All checking happens in the
 * server; this file only wires VS Code to it.
 */
import { window, workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { createClaimStatusBar } from "./status-bar";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };

  // The server rereads a draft's settings when a config or an extra reference file changes.
  const watchers = [
    workspace.createFileSystemWatcher("**/.claimlintrc.json"),
    workspace.createFileSystemWatcher("**/*reference*.json"),
  ];
  const outputChannel = window.createOutputChannel("claimlint", { log: true });
  context.subscriptions.push(...watchers, outputChannel);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    synchronize: { fileEvents: watchers },
    // The server pushes diagnostics to every client. VS Code's client would also pull them
    // when the server offers the pull model, and the Problems panel would then list each
    // claim twice, so this client opts out of pulling.
    initializationOptions: { pullDiagnostics: false },
    outputChannel,
  };

  client = new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
  context.subscriptions.push(...registerCommands(client), createClaimStatusBar());
  await client.start();
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
