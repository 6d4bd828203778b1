/**
 * api-versions the local ARM accepts, per API family. Each list holds the versions the installed
 * SDKs send, the versions of the spec copies in dev/arm/specs and their examples,
 * and a few neighbouring published versions. Anything else is refused the way ARM refuses it:
 * resource-provider types answer NoRegisteredProviderFound, ARM's own endpoints
 * (subscriptions, resource groups, providers) answer InvalidApiVersionParameter.
 */
import { Errors } from "../http/errors";
import { REGION_NAMES } from "../world/locations";

export type ApiFamily = "network" | "privatedns" | "web" | "resources" | "subscriptions";

export const API_VERSIONS: Record<ApiFamily, readonly string[]> = {
  // @azure/arm-network 36 sends 2025-05-01; the spec copy is 2025-03-01.
  network: ["2023-09-01", "2023-11-01", "2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01", "2025-01-01", "2025-03-01", "2025-05-01"],
  // @azure/arm-privatedns 3.2 sends 2020-06-01; the spec copy is 2024-06-01.
  privatedns: ["2018-09-01", "2020-01-01", "2020-06-01", "2024-06-01"],
  // @azure/arm-appservice 19 sends 2025-05-01; spec extract 2026-09-01; two examples are 2024-11-01;
  // the examples' operation URLs carry 2019-01-01.
  web: ["2019-01-01", "2022-09-01", "2023-01-01", "2023-12-01", "2024-04-01", "2024-11-01", "2025-05-01", "2026-09-01"],
  // @azure/arm-resources 7 sends 2025-04-01.
  resources: ["2021-04-01", "2022-09-01", "2024-03-01", "2024-11-01", "2025-04-01"],
  // @azure/arm-subscriptions 6 sends 2021-10-01 (subscriptions, tenants, locations).
  subscriptions: ["2016-06-01", "2020-01-01", "2021-01-01", "2021-10-01", "2022-12-01"],
};

const WELL_FORMED = /^\d{4}-\d{2}-\d{2}(-preview|-beta|-alpha|-privatepreview)?$/i;

/**
 * Throws the ARM error for a missing or unsupported api-version.
 * `type` and `location` only shape the NoRegisteredProviderFound message.
 */
export function checkApiVersion(family: ApiFamily, version: string | null, type: string, location = "global"): string {
  if (version === null || version === "") throw Errors.missingApiVersion();
  const supported = API_VERSIONS[family];
  if (supported.includes(version)) return version;
  if (!WELL_FORMED.test(version) || family === "resources" || family === "subscriptions") {
    throw Errors.invalidApiVersion(version, [...supported]);
  }
  throw Errors.noRegisteredProvider(version, type, location, [...supported].reverse(), REGION_NAMES);
}
