import { describe, expect, it } from "vitest";
import { networksSchema, requestStatusSchema, subscriptionsSchema } from "./consumer-api";

/** The consumer endpoints' answers as the unified contract spells them, and as today's routes still send them (with `ok: true`). */
const subnet = { id: "/s/subnets/a", name: "a", addressPrefixes: ["10.0.0.0/24"], endpointAllowed: false, reason: "Delegated." };
const network = { id: "/s/vnet", name: "vnet", location: "westeurope", resourceGroup: "rg", addressPrefixes: ["10.0.0.0/16"], subnets: [subnet] };

describe("consumer API schemas", () => {
  it.each([
    ["subscriptions", subscriptionsSchema, { subscriptions: [{ subscriptionId: "s", displayName: "Prod", state: "Disabled", usable: false, reason: "Disabled." }] }],
    ["networks", networksSchema, { networks: [network] }],
    [
      "a request's status",
      requestStatusSchema,
      { id: "r", state: "Creating", progress: "Creating the private endpoint", pendingAction: null, lastError: null, version: 2, updatedAt: "2025-11-22T06:08:12.000Z", settled: false },
    ],
  ] as const)("read %s, with or without the older ok: true", (_what, schema, body) => {
    expect(schema.parse(body)).toEqual(body);
    expect(schema.parse({ ok: true, ...body })).toEqual(body);
  });

  it("refuse a subnet without its verdict", () => {
    const { endpointAllowed: _dropped, ...withoutVerdict } = subnet;
    expect(networksSchema.safeParse({ networks: [{ ...network, subnets: [withoutVerdict] }] }).success).toBe(false);
  });
});
