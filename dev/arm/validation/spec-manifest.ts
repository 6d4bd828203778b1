/**
 * Which Azure REST spec files the local ARM needs, decided in one place. The catalog
 * (spec-catalog.ts) loads the spec files, the conformance suite replays the examples of the served
 * operations, and the refresh script (dev/arm/refresh-specs.ts) copies exactly this set into
 * dev/arm/specs/ — so the copy in the repository, the validators and the suite stay in step.
 *
 * Only the roots are listed by hand: the spec files of the operations served, the operations
 * themselves, and three examples the specs do not reference. Everything else follows from them:
 * every file a spec `$ref`s (transitively, outside `x-ms-examples`), and every example the served
 * operations list in `x-ms-examples`. Paths are relative to the `specification/` folder of
 * Azure/azure-rest-api-specs, whose layout the copy keeps so relative `$ref`s resolve as written.
 */
import path from "node:path";

/** The in-repository copy (the default catalog location; LOCAL_ARM_SPECS_DIR overrides it). */
export const SPECS_DIR_IN_REPO = path.resolve(__dirname, "..", "specs", "specification");

/** The spec files the local ARM serves operations from. */
export const SPEC_FILES = {
  privateEndpoint: "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/privateEndpoint.json",
  privateLinkService: "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/privateLinkService.json",
  networkInterface: "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/networkInterface.json",
  virtualNetwork: "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/virtualNetwork.json",
  network: "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/network.json",
  privateDns: "privatedns/resource-manager/Microsoft.Network/PrivateDns/stable/2024-06-01/privatedns.json",
  web: "web/resource-manager/Microsoft.Web/AppService/stable/2026-09-01/openapi.privateEndpointConnections-extract.json",
} as const;

/**
 * Files the specs reference that the copy does not have (no 2025-03-01 copy was available when
 * the specs were collected; see dev/arm/specs/README.md). The catalog gives the named definitions
 * permissive stand-ins; a refresh that finds them brings them in and the stand-ins step aside.
 */
export const MISSING_STANDINS: Record<string, string[]> = {
  "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/networkSecurityGroup.json": [
    "NetworkSecurityGroup",
    "SecurityRule",
    "SecurityRuleAccess",
    "SecurityRuleDirection",
  ],
  "network/resource-manager/Microsoft.Network/Network/stable/2025-03-01/virtualNetworkTap.json": ["VirtualNetworkTap"],
};

/** Operations the local ARM serves, by spec operationId (the conformance suite exercises each). */
export const SERVED_OPERATIONS = [
  "PrivateEndpoints_CreateOrUpdate",
  "PrivateEndpoints_Get",
  "PrivateEndpoints_Delete",
  "PrivateEndpoints_List",
  "PrivateEndpoints_ListBySubscription",
  "NetworkInterfaces_Get",
  "NetworkInterfaces_List",
  "NetworkInterfaces_ListAll",
  "NetworkInterfaceIPConfigurations_List",
  "NetworkInterfaceIPConfigurations_Get",
  "VirtualNetworks_Get",
  "VirtualNetworks_List",
  "VirtualNetworks_ListAll",
  "Subnets_Get",
  "Subnets_List",
  "PrivateLinkServices_Get",
  "PrivateLinkServices_List",
  "PrivateLinkServices_ListBySubscription",
  "PrivateLinkServices_GetPrivateEndpointConnection",
  "PrivateLinkServices_UpdatePrivateEndpointConnection",
  "PrivateLinkServices_DeletePrivateEndpointConnection",
  "PrivateLinkServices_ListPrivateEndpointConnections",
  "WebApps_GetPrivateEndpointConnectionList",
  "WebApps_GetPrivateEndpointConnection",
  "WebApps_ApproveOrRejectPrivateEndpointConnection",
  "WebApps_DeletePrivateEndpointConnection",
  "WebApps_GetPrivateLinkResources",
  "WebApps_GetPrivateEndpointConnectionListSlot",
  "WebApps_GetPrivateEndpointConnectionSlot",
  "WebApps_ApproveOrRejectPrivateEndpointConnectionSlot",
  "WebApps_DeletePrivateEndpointConnectionSlot",
  "WebApps_GetPrivateLinkResourcesSlot",
  "PrivateZones_List",
  "PrivateZones_ListByResourceGroup",
  "PrivateZones_CreateOrUpdate",
  "PrivateZones_Get",
  "PrivateZones_Update",
  "PrivateZones_Delete",
  "RecordSets_ListByType",
  "RecordSets_CreateOrUpdate",
  "RecordSets_Get",
  "RecordSets_Update",
  "RecordSets_Delete",
  "RecordSets_List",
  "VirtualNetworkLinks_List",
  "VirtualNetworkLinks_CreateOrUpdate",
  "VirtualNetworkLinks_Get",
  "VirtualNetworkLinks_Update",
  "VirtualNetworkLinks_Delete",
] as const;

