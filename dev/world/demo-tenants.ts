/**
 * The demo world shared by the local Entra ID, the local ARM and the app's seed.
 * Fixed IDs so that bookmarks, tests and the seed agree across restarts.
 * Nothing here is a secret: passwords are demo passwords for a local-only identity provider,
 * and the app's client secret is generated per machine (see dev/world/local-secrets.ts).
 */

export const CROSSLINK_APP = {
  /** Application (client) ID of the multi-tenant Crosslink app registration. */
  clientId: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  displayName: "Crosslink",
  /** App ID URI of Crosslink's own API (for on-behalf-of and the REST API later). */
  appIdUri: "api://7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  /** Delegated scope of Crosslink's own API (tokens for it have aud = clientId; used for on-behalf-of). */
  apiScope: "api://7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001/access_as_user",
  /**
   * Redirect URIs registered on the app (web platform). Like Entra, the local Entra ID ignores the
   * port of http://localhost and http://127.0.0.1 URIs, so another app port needs no change here.
   */
  redirectUris: ["http://localhost:3000/auth/callback", "http://localhost:3000/onboard/done"],
  /** Where the local Entra ID may send the browser after sign-out (loopback URIs are also accepted). */
  postLogoutRedirectUris: ["http://localhost:3000/signed-out"],
  /** App roles defined on the registration; assigned to users in the provider tenant. */
  roles: { provider: "Crosslink.Provider", admin: "Crosslink.Admin" },
} as const;

/** Azure Service Management (ARM) resource as Entra knows it. */
export const ARM_RESOURCE = {
  appId: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
  audience: "https://management.azure.com",
  delegatedScope: "https://management.azure.com/user_impersonation",
  appOnlyScope: "https://management.azure.com/.default",
} as const;

export type DemoUser = {
  oid: string;
  name: string;
  username: string; // preferred_username / UPN
  email: string;
  password: string; // demo only
  appRoles: string[]; // Crosslink app roles assigned in the user's home tenant
  description: string;
  /** Holds a directory role that may grant tenant-wide (admin) consent, e.g. Global Administrator. */
  globalAdmin?: boolean;
  /** Already accepted Crosslink's consent screen for Azure access (matters in `user-consent` tenants). */
  armConsented?: boolean;
};

/**
 * Whether Crosslink may get Azure Resource Manager tokens (`user_impersonation`) for the tenant's
 * users, as Entra's consent settings decide:
 * - `granted`: an administrator consented for the whole tenant; tokens come silently;
 * - `user-consent`: users may consent for themselves (a consent screen once per user);
 * - `admin-required`: users may not consent; an administrator must grant it (admin consent).
 * Basic sign-in (openid profile email offline_access) needs no consent in any state.
 */
export type ArmConsentState = "granted" | "user-consent" | "admin-required";

/**
 * A B2B guest: a user of another tenant invited into this one. Signing in at this tenant's
 * authority gives a token of this tenant (tid, the guest's own object ID, app roles assigned here).
 */
export type DemoGuest = {
  /** The user's username in their home tenant. */
  homeUsername: string;
  /** The guest user's object ID in this (the inviting) tenant. */
  oid: string;
  /** Crosslink app roles assigned to the guest in this tenant. */
  appRoles: string[];
  description: string;
};

export type DemoTenant = {
  key: "contoso" | "fabrikam" | "northwind" | "litware" | "woodgrove";
  tenantId: string;
  displayName: string;
  domain: string;
  role: "provider" | "consumer" | "none";
  /** Object ID of Crosslink's service principal in this tenant (the app's identity there). */
  crosslinkServicePrincipalOid: string;
  subscriptionId: string;
  subscriptionName: string;
  /** Consent for Crosslink's Azure access; `granted` when not said. */
  armConsent?: ArmConsentState;
  users: DemoUser[];
  /** Users of other tenants invited into this one (B2B guests). */
  guests?: DemoGuest[];
};

