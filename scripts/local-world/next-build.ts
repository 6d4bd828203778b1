import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A fingerprint of everything `next build` reads, so `npm start` rebuilds only after a change.
 * File sizes and modification times are enough: a rebuild is cheap compared to a wrong skip,
 * and any edit changes the mtime.
 */
const INPUTS = ["app", "lib", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

export function sourceFingerprint(root: string): string {
  const hash = crypto.createHash("sha256");
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(rel, entry));
    } else {
      hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

const STAMP = path.join(".next", "crosslink-build-fingerprint");

export function buildIsCurrent(root: string): boolean {
  try {
    return (
      fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
      fs.readFileSync(path.join(root, STAMP), "utf8") === sourceFingerprint(root)
    );
  } catch {
    return false;
  }
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), sourceFingerprint(root));
}
