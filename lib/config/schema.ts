import { z } from "zod";
import { AZURE_CLOUD_NAMES } from "./azure-clouds";

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

/**
 * The one tenant every personal Microsoft account (outlook.com, hotmail.com, live.com) shares.
 * Crosslink keys everything by tenant, so such accounts would all be "the same organization".
 */
export const PERSONAL_ACCOUNTS_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

/** The app's client credential (lib/config/client-credential-env.ts reads and checks the PEM). */
const clientCredentialSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("secret"), clientSecret: z.string().min(16, "must be the app registration's client secret (16+ characters)") }),
  z.object({
    kind: z.literal("certificate"),
    privateKeyPem: z.string().min(1),
    certificatePem: z.string().min(1),
    thumbprintSha256: z.string().regex(/^[0-9a-f]{64}$/),
    notAfter: z.string(),
  }),
  z.object({ kind: z.literal("federated"), tokenFile: z.string().min(1) }),
  z.object({ kind: z.literal("managed-identity"), userAssignedClientId: guid.nullable() }),
]);

export const LOCAL_DEFAULTS = {
  APP_BASE_URL: "http://localhost:3000",
  ENTRA_AUTHORITY_HOST: "https://localhost:7443",
  ENTRA_CLIENT_ID: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  ENTRA_SIGN_IN_AUDIENCE: "organizations",
  PROVIDER_TENANT_ID: "11111111-1111-4111-8111-111111111111",
  ARM_ENDPOINT: "https://localhost:8443",
  // The local world's mail catcher (dev/mail-catcher): every email lands there, none leaves.
  SMTP_HOST: "localhost",
  SMTP_PORT: "2525",
  SMTP_SECURITY: "none",
  MAIL_FROM: "Crosslink <crosslink@crosslink.localhost>",
  MAIL_CATCHER_URL: "http://localhost:2580",
  // The local world's webhook receivers listen on localhost.
  NOTIFY_ALLOW_LOOPBACK: "true",
} as const;

export const AZURE_DEFAULTS = {
  ENTRA_AUTHORITY_HOST: "https://login.microsoftonline.com",
  ENTRA_SIGN_IN_AUDIENCE: "organizations",
  ARM_ENDPOINT: "https://management.azure.com",
  SMTP_SECURITY: "starttls",
  NOTIFY_ALLOW_LOOPBACK: "false",
} as const;

/** The usual port of each SMTP security mode, when SMTP_PORT is not set (azure mode). */
export const SMTP_DEFAULT_PORTS = { none: 25, starttls: 587, tls: 465 } as const;

const NO_LINE_BREAKS = /^[^\r\n]*$/;

/**
 * A From header: `address` or `Display Name <address>` (the name may be quoted). No line breaks
 * anywhere, so the value can never smuggle another header into a message.
 */
const MAILBOX = /^(?:(?:"[^"\\]*"|[^"<>]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;
export const mailboxSchema = z
  .string()
  .regex(NO_LINE_BREAKS, "must be on one line")
  .refine((v) => {
    const match = MAILBOX.exec(v);
    const address = match?.[1] ?? match?.[2];
    return address !== undefined && z.email().safeParse(address).success;
  }, 'must be an email address, optionally with a display name: "Crosslink <crosslink@example.com>"');

