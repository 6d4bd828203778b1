/**
 * Refreshes the in-repository spec copy (dev/arm/specs/) from an Azure/azure-rest-api-specs
 * checkout: copies exactly the files spec-manifest.ts says are needed, byte for byte, removes
 * those no longer needed and reports what changed. Everything is worked out before anything is
 * written, so a source that is unusable (a file that does not parse, a reference nothing can
 * satisfy) leaves the copy untouched.
 *
 * A needed file the source lacks keeps the repository's copy and is reported: the Web extract
 * (openapi.privateEndpointConnections-extract.json) is not an upstream file, it is cut from the
 * 2026-09-01 openapi.json (see dev/arm/specs/README.md), so a plain upstream checkout never has it.
 */
import fs from "node:fs";
import path from "node:path";
import { specNeeds, specProblems, type SpecNeeds } from "./spec-manifest";

export type RefreshReport = {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  /** Needed files the source does not have; the repository's copy was kept. */
  keptFromRepo: string[];
  needs: SpecNeeds;
};

function readIfFile(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

function removeEmptyDirs(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirs(path.join(dir, entry.name));
  }
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

/**
 * `source`: a checkout of Azure/azure-rest-api-specs (the folder holding `specification/` and
 * `LICENSE`). `target`: the copy's folder (dev/arm/specs), whose `specification/` mirrors upstream's.
 */
export function refreshSpecs(source: string, target: string, opts: { dryRun?: boolean } = {}): RefreshReport {
  const sourceSpecs = path.join(source, "specification");
  const targetSpecs = path.join(target, "specification");
  if (!fs.statSync(sourceSpecs, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${source} is not an azure-rest-api-specs checkout: it has no specification/ folder`);
  }

  const keptFromRepo = new Set<string>();
  const contents = new Map<string, Buffer>();
  const needs = specNeeds((rel) => {
    let data = readIfFile(path.join(sourceSpecs, rel));
    if (!data) {
      data = readIfFile(path.join(targetSpecs, rel));
      if (data) keptFromRepo.add(rel);
    }
    if (data) contents.set(rel, data);
    return data;
  });
  const problems = specProblems(needs);
  if (problems.length > 0) throw new Error(`the source cannot give a usable copy:\n  ${problems.join("\n  ")}`);

  // The upstream MIT notice travels with the copies (the checkout's root LICENSE).
  const wanted = new Map<string, Buffer>();
  for (const rel of [...needs.schemas, ...needs.examples]) wanted.set(`specification/${rel}`, contents.get(rel)!);
  const license = readIfFile(path.join(source, "LICENSE")) ?? readIfFile(path.join(target, "LICENSE"));
  if (license) wanted.set("LICENSE", license);

  const report: RefreshReport = { added: [], updated: [], removed: [], unchanged: 0, keptFromRepo: [...keptFromRepo].sort(), needs };
  for (const [rel, data] of wanted) {
    const current = readIfFile(path.join(target, rel));
    if (!current) report.added.push(rel);
    else if (!current.equals(data)) report.updated.push(rel);
    else report.unchanged++;
  }
  report.removed = listFiles(targetSpecs, "specification").filter((rel) => !wanted.has(rel));
  report.added.sort();
  report.updated.sort();
  report.removed.sort();
  if (opts.dryRun) return report;

  for (const rel of [...report.added, ...report.updated]) {
    const file = path.join(target, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, wanted.get(rel)!);
  }
  for (const rel of report.removed) fs.rmSync(path.join(target, rel));
  if (fs.existsSync(targetSpecs)) removeEmptyDirs(targetSpecs);
  return report;
}
