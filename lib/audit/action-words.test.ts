import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_WORDS, auditActionWords } from "./action-words";

const LIB = path.resolve(__dirname, "..");

/** The literal action codes lib/ writes to the audit trail (`action: "…"`, `auditAction: "…"`). */
function literalCodesInLib(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        // Every "area.code" literal on a line that sets an action (a ternary gives two).
        const lines = fs.readFileSync(full, "utf8").split("\n").filter((line) => /\b(?:action|auditAction)\s*:/.test(line));
        for (const line of lines) for (const m of line.matchAll(/"([a-z]+\.[a-z_]+)"/g)) codes.add(m[1]!);
      }
    }
  };
  walk(LIB);
  return [...codes].sort();
}

describe("audit actions in words", () => {
  it("cover every literal code lib/ writes", () => {
    const codes = literalCodesInLib();
    // The scan itself works: it finds the codes we know are there.
    expect(codes).toEqual(expect.arrayContaining(["auth.sign_in", "auth.sign_out", "request.filed", "resource.registered", "resource.unregistered"]));
    for (const code of codes) expect(Object.keys(AUDIT_ACTION_WORDS), code).toContain(code);
  });

  it("cover the codes built from a decision or a pending action", () => {
    // apply-decision.ts writes request.<past>; pending-action.ts request.<action>_requested / _failed.
    for (const past of ["approved", "rejected", "disconnected"]) expect(Object.keys(AUDIT_ACTION_WORDS)).toContain(`request.${past}`);
    for (const action of ["approve", "reject", "disconnect", "withdraw"]) {
      expect(Object.keys(AUDIT_ACTION_WORDS)).toContain(`request.${action}_requested`);
      expect(Object.keys(AUDIT_ACTION_WORDS)).toContain(`request.${action}_failed`);
    }
  });

  it("say the codes in words", () => {
    expect(auditActionWords("request.approve_requested")).toBe("Approval recorded, to be applied in Azure");
    expect(auditActionWords("request.reject_failed")).toBe("Rejection failed in Azure");
    expect(auditActionWords("request.withdraw_requested")).toBe("Withdrawal recorded, to be applied in Azure");
    expect(auditActionWords("request.rejected")).toBe("Rejected in Azure");
    expect(auditActionWords("auth.sign_in")).toBe("Signed in");
    expect(auditActionWords("resource.unregistered")).toBe("Unregistered a resource");
    for (const words of Object.values(AUDIT_ACTION_WORDS)) expect(words).not.toMatch(/[_.]/);
  });

  it("fall back to a readable form of an unknown code", () => {
    expect(auditActionWords("request.observed_deleted")).toBe("Request: observed deleted");
    expect(auditActionWords("tenant.route.added")).toBe("Tenant: route added");
    expect(auditActionWords("housekeeping")).toBe("Housekeeping");
    expect(auditActionWords("toString")).toBe("ToString");
    expect(auditActionWords("")).toBe("");
  });
});