/** A whole number from the environment, with one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

const booleanText = z.enum(["true", "false"], { error: 'must be "true" or "false"' }).transform((v) => v === "true");

const notifySchema = z.object({
  smtp: z.object({
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, "must be a host name or an IP address, like smtp.azurecomm.net"),
    port: wholeNumber(1, 65535, "must be a port number (1-65535)"),
    security: z.enum(["none", "starttls", "tls"], { error: 'must be "none", "starttls" or "tls"' }),
    user: z.string().max(512).regex(NO_LINE_BREAKS, "must be on one line").nullable(),
    // Fixed messages only: a value is never echoed, so the password cannot reach an error or a log.
    password: z.string({ error: "must be text" }).max(1024, "is too long (1024 characters at most)").regex(NO_LINE_BREAKS, "must be on one line").nullable(),
  }),
  from: mailboxSchema,
  allowLoopbackTargets: booleanText,
  /** How long a request may stay Pending before its provider is reminded (escalation at twice that). */
  reminderAfterHours: wholeNumber(1, 720, "must be a whole number of hours from 1 to 720"),
  /** The local mail catcher's HTTP API (local mode only), for the page that shows caught mail. */
  mailCatcherUrl: z
    .string()
    .url("must be a URL like http://localhost:2580")
    .refine((v) => /^https?:\/\//.test(v), "must use http:// or https://")
    .transform((v) => v.replace(/\/+$/, ""))
    .nullable(),
});

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
    credential: clientCredentialSchema,
    signInAudience: z
      .string()
      .refine(
        (v) => v.toLowerCase() !== "common" && v.toLowerCase() !== "consumers",
        `must not be "common" or "consumers": they admit personal Microsoft accounts, which all share one tenant (${PERSONAL_ACCOUNTS_TENANT_ID}); use "organizations" or a tenant ID`,
      )
      .refine((v) => v.toLowerCase() !== PERSONAL_ACCOUNTS_TENANT_ID, "must not be the personal Microsoft accounts tenant; use \"organizations\" or your organization's tenant ID")
      .refine((v) => ["common", "consumers", "organizations"].includes(v.toLowerCase()) || GUID.test(v), 'must be "organizations" or a tenant ID'),
  }),
  /** Which Azure cloud: sign-in host, ARM endpoint and audience, private DNS zones (azure-clouds.ts). */
  cloud: z.enum(AZURE_CLOUD_NAMES, { error: `must be one of ${AZURE_CLOUD_NAMES.join(", ")}` }),
  providerTenantId: guid,
  armEndpoint: httpsUrl,
  /** Audience of ARM tokens: the cloud's ARM address, the same for real and local ARM (only the endpoint differs). */
  armAudience: httpsUrl,
  sessionSecret: z.string().min(32, "must be at least 32 random characters"),
  sessionTtlHours: z.coerce.number().int().min(1).max(24 * 14),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  /** Email and the other notification channels (lib/notify). */
  notify: notifySchema,
});

export type AppConfig = z.infer<typeof configSchema>;

/** Where each config field comes from, so errors can name the variable to fix. */
export const ENV_NAMES: Record<string, string> = {
  mode: "CROSSLINK_MODE",
  appBaseUrl: "APP_BASE_URL",
  databaseUrl: "DATABASE_URL",
  "entra.authorityHost": "ENTRA_AUTHORITY_HOST",
  "entra.clientId": "ENTRA_CLIENT_ID",
  "entra.credential.clientSecret": "ENTRA_CLIENT_SECRET",
  "entra.credential": "ENTRA_CLIENT_CREDENTIAL",
  "entra.credential.tokenFile": "AZURE_FEDERATED_TOKEN_FILE",
  "entra.credential.userAssignedClientId": "ENTRA_MANAGED_IDENTITY_CLIENT_ID",
  cloud: "AZURE_CLOUD",
  "entra.signInAudience": "ENTRA_SIGN_IN_AUDIENCE",
  providerTenantId: "PROVIDER_TENANT_ID",
  armEndpoint: "ARM_ENDPOINT",
  armAudience: "ARM_TOKEN_AUDIENCE",
  sessionSecret: "SESSION_SECRET",
  sessionTtlHours: "SESSION_TTL_HOURS",
  logLevel: "LOG_LEVEL",
  "notify.smtp.host": "SMTP_HOST",
  "notify.smtp.port": "SMTP_PORT",
  "notify.smtp.security": "SMTP_SECURITY",
  "notify.smtp.user": "SMTP_USER",
  "notify.smtp.password": "SMTP_PASSWORD",
  "notify.from": "MAIL_FROM",
  "notify.allowLoopbackTargets": "NOTIFY_ALLOW_LOOPBACK",
  "notify.reminderAfterHours": "REMINDER_AFTER_HOURS",
  "notify.mailCatcherUrl": "MAIL_CATCHER_URL",
};
