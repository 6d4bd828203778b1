/**
 * ensureLocalSecrets: generated once, read back, 0600, concurrent-safe, completes older files,
 * and refuses (rather than silently replaces) a corrupted file.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promisify } from "node:util";
import { ensureLocalSecrets } from "./local-secrets";

const run = promisify(execFile);

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "local-secrets-"));
  file = path.join(dir, "nested", "local-secrets.json");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ensureLocalSecrets", () => {
  it("generates random secrets once, mode 0600, and returns the same ones afterwards", () => {
    const first = ensureLocalSecrets(file);
    expect(first.clientSecret).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(first.sessionSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.clientSecret).not.toBe(first.sessionSecret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureLocalSecrets(file)).toEqual(first);
  });

  it("gives every process the winner's secrets when several create the file at once", async () => {
    // Separate processes, as when the app and the local Entra ID start together.
    const child = path.join(dir, "child.ts");
    fs.writeFileSync(
      child,
      `import { ensureLocalSecrets } from ${JSON.stringify(path.join(__dirname, "local-secrets.ts"))};\n` +
        "console.log(ensureLocalSecrets(process.argv[2]).clientSecret);\n",
    );
    const repoRoot = path.resolve(__dirname, "..", "..");
    const outputs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", child, file], { cwd: repoRoot });
        return stdout.trim();
      }),
    );
    expect(outputs[0]).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(new Set(outputs).size).toBe(1);
    expect(ensureLocalSecrets(file).clientSecret).toBe(outputs[0]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["local-secrets.json"]); // no temp files left
  });

  it("adds a missing field but keeps the existing client secret", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ clientSecret: "existing-client-secret-value" }), { mode: 0o644 });
    const secrets = ensureLocalSecrets(file);
    expect(secrets.clientSecret).toBe("existing-client-secret-value");
    expect(secrets.sessionSecret.length).toBeGreaterThanOrEqual(43);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a corrupted file with a message that says how to fix it", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "not json");
    expect(() => ensureLocalSecrets(file)).toThrow(/Delete it to generate new local secrets/);
  });
});
