/**
 * code-server's lifecycle for one test run: a fresh user-data and extensions folder with
 * the claimlint .vsix installed, then VS Code served on 127.0.0.1 at a free port until
 * stop(). Everything it writes lives under the run folder, HOME included, so the machine's
 * own ~/.config and ~/.local stay untouched.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { onCleanup } from "./cleanup.mjs";

/**
 * The user settings of the fresh profile: nothing may open, pop up or phone home besides
 * what a scenario does, so screenshots show the extension and nothing else. The VS Code API
 * suite's profiles (tests/e2e/lib.mjs) use them too: it wants the same quiet.
 */
export const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.colorTheme": "Default Light Modern",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.commandCenter.enabled": false,
  "chat.disableAIFeatures": true,
  "editor.minimap.enabled": false,
  "editor.fontSize": 14,
  // One model line, one view line: the tests read lines back from the editor's DOM.
  "[markdown]": { "editor.wordWrap": "off" },
  "window.commandCenter": false,
  "git.enabled": false,
  // code-server notices the ports its own children open and badges the Ports tab.
  "remote.autoForwardPorts": false,
  "files.autoSave": "off",
  // Markdown's own link validation would add its problems to the panel the tests compare.
  "markdown.validate.enabled": false,
};

/**
 * The environment code-server and Chromium run in: their own HOME, XDG folders and TMPDIR
 * inside the run folder (VS Code leaves IPC sockets in the temp folder, Chromium its scratch
 * folders when killed), so removing the run folder removes every trace.
 */
export function isolatedEnv(runDir) {
  const home = join(runDir, "home");
  for (const d of ["", ".config", ".local/share", ".cache"]) mkdirSync(join(home, d), { recursive: true });
  mkdirSync(join(runDir, "tmp"), { recursive: true });
  return {
    ...process.env,
    TMPDIR: join(runDir, "tmp"),
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
  };
}

/** Creates the fresh profile and installs the .vsix into it. */
export function prepareProfile({ codeServerBin, runDir, vsix }) {
  const dirs = {
    userData: join(runDir, "user-data"),
    extensions: join(runDir, "extensions"),
    config: join(runDir, "code-server.yaml"),
  };
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(join(dirs.userData, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));

  const r = spawnSync(
    process.execPath,
    [codeServerBin, ...profileArgs(dirs), "--install-extension", vsix],
    { env: isolatedEnv(runDir), encoding: "utf8" },
  );
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new Error(`code-server --install-extension failed:\n${r.stdout}\n${r.stderr}`);
  }
  return dirs;
}

function profileArgs(dirs) {
  // --config: otherwise code-server writes ~/.config/code-server/config.yaml.
  return ["--config", dirs.config, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
}

/**
 * Starts code-server on a free port, serving `folder`; resolves once it answers /healthz.
 * It runs in its own process group so that stop() (and the exit handlers) can end it together
 * with everything it spawned: the extension host, the claimlint language server, watchers.
 * `env` adds variables for all of them (the VS Code API suite learns where to write its
 * results from one).
 */
export async function startCodeServer({ codeServerBin, runDir, dirs, folder, logFile, env = {} }) {
  const port = await freePort();
  const args = [
    codeServerBin,
    ...profileArgs(dirs),
    "--bind-addr", `127.0.0.1:${port}`,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--disable-proxy",
    "--ignore-last-opened",
    folder,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env: { ...isolatedEnv(runDir), ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let exited = null;
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve((exited = { code, signal }))));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const removeCleanup = onCleanup(() => killGroup("SIGKILL"));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      killGroup("SIGKILL");
      throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    /** Settles when code-server itself ends: a run that waits on the workbench watches it for a crash. */
    exit,
    /** Asks the whole group to stop, then kills what is left after a few seconds. */
    async stop() {
      if (!exited) {
        killGroup("SIGTERM");
        await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      }
      // The group outlives its leader when children ignore SIGTERM: make sure.
      killGroup("SIGKILL");
      removeCleanup();
      log.end();
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
