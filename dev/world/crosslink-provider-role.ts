/**
 * The custom role Crosslink's service principal holds in the provider tenant, read from the
 * repository's published role definition (deploy/azure/crosslink-provider-role.json, the file an
 * administrator hands to `az role definition create`). The local ARM assigns exactly this role,
 * so the published file and what the local world enforces cannot drift apart.
 */
import { z } from "zod";
import roleJson from "../../deploy/azure/crosslink-provider-role.json";

/** Azure's role-definition JSON shape as `az role definition create --role-definition` takes it. */
const RoleDefinitionFile = z.object({
  Name: z.string().min(1),
  IsCustom: z.literal(true),
  Description: z.string().min(1),
  Actions: z.array(z.string().min(1)).min(1),
  NotActions: z.array(z.string()),
  DataActions: z.array(z.string()),
  NotDataActions: z.array(z.string()),
  AssignableScopes: z.array(z.string().startsWith("/")).min(1),
});

export type RoleDefinitionFile = z.infer<typeof RoleDefinitionFile>;

export const CROSSLINK_PROVIDER_ROLE: RoleDefinitionFile = RoleDefinitionFile.parse(roleJson);

/** Where the file lives in the repository (for messages and docs). */
export const CROSSLINK_PROVIDER_ROLE_PATH = "deploy/azure/crosslink-provider-role.json";
