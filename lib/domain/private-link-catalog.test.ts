import { describe, expect, it } from "vitest";
import {
  DEFAULT_REQUEST_MESSAGE_LIMIT,
  PRIVATE_LINK_CATALOG,
  SUPPORTED_TARGET_TYPES,
  catalogEntryFor,
  catalogEntryForTarget,
  defaultGroupId,
  privateDnsRecordsFor,
  privateDnsZoneOf,
  privateLinkConnectionFor,
  requestMessageLimitFor,
  targetLabel,
  toDnsLabel,
  validateGroupId,
  validateRequestMessage,
  type GroupIdErrorCode,
  type RequestMessageErrorCode,
} from "./private-link-catalog";
import { parseTargetResourceId, type TargetResourceId } from "./resource-id";

const RG = "/subscriptions/aaaa1111-0000-4000-8000-000000000001/resourceGroups/rg-contoso-apps";
const SITE_ID = `${RG}/providers/Microsoft.Web/sites/contoso-orders`;
const SLOT_ID = `${SITE_ID}/slots/staging`;
const PLS_ID = `${RG}/providers/Microsoft.Network/privateLinkServices/contoso-pls`;

function target(id: string): TargetResourceId {
  const parsed = parseTargetResourceId(id);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const site = target(SITE_ID);
const slot = target(SLOT_ID);
const pls = target(PLS_ID);

describe("catalog entries", () => {
  it("has exactly the supported types marked supported", () => {
    expect(PRIVATE_LINK_CATALOG.filter((e) => e.supported).map((e) => e.resourceType)).toEqual([...SUPPORTED_TARGET_TYPES]);
  });

  it.each([
    ["Microsoft.Web/sites", true, 140, "privatelink.azurewebsites.net", ["sites", "sites-<slot>"]],
    ["Microsoft.Web/sites/slots", true, 140, "privatelink.azurewebsites.net", ["sites-<slot>"]],
    ["Microsoft.Network/privateLinkServices", true, 140, null, []],
    ["Microsoft.Storage/storageAccounts", false, 128, "privatelink.<service>.core.windows.net", expect.arrayContaining(["blob", "file", "queue", "table", "web", "dfs", "blob_secondary"])],
    ["Microsoft.Sql/servers", false, 128, "privatelink.database.windows.net", ["sqlServer"]],
    ["Microsoft.KeyVault/vaults", false, 128, "privatelink.vaultcore.azure.net", ["vault"]],
  ])("%s: supported=%s, limit %i, zone %s", (type, supported, limit, zone, groupIds) => {
    const entry = catalogEntryFor(type.toUpperCase());
    expect(entry).toBeDefined();
    expect(entry?.supported).toBe(supported);
    expect(entry?.requestMessageLimit).toBe(limit);
    expect(entry && privateDnsZoneOf(entry)).toBe(zone);
    expect(entry?.groupIds).toEqual(groupIds);
    expect(entry?.requestMessageLimitNote.length).toBeGreaterThan(20);
  });

  it("falls back to 128 for unknown types", () => {
    expect(catalogEntryFor("Microsoft.Compute/virtualMachines")).toBeUndefined();
    expect(requestMessageLimitFor("Microsoft.Compute/virtualMachines")).toBe(DEFAULT_REQUEST_MESSAGE_LIMIT);
    expect(DEFAULT_REQUEST_MESSAGE_LIMIT).toBe(128);
  });

  it("finds the entry of each parsed target", () => {
    expect([site, slot, pls].map((t) => catalogEntryForTarget(t).resourceType)).toEqual([...SUPPORTED_TARGET_TYPES]);
  });

  it.each([
    ["site", site, undefined, "Web app"],
    ["site", site, "app", "Web app"],
    ["site", site, "app,linux", "Web app"],
    ["site", site, "functionapp", "Function app"],
    ["site", site, "functionapp,linux,container", "Function app"],
    ["slot", slot, "functionapp", "Deployment slot"],
    ["pls", pls, undefined, "Private Link Service"],
  ] as const)("labels a %s of kind %s as %s", (_name, t, kind, label) => {
    expect(targetLabel(t, kind)).toBe(label);
  });
});

describe("group IDs", () => {
  it("defaults to sites, sites-<slot>, or none", () => {
    expect([defaultGroupId(site), defaultGroupId(slot), defaultGroupId(pls)]).toEqual(["sites", "sites-staging", null]);
  });

  const valid: [string, TargetResourceId, string | readonly string[] | null | undefined, string | null, string | null][] = [
    ["site, sites", site, "sites", "sites", null],
    ["site, SITES (normalised)", site, "SITES", "sites", null],
    ["site, a slot's group ID", site, "sites-staging", "sites-staging", "staging"],
    ["site, array of one", site, [" sites "], "sites", null],
    ["slot, its own group ID", slot, "sites-staging", "sites-staging", "staging"],
    ["slot, its own group ID in other case", slot, "Sites-STAGING", "sites-staging", "staging"],
    ["Private Link Service, absent", pls, undefined, null, null],
    ["Private Link Service, null", pls, null, null, null],
    ["Private Link Service, empty array", pls, [], null, null],
    ["Private Link Service, empty string", pls, "", null, null],
  ];
  it.each(valid)("accepts %s", (_name, t, given, groupId, slotName) => {
    expect(validateGroupId(t, given)).toEqual({ ok: true, groupId, slotName });
  });

  const invalid: [string, TargetResourceId, string | readonly string[] | undefined, GroupIdErrorCode, string][] = [
    ["site, none", site, undefined, "group_id_required", "“sites”"],
    ["slot, none", slot, [], "group_id_required", "“sites-staging”"],
    ["site, two", site, ["sites", "sites-staging"], "too_many_group_ids", "Only one group ID"],
    ["site, blob", site, "blob", "unknown_group_id", "“blob” isn't a group ID of App Service apps"],
    ["site, sites- with no slot", site, "sites-", "bad_slot_group_id", "slot name is empty"],
    ["site, slot name with a space", site, "sites-my slot", "bad_slot_group_id", "doesn't name a valid slot"],
    ["slot, sites", slot, "sites", "site_group_id_for_slot", "Use “sites-staging”"],
    ["slot staging, sites-other", slot, "sites-other", "other_slot_group_id", "reaches the slot other"],
    ["Private Link Service, any", pls, "sites", "group_id_not_used", "don't use group IDs"],
  ];
  it.each(invalid)("refuses %s", (_name, t, given, code, text) => {
    const result = validateGroupId(t, given);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toContain(text);
  });

  it("builds the manual connection: a slot goes through its site's ID", () => {
    expect(privateLinkConnectionFor(site)).toEqual({ privateLinkServiceId: SITE_ID, groupIds: ["sites"] });
    expect(privateLinkConnectionFor(site, "sites-staging")).toEqual({ privateLinkServiceId: SITE_ID, groupIds: ["sites-staging"] });
    expect(privateLinkConnectionFor(slot)).toEqual({ privateLinkServiceId: SITE_ID, groupIds: ["sites-staging"] });
    expect(privateLinkConnectionFor(pls)).toEqual({ privateLinkServiceId: PLS_ID, groupIds: [] });
  });
});

describe("DNS records from names", () => {
  it.each([
    ["site", site, undefined, ["contoso-orders", "contoso-orders.scm"]],
    ["site with a slot's group ID", site, "sites-staging", ["contoso-orders-staging", "contoso-orders-staging.scm"]],
    ["slot", slot, undefined, ["contoso-orders-staging", "contoso-orders-staging.scm"]],
    ["site spelt in capitals", target(`${RG}/providers/Microsoft.Web/sites/Contoso-Orders`), undefined, ["contoso-orders", "contoso-orders.scm"]],
  ] as const)("%s: records %j", (_name, t, groupId, names) => {
    expect(privateDnsRecordsFor(t, groupId)).toEqual({ zone: "privatelink.azurewebsites.net", host: names[0], recordNames: names });
  });

  it("has no zone for a Private Link Service", () => {
    expect(privateDnsRecordsFor(pls)).toBeNull();
  });

  it("turns Unicode app names into Punycode labels", () => {
    expect(toDnsLabel("Café-App")).toBe("xn--caf-app-dya");
    expect(toDnsLabel("plain-123")).toBe("plain-123");
  });
});

describe("request messages", () => {
  const web = "Microsoft.Web/sites";
  it.each([
    ["empty", "", web, "", 0],
    ["trimmed", "  Please approve: Fabrikam orders sync  ", web, "Please approve: Fabrikam orders sync", 36],
    ["CRLF becomes LF", "line one\r\nline two\rline three", web, "line one\nline two\nline three", 28],
    ["exactly 140", "a".repeat(140), web, "a".repeat(140), 140],
    ["exactly 140 for a Private Link Service", "b".repeat(140), "Microsoft.Network/privateLinkServices", "b".repeat(140), 140],
    ["exactly 128 for an unknown type", "c".repeat(128), "Microsoft.Foo/bars", "c".repeat(128), 128],
    ["bidi marks (not overrides) are fine", "שלום \u200Fok", web, "שלום \u200Fok", 8],
  ])("accepts %s", (_name, raw, type, message, length) => {
    const result = validateRequestMessage(raw, type);
    expect(result).toEqual({ ok: true, message, length, limit: requestMessageLimitFor(type) });
  });

  const tooLong: [string, string, string, RequestMessageErrorCode, string][] = [
    ["141 for a web app", "a".repeat(141), web, "message_too_long", "141 characters long; Azure accepts at most 140 for web apps and function apps. Shorten it by 1"],
    ["141 for a slot", "a".repeat(141), "Microsoft.Web/sites/slots", "message_too_long", "at most 140 for deployment slots"],
    ["141 for a Private Link Service", "a".repeat(141), "Microsoft.Network/privateLinkServices", "message_too_long", "at most 140 for Private Link Services"],
    ["129 for an unknown type", "a".repeat(129), "Microsoft.Foo/bars", "message_too_long", "at most 128 for this resource type"],
    ["emoji count as two (71 × 2 = 142)", "😀".repeat(71), web, "message_too_long", "142 characters long"],
    ["a tab", "a\tb", web, "message_control_characters", "a tab"],
    ["a NUL", "a\u0000b", web, "message_control_characters", "U+0000"],
    ["a C1 control", "a\u0085b", web, "message_control_characters", "U+0085"],
    ["a right-to-left override", "invoice\u202Efdp.exe", web, "message_bidi_controls", "text-direction"],
    ["a directional isolate", "a\u2066b\u2069", web, "message_bidi_controls", "text-direction"],
    ["a lone surrogate", "broken \uD83D", web, "message_invalid_text", "broken character"],
  ];
  it.each(tooLong)("refuses %s", (_name, raw, type, code, text) => {
    const result = validateRequestMessage(raw, type);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toContain(text);
  });
});
