import { describe, expect, it } from "vitest";
import { assertSameTenant, authorize, AuthorizationError } from "./authorize";
import type { Principal } from "./principal";
import type { Role } from "./roles";

function principal(roles: Role[], tenantId = "22222222-2222-4222-8222-222222222222"): Principal {
  return {
    sessionId: "s",
    userId: "u",
    tenantId,
    tenantName: "Fabrikam",
    objectId: "o",
    name: "Felix Fischer",
    username: "felix@fabrikam.onmicrosoft.com",
    roles,
  };
}

function kindOf(fn: () => unknown): string {
  try {
    fn();
    return "allowed";
  } catch (err) {
    if (err instanceof AuthorizationError) return err.kind;
    throw err;
  }
}

describe("authorize", () => {
  it.each([
    { who: null, req: {}, expected: "unauthenticated" },
    { who: null, req: { role: "provider" as const }, expected: "unauthenticated" },
    { who: ["consumer"] as Role[], req: {}, expected: "allowed" },
    { who: ["consumer"] as Role[], req: { role: "consumer" as const }, expected: "allowed" },
    { who: ["consumer"] as Role[], req: { role: "provider" as const }, expected: "forbidden" },
    { who: ["consumer"] as Role[], req: { role: "admin" as const }, expected: "forbidden" },
    { who: ["consumer", "provider"] as Role[], req: { role: "provider" as const }, expected: "allowed" },
    { who: ["consumer", "provider"] as Role[], req: { role: "admin" as const }, expected: "forbidden" },
    { who: ["consumer", "admin"] as Role[], req: { role: "provider" as const }, expected: "forbidden" },
    { who: ["consumer", "admin"] as Role[], req: { anyRole: ["provider", "admin"] as Role[] }, expected: "allowed" },
    { who: ["consumer"] as Role[], req: { anyRole: ["provider", "admin"] as Role[] }, expected: "forbidden" },
  ])("$who with $req → $expected", ({ who, req, expected }) => {
    expect(kindOf(() => authorize(who ? principal(who) : null, req))).toBe(expected);
  });

  it("returns the principal when allowed and names the missing role when not", () => {
    const p = principal(["consumer", "provider"]);
    expect(authorize(p, { role: "provider" })).toBe(p);
    expect(() => authorize(principal(["consumer"]), { role: "admin" })).toThrow(/admin role/);
  });

  it("keeps each tenant to its own data", () => {
    const p = principal(["consumer"]);
    expect(kindOf(() => assertSameTenant(p, p.tenantId.toUpperCase()))).toBe("allowed");
    expect(kindOf(() => assertSameTenant(p, "33333333-3333-4333-8333-333333333333"))).toBe("forbidden");
  });
});
