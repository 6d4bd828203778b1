import { z } from "zod";

/**
 * Every setting Crosslink reads from the environment, validated once at start.
 * `local` mode fills non-secret defaults that point at the local world (dev/); `azure` mode
 * requires each value explicitly, because a wrong guess there would talk to the wrong cloud.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const httpsUrl = z
  .string()
  .url("must be a URL like https://host[:port]")
  .refine((v) => v.startsWith("https://"), "must use https://")
  .transform((v) => v.replace(/\/+$/, ""));

const guid = z.string().regex(GUID, "must be a GUID like 00000000-0000-0000-0000-000000000000");

export const LOCAL_DEFAULTS = {
  APP_BASE_URL: "http://localhost:3000",
  ENTRA_AUTHORITY_HOST: "https://localhost:7443",
  ENTRA_CLIENT_ID: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  ENTRA_SIGN_IN_AUDIENCE: "organizations",
  PROVIDER_TENANT_ID: "11111111-1111-4111-8111-111111111111",
  ARM_ENDPOINT: "https://localhost:8443",
} as const;

export const AZURE_DEFAULTS = {
  ENTRA_AUTHORITY_HOST: "https://login.microsoftonline.com",
  ENTRA_SIGN_IN_AUDIENCE: "organizations",
  ARM_ENDPOINT: "https://management.azure.com",
} as const;

export const configSchema = z.object({
  mode: z.enum(["local", "azure"], { error: 'must be "local" or "azure"' }),
  appBaseUrl: z
    .string()
    .url("must be the URL people open, like https://crosslink.example.com")
    .transform((v) => v.replace(/\/+$/, "")),
  databaseUrl: z
    .string()
    .min(1)
    .refine((v) => v.startsWith("file:"), 'must be a SQLite URL like "file:./.data/crosslink.db"'),
  entra: z.object({
    authorityHost: httpsUrl,
    clientId: guid,
    clientSecret: z.string().min(16, "must be the app registration's client secret (16+ characters)"),
    signInAudience: z
      .string()
      .refine((v) => v === "common" || v === "organizations" || GUID.test(v), 'must be "common", "organizations" or a tenant ID'),
  }),
  providerTenantId: guid,
  armEndpoint: httpsUrl,
  /** Audience of ARM tokens; the same for real and local ARM (only the endpoint differs). */
  armAudience: httpsUrl,
  sessionSecret: z.string().min(32, "must be at least 32 random characters"),
  sessionTtlHours: z.coerce.number().int().min(1).max(24 * 14),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
});

export type AppConfig = z.infer<typeof configSchema>;

/** Where each config field comes from, so errors can name the variable to fix. */
export const ENV_NAMES: Record<string, string> = {
  mode: "CROSSLINK_MODE",
  appBaseUrl: "APP_BASE_URL",
  databaseUrl: "DATABASE_URL",
  "entra.authorityHost": "ENTRA_AUTHORITY_HOST",
  "entra.clientId": "ENTRA_CLIENT_ID",
  "entra.clientSecret": "ENTRA_CLIENT_SECRET",
  "entra.signInAudience": "ENTRA_SIGN_IN_AUDIENCE",
  providerTenantId: "PROVIDER_TENANT_ID",
  armEndpoint: "ARM_ENDPOINT",
  armAudience: "ARM_TOKEN_AUDIENCE",
  sessionSecret: "SESSION_SECRET",
  sessionTtlHours: "SESSION_TTL_HOURS",
  logLevel: "LOG_LEVEL",
};
