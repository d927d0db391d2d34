/**
 * The one-time install of what the browser tests drive: code-server (VS Code served to a
 * browser) and playwright-core, from npm into .cache/code-server/ (outside the project's own
 * node_modules, so `npm ci` and the .vsix never see them), and Debian's chromium, ripgrep
 * and libkrb5-dev when missing. Each step is skipped when its result is already there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** 4.100.x is the last code-server line that runs on Node 20 (4.101 wants Node 22). */
export const CODE_SERVER_VERSION = "4.100.3";
const PLAYWRIGHT_VERSION = "1.65.1";

export const CHROMIUM = "/usr/bin/chromium";

/** Debian packages by the file that shows they are installed. */
const DEBIAN_PACKAGES = [
  { file: CHROMIUM, pkg: "chromium" },
  // VS Code's search runs ripgrep; @vscode/ripgrep's postinstall would download it from GitHub.
  { file: "/usr/bin/rg", pkg: "ripgrep" },
  // The `kerberos` native module of VS Code's server compiles against it.
  { file: "/usr/include/krb5.h", pkg: "libkrb5-dev" },
];

export function paths(root) {
  const prefix = join(root, ".cache", "code-server");
  return {
    prefix,
    codeServerBin: join(prefix, "node_modules", "code-server", "out", "node", "entry.js"),
    codeServerPkg: join(prefix, "node_modules", "code-server", "package.json"),
    playwright: join(prefix, "node_modules", "playwright-core", "index.mjs"),
    // Marks an install that ran to the end: a half-done one (interrupted, failed build) is redone.
    stamp: join(prefix, `installed-${CODE_SERVER_VERSION}`),
  };
}

export function isInstalled(root) {
  const p = paths(root);
  return existsSync(p.stamp) && existsSync(p.codeServerBin) && existsSync(p.playwright) &&
    DEBIAN_PACKAGES.every((d) => existsSync(d.file));
}

/** Installs whatever is missing; returns true when it had something to do. */
export function ensureInstalled(root, log) {
  if (isInstalled(root)) return false;
  ensureDebianPackages(log);
  const p = paths(root);
  if (!existsSync(p.stamp)) installCodeServer(p, log);
  return true;
}

function ensureDebianPackages(log) {
  const missing = DEBIAN_PACKAGES.filter((d) => !existsSync(d.file)).map((d) => d.pkg);
  if (missing.length === 0) return;
  log(`apt-get install ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env });
}

function installCodeServer(p, log) {
  rmSync(p.prefix, { recursive: true, force: true });
  mkdirSync(p.prefix, { recursive: true });
  const tmp = join(p.prefix, "tmp");
  mkdirSync(tmp, { recursive: true });

  // code-server's postinstall runs `npm install` in lib/vscode, whose @vscode/ripgrep
  // postinstall downloads rg from GitHub (unreachable here) unless the archive it wants is
  // already in its cache, ${os.tmpdir()}/vscode-ripgrep-cache-<version>/. So: fetch
  // code-server without scripts first, learn which ripgrep it pins, put Debian's rg into
  // that cache (under a TMPDIR of our own), then run the scripts.
  log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_VERSION} (download)`);
  const env = {
    ...process.env,
    // The postinstall refuses to run as root without it.
    npm_config_unsafe_perm: "true",
    // node-gyp builds the native modules against the Node headers already on the machine.
    npm_config_nodedir: process.env.npm_config_nodedir || npmNodedir(),
    TMPDIR: tmp,
    // node-pty's postinstall runs `npx node-gyp …`; the user npmrc may say yes=false, and npx
    // would then refuse to fetch node-gyp instead of asking.
    npm_config_yes: "true",
    npm_config_fund: "false",
    npm_config_audit: "false",
    npm_config_update_notifier: "false",
    npm_config_loglevel: "error",
  };
  const npmArgs = ["--prefix", p.prefix, "--no-save", "--no-package-lock", "--loglevel=error"];
  run("npm", ["install", ...npmArgs, "--ignore-scripts", `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`], { env });

  seedRipgrepCache(p, tmp, log);

  // Now the install scripts: argon2's (its prebuilt download fails offline, so it compiles)
  // and code-server's (npm install in lib/vscode, compiling VS Code's native modules).
  log("building code-server's native modules (npm rebuild, about a minute)");
  run("npm", ["rebuild", ...npmArgs], { env, cwd: p.prefix });

  // The ripgrep package must now hold a working binary.
  const rg = join(p.prefix, "node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg");
  run(rg, ["--version"], { stdio: "ignore" });
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(p.stamp, `code-server ${CODE_SERVER_VERSION}, playwright-core ${PLAYWRIGHT_VERSION}\n`);
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks for its cached download. */
function seedRipgrepCache(p, tmp, log) {
  const vscodeDir = join(p.prefix, "node_modules", "code-server", "lib", "vscode");
  const shrinkwrap = JSON.parse(readFileSync(join(vscodeDir, "npm-shrinkwrap.json"), "utf8"));
  const version = shrinkwrap.packages["node_modules/@vscode/ripgrep"].version;
  // The release tag of microsoft/ripgrep-prebuilt it downloads is a constant in its
  // postinstall: read it from the very package npm is about to install.
  const packDir = join(tmp, "ripgrep-pack");
  mkdirSync(packDir, { recursive: true });
  run("npm", ["pack", "--silent", "--pack-destination", packDir, `@vscode/ripgrep@${version}`], { cwd: packDir, stdio: "ignore" });
  const tarball = join(packDir, `vscode-ripgrep-${version}.tgz`);
  const postinstall = execFileSync("tar", ["-xzOf", tarball, "package/lib/postinstall.js"], { encoding: "utf8" });
  const tag = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!tag) throw new Error(`cannot find the ripgrep release tag in @vscode/ripgrep@${version}'s postinstall`);
  const target = { x64: "x86_64-unknown-linux-musl", arm64: "aarch64-unknown-linux-musl" }[process.arch];
  if (!target) throw new Error(`no ripgrep target known for ${process.arch}`);

  const cache = join(tmp, `vscode-ripgrep-cache-${version}`);
  mkdirSync(cache, { recursive: true });
  copyFileSync("/usr/bin/rg", join(packDir, "rg"));
  chmodSync(join(packDir, "rg"), 0o755);
  run("tar", ["-czf", join(cache, `ripgrep-${tag}-${target}.tar.gz`), "-C", packDir, "rg"]);
  log(`seeded @vscode/ripgrep@${version} (${tag}) with /usr/bin/rg`);
}

function npmNodedir() {
  // `npm config get nodedir` also reads the user npmrc (npm 11 warns it is an unknown key, but honours it).
  const r = spawnSync("npm", ["config", "get", "nodedir"], { encoding: "utf8" });
  const dir = r.stdout.trim();
  if (dir && dir !== "undefined" && existsSync(join(dir, "include", "node", "node.h"))) return dir;
  if (existsSync("/usr/include/node/node.h")) return "/usr";
  throw new Error("no Node headers found for node-gyp: set npm_config_nodedir");
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.error?.message ?? `exit ${r.status}`})`);
}
