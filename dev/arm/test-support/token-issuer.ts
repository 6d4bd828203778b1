/**
 * A self-signing token issuer for tests that need tokens the local Entra ID will not mint
 * (expired, wrong audience, foreign issuer, tampered) or that want no Entra server at all.
 * It serves a JWKS over HTTPS at the same paths as the local Entra ID, so the local ARM verifies
 * its tokens through exactly the same code path (auth/tokens.ts) as real local-Entra tokens.
 * Claims follow the local Entra ID's ARM tokens: v1 shape (iss `<host>/<tid>/`, upn, appid).
 */
import https from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import { ARM_RESOURCE, CROSSLINK_APP, DEMO_TENANTS, findUserByUsername, type DemoTenant } from "../../world/demo-tenants";

export type TokenIssuer = {
  url: string;
  /** Sign arbitrary claims (defaults fill in iss/aud/exp/iat/nbf). */
  sign(claims: JWTPayload, opts?: { kid?: string; key?: "issuer" | "stranger" }): Promise<string>;
  /** A delegated ARM token for a demo user (by username). */
  user(username: string, overrides?: JWTPayload): Promise<string>;
  /** An app-only ARM token for Crosslink's service principal in a demo tenant. */
  app(tenantKey: DemoTenant["key"], overrides?: JWTPayload): Promise<string>;
  close(): Promise<void>;
};

export async function startTokenIssuer(tls: { cert: string; key: string }): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const stranger = await generateKeyPair("RS256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "test-key-1", use: "sig", alg: "RS256" };
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    if (/\/discovery\/(v2\.0\/)?keys$/.test(req.url ?? "")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `https://localhost:${(server.address() as AddressInfo).port}`;
  const now = () => Math.floor(Date.now() / 1000);

  const sign: TokenIssuer["sign"] = (claims, opts = {}) =>
    new SignJWT({
      aud: ARM_RESOURCE.audience,
      iat: now() - 5,
      nbf: now() - 5,
      exp: now() + 3600,
      ver: "1.0",
      ...claims,
    })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: opts.kid ?? "test-key-1" })
      .sign(opts.key === "stranger" ? stranger.privateKey : privateKey);

  return {
    url,
    sign,
    user: (username, overrides = {}) => {
      const found = findUserByUsername(username);
      if (!found) throw new Error(`unknown demo user ${username}`);
      const { tenant, user } = found;
      return sign({
        iss: `${url}/${tenant.tenantId}/`,
        tid: tenant.tenantId,
        oid: user.oid,
        sub: `sub-${user.oid}`,
        upn: user.username,
        unique_name: user.username,
        name: user.name,
        appid: CROSSLINK_APP.clientId,
        scp: "user_impersonation",
        idtyp: "user",
        ...overrides,
      });
    },
    app: (tenantKey, overrides = {}) => {
      const tenant = DEMO_TENANTS.find((t) => t.key === tenantKey)!;
      return sign({
        iss: `${url}/${tenant.tenantId}/`,
        tid: tenant.tenantId,
        oid: tenant.crosslinkServicePrincipalOid,
        sub: tenant.crosslinkServicePrincipalOid,
        appid: CROSSLINK_APP.clientId,
        idtyp: "app",
        roles: [],
        ...overrides,
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
