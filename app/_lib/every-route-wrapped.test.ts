import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The one edge: every route handler in app/ is made by the route() wrapper, so each checks who is
 * asking and answers errors in the one JSON shape. A handler written by hand fails here.
 */
const APP = path.resolve(__dirname, "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    // Folders starting with "_" are private in the App Router (not routes), like this one.
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
  });
}

describe("route handlers", () => {
  const files = routeFiles(APP);

  it("exist (the scan finds them)", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it("are all made by the route() wrapper", () => {
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const rel = path.relative(APP, file);
      const exported = METHODS.filter((m) => new RegExp(`export\\s+(async\\s+function|const|function|\\{[^}]*)\\s*${m}\\b`).test(source));
      expect(exported.length, `${rel} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of exported) {
        expect(source, `${rel}: ${method} must be \`export const ${method} = route(…)\``).toMatch(new RegExp(`export\\s+const\\s+${method}\\s*=\\s*route\\(`));
      }
      expect(source, `${rel} imports the wrapper`).toMatch(/from "@\/app\/_lib\/route"/);
    }
  });
});
