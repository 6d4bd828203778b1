// Plain Node (no dependencies): makes sure node_modules is installed and usable before any
// TypeScript tooling runs. Used by `npm start` and `npm test` on a fresh clone.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

function mtime(file) {
  try {
    return fs.statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Installs dependencies: from the lock file when node_modules is missing, and brings them up to
 * date when package.json or package-lock.json changed since the last install.
 */
export function ensureInstalled() {
  // npm writes node_modules/.package-lock.json after every successful install.
  const marker = "node_modules/.package-lock.json";
  if (mtime(marker) < 0) {
    // A fresh clone (or an install that never finished): exactly what the lock file says, which
    // lists every platform's optional packages (tests/lockfile.test.ts keeps it so).
    console.log("• Installing dependencies (npm ci)…");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  } else if (
    mtime("package-lock.json") > mtime(marker) ||
    mtime("package.json") > mtime(marker) ||
    !fs.existsSync(path.join(ROOT, "node_modules/.bin/tsx"))
  ) {
    // `npm install`, not `npm ci`, for an existing node_modules: after a dependency was edited in
    // package.json the lock may not match it yet, which `npm ci` refuses while `npm install`
    // updates both; and `npm ci` would delete and rebuild all of node_modules for a small change.
    console.log("• Updating dependencies (npm install)…");
    run("npm", ["install", "--no-audit", "--no-fund"]);
  }
  // better-sqlite3 is native: a skipped or failed build shows up only when it is loaded.
  const require = createRequire(path.join(ROOT, "package.json"));
  try {
    const Database = require("better-sqlite3");
    new Database(":memory:").close();
  } catch {
    console.log("• Building better-sqlite3 for this Node version…");
    run("npm", ["rebuild", "better-sqlite3"]);
  }
}

/**
 * Runs a TypeScript entry point with tsx and exits with its code. SIGINT/SIGTERM sent to this
 * process (e.g. `kill` of npm, or a CI timeout) are passed on, so nothing is left running.
 */
export function runTs(entry, args = []) {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const child = spawn(tsx, [entry, ...args], { cwd: ROOT, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 1)));
}

/**
 * Playwright drives Debian's Chromium (it cannot download its own browser here). Uses
 * CHROMIUM_PATH or /usr/bin/chromium; installs Debian's package when missing and we are root.
 */
export function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return chromium;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    console.error(
      `✖ Chromium not found at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
    process.exit(1);
  }
  console.log("• Installing Debian's chromium for the browser tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { env });
  return chromium;
}
