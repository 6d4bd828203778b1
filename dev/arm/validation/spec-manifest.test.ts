/**
 * The spec copy in dev/arm/specs holds exactly what spec-manifest.ts says the local ARM needs
 * (so the validators and the conformance suite find everything, and nothing unused is carried),
 * and the refresh script copies, updates, removes and keeps files as it reports.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MISSING_STANDINS, SPEC_FILES, SPECS_DIR_IN_REPO, specNeeds, specProblems } from "./spec-manifest";
import { refreshSpecs } from "./spec-refresh";

const SPECS_FOLDER = path.dirname(SPECS_DIR_IN_REPO);
const REFRESH = "npm run arm:specs:refresh -- <path-to-azure-rest-api-specs>";

function filesUnder(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
  });
}

const readFrom = (dir: string) => (rel: string) => (fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel)) : undefined);

describe("the spec copy in the repository", () => {
  const needs = specNeeds(readFrom(SPECS_DIR_IN_REPO));

  it("holds every needed file and nothing else", () => {
    const have = filesUnder(SPECS_DIR_IN_REPO).sort();
    const want = [...needs.schemas, ...needs.examples].sort();
    expect(have, `dev/arm/specs is out of step with validation/spec-manifest.ts; run ${REFRESH}`).toEqual(want);
    expect(specProblems(needs)).toEqual([]);
  });

  it("lacks only the files the catalog has stand-ins for", () => {
    expect(needs.absentSchemas.map((a) => a.file).sort()).toEqual(Object.keys(MISSING_STANDINS).sort());
  });

  it("carries the upstream licence notice and its provenance", () => {
    expect(fs.readFileSync(path.join(SPECS_FOLDER, "LICENSE"), "utf8")).toMatch(/MIT License[\s\S]*Copyright \(c\) .*Microsoft/);
    expect(fs.readFileSync(path.join(SPECS_FOLDER, "README.md"), "utf8")).toContain("https://github.com/Azure/azure-rest-api-specs");
  });
});

describe("refreshing the copy", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A source checkout and a target folder, both starting as copies of the repository's folder. */
  function fixture(): { source: string; target: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "spec-refresh-"));
    temps.push(root);
    const source = path.join(root, "azure-rest-api-specs");
    const target = path.join(root, "specs");
    fs.cpSync(SPECS_FOLDER, source, { recursive: true });
    fs.cpSync(SPECS_FOLDER, target, { recursive: true });
    return { source, target };
  }

  const example = "privatedns/resource-manager/Microsoft.Network/PrivateDns/stable/2024-06-01/examples/RecordSetAPut.json";
  const extract = SPEC_FILES.web;

  it("updates changed files, removes unneeded ones, keeps needed ones the source lacks, and says so", () => {
    const { source, target } = fixture();
    fs.appendFileSync(path.join(source, "specification", example), "\n");
    fs.rmSync(path.join(source, "specification", extract));
    fs.writeFileSync(path.join(target, "specification", "stale.json"), "{}");
    fs.mkdirSync(path.join(source, "specification", "unrelated"));
    fs.writeFileSync(path.join(source, "specification", "unrelated", "other.json"), "{}");

    const dry = refreshSpecs(source, target, { dryRun: true });
    expect(fs.existsSync(path.join(target, "specification", "stale.json"))).toBe(true);

    const report = refreshSpecs(source, target);
    expect(report).toEqual(dry);
    expect(report.added).toEqual([]);
    expect(report.updated).toEqual([`specification/${example}`]);
    expect(report.removed).toEqual(["specification/stale.json"]);
    expect(report.keptFromRepo).toEqual([extract]);
    expect(report.unchanged).toBe(filesUnder(SPECS_FOLDER).length - 2); // all but README.md and the updated example
    expect(fs.readFileSync(path.join(target, "specification", example), "utf8")).toBe(fs.readFileSync(path.join(source, "specification", example), "utf8"));
    expect(fs.existsSync(path.join(target, "specification", extract))).toBe(true);
    expect(fs.existsSync(path.join(target, "specification", "unrelated"))).toBe(false);
    expect(refreshSpecs(source, target)).toMatchObject({ added: [], updated: [], removed: [] });
  });

  it("adds needed files the copy lacks", () => {
    const { source, target } = fixture();
    fs.rmSync(path.join(target, "specification", example));
    fs.rmSync(path.join(target, "specification", "common-types"), { recursive: true });
    const report = refreshSpecs(source, target);
    expect(report.added).toEqual([
      "specification/common-types/resource-management/v3/types.json",
      "specification/common-types/resource-management/v5/types.json",
      `specification/${example}`,
    ]);
  });

  it("writes nothing when the source cannot give a usable copy", () => {
    const { source, target } = fixture();
    fs.writeFileSync(path.join(source, "specification", SPEC_FILES.privateDns), "{ not json");
    fs.rmSync(path.join(target, "specification", example));
    expect(() => refreshSpecs(source, target)).toThrow(/privatedns\.json does not parse as JSON/);
    expect(fs.existsSync(path.join(target, "specification", example))).toBe(false);

    fs.rmSync(path.join(source, "specification", "common-types"), { recursive: true });
    fs.rmSync(path.join(target, "specification", "common-types"), { recursive: true });
    fs.cpSync(path.join(SPECS_DIR_IN_REPO, SPEC_FILES.privateDns), path.join(source, "specification", SPEC_FILES.privateDns));
    expect(() => refreshSpecs(source, target)).toThrow(/common-types\/resource-management\/v3\/types\.json .* is missing and has no stand-in/);
  });

  it("refuses a folder that is not a checkout", () => {
    const { target } = fixture();
    expect(() => refreshSpecs(path.join(target, "specification"), target)).toThrow(/has no specification\/ folder/);
  });
});
