/**
 * package-lock.json must let `npm ci` install on every platform, offline from this check's point
 * of view (it reads files, never the registry). `npm ci` refuses a lock whose root dependencies
 * differ from package.json's, and on a platform whose native optional packages (e.g.
 * @next/swc-darwin-arm64, @tailwindcss/oxide-*) the lock does not list, it has nothing to install.
 * A lock written where the registry lacked other platforms' packages had exactly that gap.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Deps = Record<string, string>;
type LockEntry = { dependencies?: Deps; devDependencies?: Deps; optionalDependencies?: Deps; peerDependencies?: Deps };
type Lock = { packages: Record<string, LockEntry> };
type Manifest = Pick<LockEntry, "dependencies" | "devDependencies" | "optionalDependencies" | "peerDependencies">;

const FIX =
  "Fix: run `npm install --package-lock-only` against a registry that carries every platform's packages " +
  "(the public npm registry does) and commit package-lock.json.";

/** The lock key npm would find `name` at when `from` requires it: nested first, then each parent's, then the root's. */
function resolve(lock: Lock, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (key in lock.packages) return key;
    if (dir === "") return undefined;
    const parent = dir.lastIndexOf("/node_modules/");
    dir = parent < 0 ? "" : dir.slice(0, parent);
  }
}

/** Every package a lock entry needs (dependencies and optional ones) that the lock does not hold. */
function unresolved(lock: Lock): string[] {
  const out: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const kind of ["dependencies", "optionalDependencies"] as const) {
      for (const name of Object.keys(entry[kind] ?? {})) {
        if (!resolve(lock, key, name)) out.push(`${key || "(root)"} → ${name} (${kind})`);
      }
    }
  }
  return out;
}

/** Where the lock's root entry and package.json disagree about what to install. */
function rootMismatches(lock: Lock, manifest: Manifest): string[] {
  const root = lock.packages[""] ?? {};
  const out: string[] = [];
  for (const kind of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const) {
    const want = manifest[kind] ?? {};
    const have = root[kind] ?? {};
    for (const name of new Set([...Object.keys(want), ...Object.keys(have)])) {
      if (want[name] !== have[name]) out.push(`${kind}.${name}: package.json ${want[name] ?? "(none)"}, lock ${have[name] ?? "(none)"}`);
    }
  }
  return out;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(__dirname, "..", file), "utf8")) as T;

describe("package-lock.json", () => {
  const lock = readJson<Lock>("package-lock.json");
  const manifest = readJson<Manifest>("package.json");

  it("holds every optional package of every platform (and every dependency) its packages name", () => {
    const missing = unresolved(lock);
    expect(missing, `package-lock.json misses packages that npm ci needs on some platform:\n  ${missing.join("\n  ")}\n${FIX}`).toEqual([]);
  });

  it("lists at the root exactly the dependencies package.json declares", () => {
    const diff = rootMismatches(lock, manifest);
    expect(diff, `package-lock.json is out of step with package.json:\n  ${diff.join("\n  ")}\n${FIX}`).toEqual([]);
  });
});

describe("the lock checks themselves", () => {
  const lock: Lock = {
    packages: {
      "": { dependencies: { next: "^16.0.0" } },
      "node_modules/next": { optionalDependencies: { "@next/swc-linux-x64-gnu": "16.0.0", "@next/swc-darwin-arm64": "16.0.0" } },
      "node_modules/@next/swc-linux-x64-gnu": {},
      "node_modules/a": { dependencies: { b: "1" } },
      "node_modules/a/node_modules/c": { optionalDependencies: { b: "1", d: "1" } },
      "node_modules/a/node_modules/d": {},
    },
  };

  it("finds packages where npm nests them and reports the ones nowhere", () => {
    expect(resolve(lock, "node_modules/a/node_modules/c", "d")).toBe("node_modules/a/node_modules/d");
    expect(resolve(lock, "node_modules/a", "next")).toBe("node_modules/next");
    expect(resolve(lock, "node_modules/next", "d")).toBeUndefined();
    expect(unresolved(lock)).toEqual([
      "node_modules/next → @next/swc-darwin-arm64 (optionalDependencies)",
      "node_modules/a → b (dependencies)",
      "node_modules/a/node_modules/c → b (optionalDependencies)",
    ]);
  });

  it("reports root dependencies that differ from package.json, either way", () => {
    expect(rootMismatches(lock, { dependencies: { next: "^16.1.0" }, devDependencies: { vitest: "^4.0.0" } })).toEqual([
      "dependencies.next: package.json ^16.1.0, lock ^16.0.0",
      "devDependencies.vitest: package.json ^4.0.0, lock (none)",
    ]);
    expect(rootMismatches(lock, {})).toEqual(["dependencies.next: package.json (none), lock ^16.0.0"]);
  });
});