export const DEMO_PASSWORD = "Passw0rd!";

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    key: "contoso",
    tenantId: "11111111-1111-4111-8111-111111111111",
    displayName: "Contoso",
    domain: "contoso.onmicrosoft.com",
    role: "provider",
    crosslinkServicePrincipalOid: "c0000000-0000-4000-8000-0000000000c1",
    subscriptionId: "aaaa1111-0000-4000-8000-000000000001",
    subscriptionName: "Contoso Production",
    armConsent: "granted",
    users: [
      {
        oid: "c0000000-0000-4000-8000-000000000001",
        name: "Priya Patel",
        username: "priya@contoso.onmicrosoft.com",
        email: "priya@contoso.example",
        password: DEMO_PASSWORD,
        appRoles: [CROSSLINK_APP.roles.provider],
        description: "Contoso provider: approves and rejects connection requests",
      },
      {
        oid: "c0000000-0000-4000-8000-000000000002",
        name: "Adam Admin",
        username: "adam@contoso.onmicrosoft.com",
        email: "adam@contoso.example",
        password: DEMO_PASSWORD,
        appRoles: [CROSSLINK_APP.roles.admin],
        description: "Contoso admin: audit trail, tenants, routes",
      },
    ],
    guests: [
      {
        homeUsername: "gina@fabrikam.onmicrosoft.com",
        oid: "c0000000-0000-4000-8000-0000000000b1",
        appRoles: [CROSSLINK_APP.roles.provider],
        description: "Fabrikam contractor invited into Contoso as a guest with the Provider role",
      },
    ],
  },
  {
    key: "fabrikam",
    tenantId: "22222222-2222-4222-8222-222222222222",
    displayName: "Fabrikam",
    domain: "fabrikam.onmicrosoft.com",
    role: "consumer",
    crosslinkServicePrincipalOid: "f0000000-0000-4000-8000-0000000000c1",
    subscriptionId: "bbbb2222-0000-4000-8000-000000000002",
    subscriptionName: "Fabrikam Networking",
    armConsent: "granted",
    users: [
      {
        oid: "f0000000-0000-4000-8000-000000000001",
        name: "Felix Fischer",
        username: "felix@fabrikam.onmicrosoft.com",
        email: "felix@fabrikam.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Fabrikam consumer: requests private endpoints",
      },
      {
        oid: "f0000000-0000-4000-8000-000000000002",
        name: "Gina Gomez",
        username: "gina@fabrikam.onmicrosoft.com",
        email: "gina@fabrikam.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Fabrikam contractor, a guest in Contoso with the Provider role (use “Provider staff” sign-in)",
      },
    ],
  },
  {
    key: "northwind",
    tenantId: "33333333-3333-4333-8333-333333333333",
    displayName: "Northwind Traders",
    domain: "northwind.onmicrosoft.com",
    role: "consumer",
    crosslinkServicePrincipalOid: "a0000000-0000-4000-8000-0000000000c1",
    subscriptionId: "cccc3333-0000-4000-8000-000000000003",
    subscriptionName: "Northwind Platform",
    armConsent: "granted",
    users: [
      {
        oid: "a0000000-0000-4000-8000-000000000001",
        name: "Nora Nilsen",
        username: "nora@northwind.onmicrosoft.com",
        email: "nora@northwind.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Northwind consumer: requests private endpoints",
      },
    ],
  },
  {
    key: "litware",
    tenantId: "44444444-4444-4444-8444-444444444444",
    displayName: "Litware",
    domain: "litware.onmicrosoft.com",
    role: "none",
    crosslinkServicePrincipalOid: "b0000000-0000-4000-8000-0000000000c1",
    subscriptionId: "dddd4444-0000-4000-8000-000000000004",
    subscriptionName: "Litware Sandbox",
    armConsent: "user-consent",
    users: [
      {
        oid: "b0000000-0000-4000-8000-000000000001",
        name: "Liam Lee",
        username: "liam@litware.onmicrosoft.com",
        email: "liam@litware.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Litware user: no rights on any resource",
        // Accepted the consent screen long ago, so his journeys run as before.
        armConsented: true,
      },
      {
        oid: "b0000000-0000-4000-8000-000000000002",
        name: "Lena Lund",
        username: "lena@litware.onmicrosoft.com",
        email: "lena@litware.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Litware user: meets the consent screen on first Azure access",
      },
    ],
  },
  {
    key: "woodgrove",
    tenantId: "55555555-5555-4555-8555-555555555555",
    displayName: "Woodgrove Bank",
    domain: "woodgrove.onmicrosoft.com",
    role: "consumer",
    crosslinkServicePrincipalOid: "e0000000-0000-4000-8000-0000000000c1",
    subscriptionId: "eeee5555-0000-4000-8000-000000000005",
    subscriptionName: "Woodgrove Networking",
    armConsent: "admin-required",
    users: [
      {
        oid: "e0000000-0000-4000-8000-000000000001",
        name: "Wanda Webb",
        username: "wanda@woodgrove.onmicrosoft.com",
        email: "wanda@woodgrove.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Woodgrove consumer: needs admin consent before Azure access",
      },
      {
        oid: "e0000000-0000-4000-8000-000000000002",
        name: "Oscar Olsen",
        username: "oscar@woodgrove.onmicrosoft.com",
        email: "oscar@woodgrove.example",
        password: DEMO_PASSWORD,
        appRoles: [],
        description: "Woodgrove Global Administrator: grants admin consent",
        globalAdmin: true,
      },
    ],
  },
];

export const PROVIDER_TENANT = DEMO_TENANTS.find((t) => t.role === "provider")!;

export function findTenant(tenantId: string): DemoTenant | undefined {
  return DEMO_TENANTS.find((t) => t.tenantId === tenantId);
}

export function findUserByUsername(username: string): { tenant: DemoTenant; user: DemoUser } | undefined {
  const lower = username.trim().toLowerCase();
  for (const tenant of DEMO_TENANTS) {
    const user = tenant.users.find((u) => u.username.toLowerCase() === lower);
    if (user) return { tenant, user };
  }
  return undefined;
}
