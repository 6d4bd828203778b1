import { describe, expect, it } from "vitest";
import { MAX_ENDPOINT_NAME_LENGTH, suggestEndpointName, validateEndpointName, type EndpointNameErrorCode } from "./endpoint-name";
import { parseTargetResourceId, type TargetResourceId } from "./resource-id";

const RG = "/subscriptions/aaaa1111-0000-4000-8000-000000000001/resourceGroups/rg-contoso-apps";

function target(path: string): TargetResourceId {
  const parsed = parseTargetResourceId(`${RG}/providers/${path}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const site = target("Microsoft.Web/sites/contoso-orders");
const slot = target("Microsoft.Web/sites/contoso-orders/slots/staging");
const pls = target("Microsoft.Network/privateLinkServices/contoso-pls");

describe("validateEndpointName", () => {
  it.each([
    ["pe-contoso-orders", "pe-contoso-orders"],
    ["ab", "ab"],
    ["a".repeat(64), "a".repeat(64)],
    ["PE_1.x_", "PE_1.x_"],
    ["Pe.Name-1", "Pe.Name-1"],
    ["  pe-x  ", "pe-x"],
  ])("accepts %j", (raw, name) => {
    expect(validateEndpointName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ["", "empty", "empty"],
    ["a", "too_short", "1 character long"],
    ["a".repeat(65), "too_long", "65 characters long"],
    ["pe contoso", "invalid_characters", "a space"],
    ["pé-x", "invalid_characters", "“é”"],
    ["pe/x", "invalid_characters", "“/”"],
    ["-pe", "bad_start", "starts with “-”"],
    ["_pe", "bad_start", "starts with “_”"],
    ["pe-", "bad_end", "ends with “-”"],
    ["pe.", "bad_end", "ends with “.”"],
  ] as [string, EndpointNameErrorCode, string][])("refuses %j: %s", (raw, code, text) => {
    const result = validateEndpointName(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toContain(text);
    expect(result.message).toContain("2–64 characters");
  });

  it("refuses a name already used in the resource group, case-insensitively", () => {
    const result = validateEndpointName("PE-Orders", ["pe-orders"]);
    expect(result).toEqual({ ok: false, code: "name_taken", message: "A private endpoint named “PE-Orders” already exists in this resource group. Choose another name." });
  });
});

describe("suggestEndpointName", () => {
  it.each([
    ["site with context", site, { context: "fabrikam" }, "pe-contoso-orders-fabrikam"],
    ["site without context", site, {}, "pe-contoso-orders"],
    ["site with a slot's group ID", site, { context: "fabrikam", groupId: "sites-staging" }, "pe-contoso-orders-staging-fabrikam"],
    ["slot", slot, { context: "fabrikam" }, "pe-contoso-orders-staging-fabrikam"],
    ["Private Link Service", pls, { context: "rg-fabrikam-network" }, "pe-contoso-pls-rg-fabrikam-network"],
    ["context with spaces, capitals, punctuation", site, { context: "Fabrikam Ltd." }, "pe-contoso-orders-fabrikam-ltd"],
    ["capitals in the app name", target("Microsoft.Web/sites/Contoso-Orders"), {}, "pe-contoso-orders"],
    ["accents folded", target("Microsoft.Web/sites/café-app"), {}, "pe-cafe-app"],
    ["a name with no Latin letters", target("Microsoft.Web/sites/東京"), { context: "fabrikam" }, "pe-x-fabrikam"],
    ["taken once", site, { context: "fabrikam", existingNames: ["PE-CONTOSO-ORDERS-FABRIKAM"] }, "pe-contoso-orders-fabrikam-2"],
    ["taken twice", site, { context: "fabrikam", existingNames: ["pe-contoso-orders-fabrikam", "pe-contoso-orders-fabrikam-2"] }, "pe-contoso-orders-fabrikam-3"],
  ] as const)("%s → %s", (_name, t, hints, expected) => {
    expect(suggestEndpointName(t, hints)).toBe(expected);
  });

  it("shortens the app's name first and keeps slot and context", () => {
    const long = target(`Microsoft.Web/sites/${"a".repeat(60)}/slots/${"s".repeat(59)}`);
    const name = suggestEndpointName(long, { context: "fabrikam-consumer-tenant-long" });
    expect(name).toHaveLength(MAX_ENDPOINT_NAME_LENGTH);
    expect(name).toBe(`pe-${"a".repeat(19)}-${"s".repeat(20)}-fabrikam-consumer-te`);
    expect(validateEndpointName(name).ok).toBe(true);
  });

  it("stays within the limit with a numeric suffix", () => {
    const long = target(`Microsoft.Web/sites/${"b".repeat(60)}`);
    const first = suggestEndpointName(long, { context: "ctx" });
    const second = suggestEndpointName(long, { context: "ctx", existingNames: [first] });
    expect(first).toHaveLength(64);
    expect(second).toHaveLength(64);
    expect(second.endsWith("-ctx-2")).toBe(true);
    expect(validateEndpointName(second, [first]).ok).toBe(true);
  });

  it("always suggests a valid, free name (generated inputs)", () => {
    // Deterministic pseudo-random strings over awkward characters.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ["a", "Z", "9", "-", "_", ".", " ", "é", "東", "😀", "--", "..", "\u0301"];
    const word = (max: number) => Array.from({ length: rand(max) }, () => alphabet[rand(alphabet.length)]).join("");
    for (let i = 0; i < 500; i++) {
      const siteName = word(70);
      const t = { ...site, siteName, name: siteName } as TargetResourceId;
      const taken = Array.from({ length: rand(3) }, () => suggestEndpointName(t, { context: word(30) }));
      const name = suggestEndpointName(t, { context: word(30), groupId: rand(2) ? `sites-${word(10)}` : null, existingNames: taken });
      const check = validateEndpointName(name, taken);
      expect(check.ok, `${JSON.stringify(siteName)} → ${name}`).toBe(true);
    }
  });
});
