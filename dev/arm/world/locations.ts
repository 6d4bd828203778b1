/**
 * Azure regions the local ARM knows. ARM accepts a region's name ("westeurope") and its display
 * name ("West Europe") in request bodies and normalises to the name; Microsoft.Web answers with
 * the display name, Microsoft.Network with the name — both quirks are kept.
 */

export type Region = { name: string; displayName: string; regionalDisplayName: string; geography: string };

export const REGIONS: readonly Region[] = [
  { name: "westeurope", displayName: "West Europe", regionalDisplayName: "(Europe) West Europe", geography: "Europe" },
  { name: "northeurope", displayName: "North Europe", regionalDisplayName: "(Europe) North Europe", geography: "Europe" },
  { name: "swedencentral", displayName: "Sweden Central", regionalDisplayName: "(Europe) Sweden Central", geography: "Sweden" },
  { name: "uksouth", displayName: "UK South", regionalDisplayName: "(Europe) UK South", geography: "United Kingdom" },
  { name: "germanywestcentral", displayName: "Germany West Central", regionalDisplayName: "(Europe) Germany West Central", geography: "Germany" },
  { name: "eastus", displayName: "East US", regionalDisplayName: "(US) East US", geography: "United States" },
  { name: "eastus2", displayName: "East US 2", regionalDisplayName: "(US) East US 2", geography: "United States" },
  { name: "westus2", displayName: "West US 2", regionalDisplayName: "(US) West US 2", geography: "United States" },
  { name: "centralus", displayName: "Central US", regionalDisplayName: "(US) Central US", geography: "United States" },
  { name: "eastus2euap", displayName: "East US 2 EUAP", regionalDisplayName: "(US) East US 2 EUAP", geography: "United States" },
];

const byKey = new Map<string, Region>();
for (const r of REGIONS) {
  byKey.set(r.name, r);
  byKey.set(r.displayName.toLowerCase().replace(/\s+/g, ""), r);
}

/** "West Europe" / "westeurope" / "WestEurope" → "westeurope"; undefined when unknown. */
export function normalizeLocation(input: string): string | undefined {
  return byKey.get(input.toLowerCase().replace(/\s+/g, ""))?.name;
}

export function displayNameOf(location: string): string {
  return byKey.get(location)?.displayName ?? location;
}

export const REGION_NAMES = REGIONS.map((r) => r.name);
