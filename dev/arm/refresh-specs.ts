/**
 * Refreshes dev/arm/specs/ from a checkout of https://github.com/Azure/azure-rest-api-specs
 * (what is copied: validation/spec-manifest.ts; how: validation/spec-refresh.ts).
 *
 *   npm run arm:specs:refresh -- <path-to-azure-rest-api-specs> [--dry-run]
 *
 * Prints what was added, updated, removed and kept; exits 1 when the source cannot give a usable
 * copy (nothing is written then). Afterwards: update the provenance in dev/arm/specs/README.md
 * and run `npx vitest run dev/arm`.
 */
import path from "node:path";
import { refreshSpecs } from "./validation/spec-refresh";

const TARGET = path.resolve(__dirname, "specs");

function main(argv: string[]): number {
  const dryRun = argv.includes("--dry-run");
  const positional = argv.filter((a) => !a.startsWith("--"));
  if (positional.length !== 1) {
    console.error("usage: npm run arm:specs:refresh -- <path-to-azure-rest-api-specs> [--dry-run]");
    return 2;
  }
  const source = path.resolve(positional[0]!);
  let report;
  try {
    report = refreshSpecs(source, TARGET, { dryRun });
  } catch (e) {
    console.error(`✖ ${(e as Error).message}`);
    return 1;
  }
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    console.log(`${title} (${items.length}):`);
    for (const i of items) console.log(`  ${i}`);
  };
  console.log(`${dryRun ? "Would refresh" : "Refreshed"} ${path.relative(process.cwd(), TARGET) || "."} from ${source}`);
  list(dryRun ? "would add" : "added", report.added);
  list(dryRun ? "would update" : "updated", report.updated);
  list(dryRun ? "would remove" : "removed", report.removed);
  console.log(`unchanged: ${report.unchanged}`);
  list("not in the source, the repository's copy kept", report.keptFromRepo);
  list("referenced but absent (the catalog uses stand-ins)", report.needs.absentSchemas.map((a) => a.file));
  list("examples of served operations not available (not replayed)", report.needs.absentExamples);
  const changed = report.added.length + report.updated.length + report.removed.length;
  if (changed > 0 && !dryRun) console.log("\nUpdate the provenance in dev/arm/specs/README.md, then run `npx vitest run dev/arm`.");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