/**
 * Web examples the extract does not reference: two whose 2026-09-01 copies were not available (the
 * 2024-11-01 ones were saved instead), and the list example upstream files under StaticSites.
 */
export const EXTRA_EXAMPLES: Record<string, string> = {
  WebApps_GetPrivateEndpointConnectionList: "web/resource-manager/Microsoft.Web/AppService/stable/2026-09-01/examples/GetSitePrivateEndpointConnectionList.json",
  WebApps_GetPrivateEndpointConnection: "web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/examples/GetSitePrivateEndpointConnection.json",
  WebApps_DeletePrivateEndpointConnection: "web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/examples/DeleteSitePrivateEndpointConnection.json",
};

/** Reads one file by its path under `specification/`; undefined when it is not there. */
export type SpecReader = (rel: string) => Buffer | undefined;

export type SpecNeeds = {
  /** Spec files: the roots and everything they `$ref`, sorted. */
  schemas: string[];
  /** Example files the conformance suite reads that exist, sorted. */
  examples: string[];
  /** Referenced spec files that are not there, with the first file referencing each. */
  absentSchemas: { file: string; referencedBy: string }[];
  /** Examples of served operations that are not there (the suite replays the others). */
  absentExamples: string[];
  /** Served operations no spec file defines. */
  unknownOperations: string[];
};

type Json = Record<string, unknown>;

function parse(rel: string, data: Buffer): Json {
  try {
    return JSON.parse(data.toString("utf8")) as Json;
  } catch (e) {
    throw new Error(`${rel} does not parse as JSON: ${(e as Error).message}`);
  }
}

/** The file part of a relative `$ref` made a path under `specification/`; undefined for local or absolute refs. */
function refTarget(from: string, ref: string): string | undefined {
  const file = ref.split("#")[0]!;
  if (file === "" || /^[a-z][a-z0-9+.-]*:/i.test(file)) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(file)));
  if (target.startsWith("../")) throw new Error(`${from} refers outside specification/: ${ref}`);
  return target;
}

/** Every `$ref` string in a document except those under `x-ms-examples` (those name examples, not schemas). */
function schemaRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) schemaRefs(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else if (k !== "x-ms-examples") schemaRefs(v, out);
    }
  }
  return out;
}

/** Works out the needed files from the roots above, reading each spec file through `read`. */
export function specNeeds(read: SpecReader): SpecNeeds {
  const docs = new Map<string, Json>();
  const absent = new Map<string, string>();
  const queue: { file: string; from: string }[] = Object.values(SPEC_FILES).map((file) => ({ file, from: "SPEC_FILES" }));
  while (queue.length > 0) {
    const { file, from } = queue.shift()!;
    if (docs.has(file) || absent.has(file)) continue;
    const data = read(file);
    if (!data) {
      absent.set(file, from);
      continue;
    }
    const doc = parse(file, data);
    docs.set(file, doc);
    for (const ref of schemaRefs(doc)) {
      const target = refTarget(file, ref);
      if (target) queue.push({ file: target, from: file });
    }
  }

  const served = new Set<string>(SERVED_OPERATIONS);
  const found = new Set<string>();
  const wanted = new Set<string>();
  for (const [file, doc] of docs) {
    for (const item of Object.values((doc.paths as Record<string, Json> | undefined) ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters" || !op || typeof op !== "object") continue;
        const id = (op as Json).operationId as string | undefined;
        if (!id || !served.has(id)) continue;
        found.add(id);
        for (const ex of Object.values(((op as Json)["x-ms-examples"] as Record<string, Json> | undefined) ?? {})) {
          const target = typeof ex?.$ref === "string" ? refTarget(file, ex.$ref) : undefined;
          if (target) wanted.add(target);
        }
      }
    }
  }
  for (const [id, file] of Object.entries(EXTRA_EXAMPLES)) if (served.has(id)) wanted.add(file);

  const examples: string[] = [];
  const absentExamples: string[] = [];
  for (const file of wanted) {
    const data = read(file);
    if (data) parse(file, data);
    (data ? examples : absentExamples).push(file);
  }
  return {
    schemas: [...docs.keys()].sort(),
    examples: examples.sort(),
    absentSchemas: [...absent].map(([file, referencedBy]) => ({ file, referencedBy })).sort((a, b) => a.file.localeCompare(b.file)),
    absentExamples: absentExamples.sort(),
    unknownOperations: SERVED_OPERATIONS.filter((id) => !found.has(id)),
  };
}

/** The needs' problems that make a copy unusable: unknown operations, absent files without a stand-in. */
export function specProblems(needs: SpecNeeds): string[] {
  return [
    ...needs.unknownOperations.map((id) => `no spec file defines the served operation ${id}`),
    ...needs.absentSchemas
      .filter((a) => !(a.file in MISSING_STANDINS))
      .map((a) => `${a.file} (referenced by ${a.referencedBy}) is missing and has no stand-in`),
  ];
}
