import { AZURE_DEFAULTS, configSchema, ENV_NAMES, LOCAL_DEFAULTS, type AppConfig } from "./schema";
import { notifyCandidate, notifyProblems } from "./notify-env";
import { readClientCredential } from "./client-credential-env";
import { AZURE_CLOUDS, isAzureCloudName } from "./azure-clouds";
import { databaseUrlFromEnv } from "../db/database-url";

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      "Crosslink cannot start: invalid configuration.\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
        "\nSee the Configuration section of README.md.",
    );
    this.name = "ConfigError";
  }
}

export type EnvLike = Record<string, string | undefined>;

function pick(env: EnvLike, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === "" ? undefined : value;
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: EnvLike = process.env): AppConfig {
  const rawMode = pick(env, "CROSSLINK_MODE") ?? "local";
  const defaults: Partial<Record<string, string>> =
    rawMode === "azure" ? AZURE_DEFAULTS : rawMode === "local" ? LOCAL_DEFAULTS : {};
  const rawCloud = pick(env, "AZURE_CLOUD") ?? "AzurePublicCloud";
  const cloud = isAzureCloudName(rawCloud) ? AZURE_CLOUDS[rawCloud] : AZURE_CLOUDS.AzurePublicCloud;
  // Azure mode talks to the chosen cloud; local mode keeps the local world's hosts.
  const cloudDefaults: Partial<Record<string, string>> =
    rawMode === "azure" ? { ENTRA_AUTHORITY_HOST: cloud.authorityHost, ARM_ENDPOINT: cloud.armEndpoint } : {};
  const get = (name: string) => pick(env, name) ?? cloudDefaults[name] ?? defaults[name];
  const credential = readClientCredential((name) => pick(env, name));

  const candidate = {
    mode: rawMode,
    appBaseUrl: get("APP_BASE_URL"),
    // DATABASE_URL defaults to a file under the data directory in both modes.
    databaseUrl: pick(env, "DATABASE_URL") ?? databaseUrlFromEnv({ ...env }),
    entra: {
      authorityHost: get("ENTRA_AUTHORITY_HOST"),
      clientId: get("ENTRA_CLIENT_ID"),
      credential: credential.candidate,
      signInAudience: get("ENTRA_SIGN_IN_AUDIENCE"),
    },
    providerTenantId: get("PROVIDER_TENANT_ID"),
    armEndpoint: get("ARM_ENDPOINT"),
    cloud: rawCloud,
    // ARM tokens are for the cloud's Resource Manager, whichever endpoint (real or local) serves it.
    armAudience: pick(env, "ARM_TOKEN_AUDIENCE") ?? cloud.armEndpoint,
    sessionSecret: pick(env, "SESSION_SECRET"),
    sessionTtlHours: pick(env, "SESSION_TTL_HOURS") ?? "8",
    logLevel: pick(env, "LOG_LEVEL") ?? "info",
    notify: notifyCandidate(rawMode, (name) => pick(env, name), get),
  };

  const parsed = configSchema.safeParse(candidate);
  // Rules between settings are checked even when a value is malformed, so one start names them all.
  const crossProblems = [...credential.problems, ...notifyProblems(rawMode, (name) => pick(env, name))];
  if (parsed.success && crossProblems.length === 0) return parsed.data;

  // A certificate the reader refused has already been explained; its empty shape is not news.
  const issues = (parsed.success ? [] : parsed.error.issues).filter(
    (issue) => !(credential.problems.length > 0 && issue.path.join(".").startsWith("entra.credential")),
  );
  const problems = issues.map((issue) => {
    const key = issue.path.join(".");
    const variable = ENV_NAMES[key] ?? key;
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    return { variable, message: missing ? "is required but not set" : issue.message };
  });
  throw new ConfigError([...problems, ...crossProblems]);
}

let cached: AppConfig | undefined;

/** The process-wide configuration, validated on first use. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** Tests only: forget the cached configuration. */
export function resetConfigForTests(): void {
  cached = undefined;
}
