/**
 * Debian's Chromium driven by playwright-core (which ships no browser of its own): headless,
 * with a throw-away profile, and quiet (no sync, component updates or first-run pages).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM } from "./install.mjs";
import { isolatedEnv } from "./server.mjs";

export const VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser({ playwrightModule, runDir }) {
  const { chromium } = await import(pathToFileURL(playwrightModule).href);
  const profile = join(runDir, "chromium-profile");
  mkdirSync(profile, { recursive: true });
  // Playwright refuses --user-data-dir among the args: a persistent context is how it takes one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    env: isolatedEnv(runDir),
    args: [
      "--no-sandbox", // root in a container: Chromium's sandbox cannot start
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
    ],
    // The workbench reads and writes the clipboard on copy/paste shortcuts.
    permissions: ["clipboard-read", "clipboard-write"],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
