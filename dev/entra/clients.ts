/**
 * Registered applications (client registry). One today: Crosslink, a multi-tenant confidential
 * web app, consented in every demo tenant.
 *
 * Redirect URI matching is exact (scheme, host, path, query), like Entra, with Entra's loopback
 * exception (RFC 8252 §7.3): for `http://localhost` and `http://127.0.0.1` URIs the port is
 * ignored, so a registered `http://localhost:3000/auth/callback` also matches
 * `http://localhost:4123/auth/callback` (handy for tests and a second app instance).
 * `localhost` and `127.0.0.1` are not interchangeable.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { CROSSLINK_APP } from "../world/demo-tenants";
import { clientCertificateFromPem, type ClientCertificate, type FederatedCredential } from "./client-assertion";

export type RegisteredClient = {
  clientId: string;
  displayName: string;
  clientSecret: string;
  /** Certificates uploaded to the app registration: client assertions signed by their keys are accepted. */
  certificates: ClientCertificate[];
  /** Federated identity credentials: tokens of these issuers/subjects are accepted as client assertions. */
  federatedCredentials: FederatedCredential[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

export type ClientRegistry = {
  find(clientId: string): RegisteredClient | undefined;
  all(): RegisteredClient[];
};

export function createClientRegistry(crosslink: {
  clientSecret: string;
  /** PEM certificates (public part only) uploaded for Crosslink. */
  certificates?: string[];
  federatedCredentials?: FederatedCredential[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): ClientRegistry {
  const clients: RegisteredClient[] = [
    {
      clientId: CROSSLINK_APP.clientId,
      displayName: CROSSLINK_APP.displayName,
      clientSecret: crosslink.clientSecret,
      certificates: (crosslink.certificates ?? []).map(clientCertificateFromPem),
      federatedCredentials: crosslink.federatedCredentials ?? [],
      redirectUris: crosslink.redirectUris,
      postLogoutRedirectUris: crosslink.postLogoutRedirectUris,
    },
  ];
  return {
    // Entra compares client IDs (GUIDs) case-insensitively.
    find: (clientId) => clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase()),
    all: () => clients,
  };
}

export function secretMatches(client: RegisteredClient, secret: string): boolean {
  const a = createHash("sha256").update(client.clientSecret).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]");
}

/** True when `requested` equals `registered`, ignoring the port for loopback http URIs. */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(requested);
  } catch {
    return false;
  }
  if (!isLoopbackHttp(a) || !isLoopbackHttp(b)) return false;
  return a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search && b.hash === "";
}

export function isRegisteredRedirectUri(client: RegisteredClient, requested: string): boolean {
  return client.redirectUris.some((registered) => redirectUriMatches(registered, requested));
}

/**
 * Where sign-out may send the browser: a registered post-logout or redirect URI (port-agnostic for
 * loopback, as above), or any loopback http URI, so local tools can sign out without registration.
 */
export function isAllowedPostLogoutUri(clients: RegisteredClient[], requested: string): boolean {
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return false;
  }
  if (isLoopbackHttp(url)) return true;
  return clients.some((c) =>
    [...c.postLogoutRedirectUris, ...c.redirectUris].some((registered) => redirectUriMatches(registered, requested)),
  );
}
