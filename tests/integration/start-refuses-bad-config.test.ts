import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the local-world runner", () => {
  it("refuses to start with an invalid setting, naming the variable, before starting anything", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-badcfg-"));
    const result = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["scripts/local-world/run.ts", "--data-dir", dataDir, "--app-port", "3901", "--entra-port", "7901", "--arm-port", "8901"],
      { cwd: ROOT, env: { ...process.env, SESSION_TTL_HOURS: "forever", LOG_LEVEL: "chatty" }, encoding: "utf8", timeout: 60_000 },
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Crosslink cannot start: invalid configuration.");
    expect(result.stderr).toContain("SESSION_TTL_HOURS");
    expect(result.stderr).toContain("LOG_LEVEL");
    // Nothing was started: no database was created.
    expect(result.stdout).not.toContain("Preparing the database");
  });

  it("refuses unknown options with a clear message", () => {
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/local-world/run.ts", "--app-port", "not-a-port"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--app-port/);
  });
});
