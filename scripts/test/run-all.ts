/**
 * The whole suite, in order: lint, typecheck, migration drift, unit + integration (vitest),
 * browser journeys (Playwright). Every step runs even if an earlier one failed, so one run shows
 * everything that is wrong; the exit code is non-zero if any step failed.
 *   tsx scripts/test/run-all.ts [--only lint,typecheck,drift,unit,e2e]
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

const steps: { key: string; title: string; cmd: string; args: string[] }[] = [
  { key: "lint", title: "Lint (eslint)", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  { key: "typecheck", title: "Typecheck (tsc --noEmit)", cmd: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { key: "generate", title: "Prisma client (generate)", cmd: bin("tsx"), args: ["scripts/db.ts", "generate"] },
  { key: "drift", title: "Migration drift check", cmd: bin("tsx"), args: ["scripts/db.ts", "check-drift"] },
  { key: "unit", title: "Unit and integration tests (vitest)", cmd: bin("vitest"), args: ["run"] },
  { key: "e2e", title: "Browser journeys (Playwright)", cmd: bin("playwright"), args: ["test"] },
];

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? "").split(",")) : null;
// typecheck needs the generated client, so generate always runs first when typecheck runs.
const ordered = [steps[2]!, ...steps.filter((s) => s.key !== "generate")];

const results: { title: string; ok: boolean; seconds: number }[] = [];
for (const step of ordered) {
  if (only && !only.has(step.key) && step.key !== "generate") continue;
  console.log(`\n━━ ${step.title}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  results.push({ title: step.title, ok: r.status === 0, seconds: (Date.now() - t0) / 1000 });
}

console.log("\n━━ Summary");
for (const r of results) console.log(`  ${r.ok ? "✔" : "✖"} ${r.title} (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
// Steps, not tests: the runners above print their own test counts.
console.log(failed === 0 ? `\nAll ${results.length} steps passed.` : `\n${failed} of ${results.length} steps failed.`);
process.exit(failed === 0 ? 0 : 1);
