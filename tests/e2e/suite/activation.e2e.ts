/** The extension activates from the development path and its `activate` export is the running client. */
import * as assert from "node:assert/strict";
import { suite, test } from "mocha";
import * as vscode from "vscode";
import { activatedClient, EXTENSION_ID } from "./helpers";

suite("activation", () => {
  test("activate() returns a LanguageClient that is running the claimlint server", async () => {
    const client = await activatedClient();
    assert.equal(client.name, "claimlint");
    assert.equal(client.isRunning(), true, "client.isRunning()");
    assert.equal(client.initializeResult?.serverInfo?.name, "claimlint", "the server answered initialize");
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test("registers the four commands of the manifest", async () => {
    await activatedClient();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ["claimlint.checkWorkspace", "claimlint.checkDocument", "claimlint.restartServer", "claimlint.showOutput"]) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });
});
