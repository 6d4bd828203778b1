import { describe, expect, it } from "vitest";
import { rolesFromClaims } from "./roles";

const PROVIDER = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

describe("rolesFromClaims", () => {
  it.each([
    { name: "consumer in any tenant", claims: { tid: OTHER }, expected: ["consumer"] },
    { name: "provider tenant without app roles", claims: { tid: PROVIDER }, expected: ["consumer"] },
    { name: "provider role in provider tenant", claims: { tid: PROVIDER, roles: ["Crosslink.Provider"] }, expected: ["consumer", "provider"] },
    { name: "admin role in provider tenant", claims: { tid: PROVIDER, roles: ["Crosslink.Admin"] }, expected: ["consumer", "admin"] },
    {
      name: "both roles",
      claims: { tid: PROVIDER, roles: ["Crosslink.Admin", "Crosslink.Provider"] },
      expected: ["consumer", "provider", "admin"],
    },
    { name: "tenant id compared case-insensitively", claims: { tid: PROVIDER.toUpperCase(), roles: ["Crosslink.Provider"] }, expected: ["consumer", "provider"] },
    { name: "provider role claimed in another tenant grants nothing", claims: { tid: OTHER, roles: ["Crosslink.Provider", "Crosslink.Admin"] }, expected: ["consumer"] },
    { name: "unknown roles ignored", claims: { tid: PROVIDER, roles: ["Owner", "crosslink.provider"] }, expected: ["consumer"] },
    { name: "malformed roles claim ignored", claims: { tid: PROVIDER, roles: "Crosslink.Provider" }, expected: ["consumer"] },
    { name: "missing tid", claims: { roles: ["Crosslink.Provider"] }, expected: ["consumer"] },
  ])("$name", ({ claims, expected }) => {
    expect(rolesFromClaims(claims, PROVIDER)).toEqual(expected);
  });
});
