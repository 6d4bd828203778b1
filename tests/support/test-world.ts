/**
 * Tests only: the real local Entra ID and local ARM on free ports, the app's configuration
 * pointing at them, and lib/azure's operations built for demo users and for Crosslink's own
 * identity exactly as the app builds them (tokenCredentialFrom / providerAppCredential).
 * Long-running operations are short and polled every few milliseconds; throttling is off unless a
 * test turns it on.
 */
import { startLocalArm, type LocalArm } from "@/dev/arm/server";
import { startLocalEntraForTests, userToken, type TestEntra } from "@/dev/entra/test-support";
import { ARM_RESOURCE } from "@/dev/world/demo-tenants";
import { CONTOSO_RESOURCES, FABRIKAM_RESOURCES } from "@/dev/world/demo-resources";
import { loadConfig, type AppConfig } from "@/lib/config";
import { createConsumerAzure, type ConsumerAzure, type CreatePrivateEndpointInput } from "@/lib/azure/consumer-azure";
import { providerAppCredential, tokenCredentialFrom } from "@/lib/azure/credentials";
import type { AzureClientOptions } from "@/lib/azure/options";
import { createProviderAzure, type ProviderAzure } from "@/lib/azure/provider-azure";

export const FAST: AzureClientOptions = { lroPollIntervalMs: 5, retryDelayMs: 5, maxRetryDelayMs: 20 };

export const FABRIKAM_MESSAGE = "Fabrikam orders integration, ticket FAB-42";

/** Felix's usual request: a private endpoint in Fabrikam's endpoint subnet to contoso-orders' app. */
export function fabrikamEndpointRequest(name: string, overrides: Partial<CreatePrivateEndpointInput> = {}): CreatePrivateEndpointInput {
  const F = FABRIKAM_RESOURCES;
  return {
    subscriptionId: F.subscriptionId,
    resourceGroup: F.resourceGroup,
    name,
    location: F.location,
    subnetId: F.vnet.subnets.endpoints.id,
    targetResourceId: CONTOSO_RESOURCES.sites.orders.id,
    groupIds: ["sites"],
    requestMessage: FABRIKAM_MESSAGE,
    ...overrides,
  };
}

export type TestWorld = {
  entra: TestEntra;
  arm: LocalArm;
  config: AppConfig;
  configFor(overrides: Record<string, string>): AppConfig;
  consumer(username: string, options?: AzureClientOptions): ConsumerAzure;
  provider(options?: AzureClientOptions, config?: AppConfig): ProviderAzure;
  /** The local ARM's admin API (`/_local/...`). */
  admin(method: "GET" | "PUT" | "POST", path: string, body?: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Seeded world, no faults, fast operations, no throttling. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export async function startTestWorld(): Promise<TestWorld> {
  const entra = await startLocalEntraForTests();
  const arm = await startLocalArm({
    port: 0,
    entraUrl: entra.url,
    lro: { minMs: 20, maxMs: 60, retryAfterSeconds: 0 },
    throttling: { enabled: false },
  });
  const configFor = (overrides: Record<string, string>) =>
    loadConfig({
      ENTRA_AUTHORITY_HOST: entra.url,
      ENTRA_CLIENT_SECRET: entra.clientSecret,
      ARM_ENDPOINT: arm.url,
      SESSION_SECRET: "lib-azure-test-session-secret-0123456789",
      APP_BASE_URL: "http://localhost:3999",
      DATABASE_URL: "file:/tmp/unused.db",
      ...overrides,
    });
  const config = configFor({});

  const admin: TestWorld["admin"] = async (method, path, body) => {
    const res = await fetch(`${arm.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : res.json();
  };

  return {
    entra,
    arm,
    config,
    configFor,
    consumer: (username, options = {}) =>
      createConsumerAzure(
        config,
        // What the app does with acquireDelegatedArmToken, with the password grant standing in
        // for the session's MSAL cache.
        tokenCredentialFrom(async () => {
          const t = await userToken(entra.url, username, ARM_RESOURCE.delegatedScope);
          return { token: t.accessToken, expiresOn: typeof t.claims.exp === "number" ? new Date(t.claims.exp * 1000) : null };
        }),
        { ...FAST, ...options },
      ),
    provider: (options = {}, cfg = config) => createProviderAzure(cfg, providerAppCredential(cfg), { ...FAST, ...options }),
    admin,
    async reset() {
      arm.world.reset();
      await admin("PUT", "/_local/faults", { reset: true, resetStats: true });
      await admin("PUT", "/_local/lro", { minMs: 20, maxMs: 60, retryAfterSeconds: 0 });
      await admin("PUT", "/_local/throttling", { enabled: false });
    },
    async close() {
      await arm.close();
      await entra.close();
    },
  };
}

/** The rejection of a promise that must fail (fails the test when it resolves). */
export async function failureOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected the call to fail, but it succeeded");
    },
    (err: unknown) => err,
  );
}

/** True when an IPv4 address lies inside a CIDR prefix. */
export function inPrefix(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/");
  const toInt = (a: string) => a.split(".").reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (toInt(ip) & mask) === (toInt(base!) & mask);
}
