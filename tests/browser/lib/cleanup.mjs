/**
 * Last-resort cleanup: whatever the run started (code-server's process group, temp folders)
 * registers a synchronous undo here, run on normal exit, on an uncaught error and on
 * Ctrl+C / SIGTERM, so an interrupted run leaves nothing behind.
 */
const tasks = new Set();
let installed = false;

/** Registers `fn` (synchronous); returns a function that unregisters it once done by hand. */
export function onCleanup(fn) {
  install();
  tasks.add(fn);
  return () => tasks.delete(fn);
}

function runAll() {
  for (const fn of [...tasks].reverse()) {
    try {
      fn();
    } catch {
      // Keep going: the other tasks still matter.
    }
  }
  tasks.clear();
}

function install() {
  if (installed) return;
  installed = true;
  process.on("exit", runAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping code-server and cleaning up`);
      runAll();
      process.exit(130);
    });
  }
}
