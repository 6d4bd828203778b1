/**
 * The local Microsoft Entra ID: an HTTPS server that speaks Entra's v2 OpenID Connect / OAuth 2.0
 * endpoints for the demo tenants (dev/world/demo-tenants.ts). See README.md for what it does and
 * how it differs from the real service.
 */
import fs from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { CROSSLINK_APP } from "../world/demo-tenants";
import type { FederatedCredential } from "./client-assertion";
import { createClientRegistry } from "./clients";
import { createCodeStore } from "./codes";
import { createConsentState } from "./consent";
import { createConsentStore } from "./consent-store";
import { DEFAULT_LIFETIMES, type EntraContext, type Lifetimes } from "./context";
import { createFlowStore } from "./flows";
import { loadSigningKeys } from "./keys";
import { silentSink, type LogSink } from "./log";
import { createRouter } from "./router";

export type LocalEntraOptions = {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. URLs always say `localhost` (the certificate's name). */
  host?: string;
  /** PEM files of the server certificate (SAN localhost) and its key; see dev/certs/ensure-certs.ts. */
  certFile: string;
  keyFile: string;
  /** The Crosslink app's client secret (dev/world/local-secrets.ts). */
  clientSecret: string;
  /** Certificates (PEM, public part) uploaded for Crosslink; assertions signed by their keys authenticate it. */
  clientCertificates?: string[];
  /** Federated identity credentials on Crosslink (issuer, subject, audience and the issuer's public key). */
  federatedCredentials?: FederatedCredential[];
  /** Redirect URIs registered for Crosslink; default CROSSLINK_APP.redirectUris. Loopback ports are ignored when matching. */
  redirectUris?: string[];
  /** Post-logout redirect URIs for Crosslink; default CROSSLINK_APP.postLogoutRedirectUris (loopback URIs are always allowed). */
  postLogoutRedirectUris?: string[];
  /** Token and session lifetimes in seconds; access and ID tokens default to 3600. */
  lifetimes?: Partial<Lifetimes>;
  /** PEM file holding the RSA signing key, created if missing (mode 0600), so tokens survive restarts. */
  signingKeyFile?: string;
  /**
   * JSON file keeping consent grants (admin consent, accepted consent screens) across restarts;
   * without it they live in memory. The demo world's starting states need no file.
   */
  consentFile?: string;
  /** Where structured log records go; default nowhere. See log.ts (`jsonLinesSink`). */
  log?: LogSink;
  /** Clock in seconds since the epoch; tests can move time forward. */
  now?: () => number;
};

export type LocalEntra = {
  /** https://localhost:<port> — authorities are `${url}/common`, `${url}/organizations`, `${url}/<tenantId>`. */
  url: string;
  close(): Promise<void>;
};

export async function startLocalEntra(options: LocalEntraOptions): Promise<LocalEntra> {
  const [cert, key, keys] = await Promise.all([
    fs.readFile(options.certFile),
    fs.readFile(options.keyFile),
    loadSigningKeys(options.signingKeyFile),
  ]);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const lifetimes: Lifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
  const ctx: EntraContext = {
    baseUrl: "",
    keys,
    clients: createClientRegistry({
      clientSecret: options.clientSecret,
      certificates: options.clientCertificates,
      federatedCredentials: options.federatedCredentials,
      redirectUris: options.redirectUris ?? [...CROSSLINK_APP.redirectUris],
      postLogoutRedirectUris: options.postLogoutRedirectUris ?? [...CROSSLINK_APP.postLogoutRedirectUris],
    }),
    lifetimes,
    codes: createCodeStore({ lifetimeSeconds: lifetimes.authorizationCodeSeconds, now }),
    flows: createFlowStore({ lifetimeSeconds: lifetimes.signInFlowSeconds, now }),
    consent: createConsentState(createConsentStore({ file: options.consentFile })),
    log: options.log ?? silentSink,
    now,
  };

  const route = createRouter(ctx);
  const server = https.createServer({ cert, key }, (req, res) => {
    void route(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `https://localhost:${port}`;

  return {
    url: ctx.baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch (undici) keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
