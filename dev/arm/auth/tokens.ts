/**
 * Bearer-token verification as ARM does it: signature against the identity provider's JWKS,
 * issuer of the token's own tenant (v2 `https://<entra>/<tid>/v2.0`, optionally v1
 * `https://sts.windows.net/<tid>/`), ARM as audience, and expiry — each failure with ARM's own
 * error code (see http/errors.ts).
 *
 * Verified tokens are cached by their full text until they expire: a signature check per request
 * would cap throughput, and a token cannot change without changing its text.
 */
import https from "node:https";
import fs from "node:fs";
import { createRemoteJWKSet, customFetch, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { ArmError, Errors } from "../http/errors";

export type Principal = {
  /** Object ID of the user or service principal. */
  oid: string;
  /** Tenant the token was issued by. */
  tid: string;
  /** What ARM prints as "the client": the UPN for users, the object ID for apps. */
  client: string;
  isApp: boolean;
  appId?: string;
  name?: string;
  exp: number;
  issuer: string;
  /** The sign-in behind a user token included a second factor (`mfa` in `amr`). */
  mfa: boolean;
};

export type TokenVerifierOptions = {
  entraUrl: string;
  jwksUri: string;
  /** PEM text of a CA to trust when fetching the JWKS over HTTPS (the local CA). */
  caPem?: string;
  audiences: string[];
  acceptV1Issuer: boolean;
  /** Seconds of clock skew tolerated on exp/nbf (ARM allows a few minutes; default 0 here). */
  clockToleranceSeconds?: number;
};

const CACHE_LIMIT = 10_000;

/** fetch for jose that trusts the local CA without NODE_EXTRA_CA_CERTS. */
function fetchTrusting(caPem: string | undefined) {
  return (url: string, options: { headers: Headers; signal: AbortSignal }): Promise<Response> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      options.headers.forEach((v, k) => (headers[k] = v));
      const req = https.get(url, { headers, signal: options.signal, ...(caPem ? { ca: caPem } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve(
            new Response(Buffer.concat(chunks), {
              status: res.statusCode ?? 500,
              headers: Object.entries(res.headers).flatMap(([k, v]) =>
                v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
              ),
            }),
          ),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
    });
}

export function readCa(file: string | undefined): string | undefined {
  return file ? fs.readFileSync(file, "utf8") : undefined;
}

export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly entraOrigin: string;
  private readonly cache = new Map<string, Principal>();
  verifications = 0;

  constructor(private readonly opts: TokenVerifierOptions) {
    this.entraOrigin = new URL(opts.entraUrl).origin;
    this.jwks = createRemoteJWKSet(new URL(opts.jwksUri), {
      [customFetch]: fetchTrusting(opts.caPem),
      cooldownDuration: 5_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  /** The `authorization_uri` ARM puts in its 401 challenge: the tenant's authority. */
  authorityFor(tenantId?: string): string {
    return tenantId ? `${this.entraOrigin}/${tenantId}` : `${this.entraOrigin}/`;
  }

  private issuerOk(iss: string, tid: string): boolean {
    if (iss === `${this.entraOrigin}/${tid}/v2.0`) return true;
    if (this.opts.acceptV1Issuer && (iss === `https://sts.windows.net/${tid}/` || iss === `${this.entraOrigin}/${tid}/`)) return true;
    return false;
  }

  /**
   * Verifies an Authorization header. `challengeTenant` is the tenant of the subscription the
   * request is about, used in the 401's authorization_uri (as ARM does) when known.
   */
  async verify(authorization: string | undefined, challengeTenant?: string): Promise<Principal> {
    const authUri = this.authorityFor(challengeTenant);
    if (authorization === undefined || authorization === "") throw Errors.missingAuthHeader(authUri);
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw Errors.invalidAuthHeader(authUri);
    const token = m[1]!;
    const now = Date.now();

    const hit = this.cache.get(token);
    if (hit) {
      if (hit.exp * 1000 <= now) throw Errors.expiredToken(authUri, new Date(hit.exp * 1000), new Date(now));
      return hit;
    }

    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw Errors.invalidToken(authUri);
    }

    let payload: JWTPayload;
    try {
      this.verifications++;
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256", "RS384", "RS512", "PS256", "ES256"],
        clockTolerance: this.opts.clockToleranceSeconds ?? 0,
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired && typeof unverified.exp === "number") {
        throw Errors.expiredToken(authUri, new Date(unverified.exp * 1000), new Date(now));
      }
      if (!(err instanceof joseErrors.JOSEError)) {
        // Network trouble fetching the JWKS: say so in the log, answer like an invalid token.
        console.error("[local-arm] token verification failed:", err);
      }
      throw Errors.invalidToken(authUri);
    }

    const tid = typeof payload.tid === "string" ? payload.tid : undefined;
    const oid = typeof payload.oid === "string" ? payload.oid : undefined;
    if (!tid || !oid || typeof payload.iss !== "string" || !this.issuerOk(payload.iss, tid)) throw Errors.invalidToken(authUri);
    if (typeof payload.exp !== "number") throw Errors.invalidToken(authUri);

    const auds = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    if (!auds.some((a) => this.opts.audiences.includes(a))) throw Errors.wrongAudience(authUri, auds.join(","));

    const isApp = payload.idtyp === "app" || (payload.scp === undefined && Array.isArray(payload.roles) && !payload.upn);
    const upn =
      (typeof payload.upn === "string" && payload.upn) ||
      (typeof payload.unique_name === "string" && payload.unique_name) ||
      (typeof payload.preferred_username === "string" && payload.preferred_username) ||
      undefined;
    const principal: Principal = {
      oid,
      tid,
      isApp,
      client: isApp ? oid : (upn ?? oid),
      appId: typeof payload.appid === "string" ? payload.appid : typeof payload.azp === "string" ? payload.azp : undefined,
      name: typeof payload.name === "string" ? payload.name : undefined,
      exp: payload.exp,
      issuer: payload.iss,
      mfa: Array.isArray(payload.amr) && payload.amr.includes("mfa"),
    };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, principal);
    return principal;
  }
}

export function isArmError(e: unknown): e is ArmError {
  return e instanceof ArmError;
}
