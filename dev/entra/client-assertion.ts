/**
 * Client authentication by signed assertion (RFC 7523, `client_assertion_type=urn:ietf:params:
 * oauth:client-assertion-type:jwt-bearer`), as Entra does it:
 * - a certificate credential: a JWT signed by the app's private key, `iss` = `sub` = client ID,
 *   `aud` = the token endpoint, `exp`, single-use `jti`, and an `x5t#S256` (or SHA-1 `x5t`) header
 *   naming a certificate uploaded to the app registration;
 * - a federated identity credential: a JWT from another identity provider the app trusts (issuer,
 *   subject and audience registered on the app, signature by that issuer's key).
 * Errors carry Entra's codes (AADSTS700027 unknown key or bad signature, AADSTS700024 expired,
 * AADSTS700021 wrong iss/sub, AADSTS700023 wrong audience, AADSTS70021 no federated match). Where
 * Entra's code is not known (a replayed jti) the generic AADSTS90023 is used.
 */
import { createHash, X509Certificate, type KeyObject } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import type { EntraContext } from "./context";
import type { RegisteredClient } from "./clients";
import { EntraError } from "./errors";

export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** The audience Entra expects in federated tokens for the public cloud. */
export const TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

/** A certificate uploaded to an app registration ("Certificates & secrets"). */
export type ClientCertificate = { thumbprintSha256: string; thumbprintSha1: string; publicKey: KeyObject; notAfter: number; pem: string };

/** A federated identity credential; locally the issuer's public key stands in for its JWKS. */
export type FederatedCredential = { issuer: string; subject: string; audience: string; publicKey: KeyObject };

const ALGORITHMS = ["RS256", "PS256"];
/** Entra allows about five minutes of clock skew. */
const CLOCK_SKEW_SECONDS = 300;

const e = (error: string, code: number, text: string, status = 401) => new EntraError(error, code, text, status);

export const AssertionErrors = {
  wrongType: (type: string) =>
    e("invalid_request", 90023, `The client_assertion_type '${type}' is not supported. Use '${JWT_BEARER_ASSERTION_TYPE}'.`, 400),
  malformed: () => e("invalid_client", 50027, "JWT token is invalid or malformed."),
  appIdMismatch: () => e("invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials ."),
  unknownKey: (clientId: string, thumbprint: string) =>
    e("invalid_client", 700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments#app-registration-and-token-service-root-endpoints to know more about the endpoints.]`),
  badSignature: () => e("invalid_client", 700027, "Client assertion failed signature validation."),
  expired: (now: number, nbf: number | undefined, exp: number | undefined) =>
    e("invalid_client", 700024, `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${nbf === undefined ? "-" : iso(nbf)}, expiry time of assertion ${exp === undefined ? "-" : iso(exp)}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .`),
  audienceMismatch: (aud: string) =>
    e("invalid_client", 700023, `Client assertion audience claim does not match Realm issuer. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials . (aud: '${aud}')`),
  replayed: () => e("invalid_client", 90023, "The client assertion's jti was already used; sign a new assertion for each request."),
  noFederatedMatch: (iss: string, sub: string, aud: string) =>
    e("invalid_client", 70021, `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${aud}'.`),
} as const;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** A certificate from PEM, with both thumbprints base64url-encoded as they appear in x5t headers. */
export function clientCertificateFromPem(pem: string): ClientCertificate {
  const cert = new X509Certificate(pem);
  return {
    thumbprintSha256: createHash("sha256").update(cert.raw).digest("base64url"),
    thumbprintSha1: createHash("sha1").update(cert.raw).digest("base64url"),
    publicKey: cert.publicKey,
    notAfter: Math.floor(new Date(cert.validTo).getTime() / 1000),
    pem: cert.toString(),
  };
}

// jti values seen per server (tests run several servers in one process), kept until they expire.
const seenAssertionIds = new WeakMap<EntraContext, Map<string, number>>();

function spendJti(ctx: EntraContext, jti: string, exp: number): void {
  let seen = seenAssertionIds.get(ctx);
  if (!seen) seenAssertionIds.set(ctx, (seen = new Map()));
  const now = ctx.now();
  for (const [id, until] of seen) if (until + CLOCK_SKEW_SECONDS < now) seen.delete(id);
  if (seen.has(jti)) throw AssertionErrors.replayed();
  seen.set(jti, exp);
}

function decode(assertion: string): { header: ProtectedHeaderParameters; claims: JWTPayload } {
  try {
    return { header: decodeProtectedHeader(assertion), claims: decodeJwt(assertion) };
  } catch {
    throw AssertionErrors.malformed();
  }
}

async function signatureValid(assertion: string, key: KeyObject): Promise<boolean> {
  try {
    await compactVerify(assertion, key, { algorithms: ALGORITHMS });
    return true;
  } catch {
    return false;
  }
}

function checkTimes(ctx: EntraContext, claims: JWTPayload): number {
  const now = ctx.now();
  const exp = typeof claims.exp === "number" ? claims.exp : undefined;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : undefined;
  if (exp === undefined || exp + CLOCK_SKEW_SECONDS < now || (nbf !== undefined && nbf - CLOCK_SKEW_SECONDS > now)) {
    throw AssertionErrors.expired(now, nbf, exp);
  }
  return exp;
}

function audiences(claims: JWTPayload): string[] {
  return typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
}

/**
 * Checks a client assertion for `client` (already found by client_id, or by the assertion's own
 * `iss`/`sub` when the body had no client_id). `tokenEndpoints` are the addresses this request
 * may name in `aud` (the requested path, and the same with the tenant ID).
 */
export async function verifyClientAssertion(
  ctx: EntraContext,
  client: RegisteredClient,
  assertion: string,
  tokenEndpoints: string[],
): Promise<void> {
  const { header, claims } = decode(assertion);
  const iss = typeof claims.iss === "string" ? claims.iss : "";
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const x5t256 = typeof header["x5t#S256"] === "string" ? header["x5t#S256"] : undefined;
  const x5t = typeof header.x5t === "string" ? header.x5t : undefined;
  const selfSigned = iss.toLowerCase() === client.clientId.toLowerCase();

  if (!selfSigned && !x5t256 && !x5t) {
    await verifyFederatedAssertion(ctx, client, assertion, claims);
    return;
  }
  if (!selfSigned || sub.toLowerCase() !== client.clientId.toLowerCase()) throw AssertionErrors.appIdMismatch();
  const certificate = client.certificates.find((c) => (x5t256 ? c.thumbprintSha256 === x5t256 : c.thumbprintSha1 === x5t));
  if (!certificate) throw AssertionErrors.unknownKey(client.clientId, thumbprintHex(x5t256 ?? x5t ?? ""));
  if (!(await signatureValid(assertion, certificate.publicKey))) throw AssertionErrors.badSignature();
  const exp = checkTimes(ctx, claims);
  const wanted = tokenEndpoints.map((u) => u.toLowerCase());
  const aud = audiences(claims);
  if (!aud.some((a) => wanted.includes(a.toLowerCase()))) throw AssertionErrors.audienceMismatch(aud.join(" "));
  if (typeof claims.jti !== "string" || claims.jti === "") throw AssertionErrors.malformed();
  spendJti(ctx, `${client.clientId}:${claims.jti}`, exp);
}

async function verifyFederatedAssertion(ctx: EntraContext, client: RegisteredClient, assertion: string, claims: JWTPayload): Promise<void> {
  const iss = typeof claims.iss === "string" ? claims.iss : "";
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const aud = audiences(claims);
  const match = client.federatedCredentials.find((f) => f.issuer === iss && f.subject === sub && aud.includes(f.audience));
  if (!match) throw AssertionErrors.noFederatedMatch(iss, sub, aud.join(" "));
  if (!(await signatureValid(assertion, match.publicKey))) throw AssertionErrors.badSignature();
  checkTimes(ctx, claims);
}

function thumbprintHex(base64url: string): string {
  return Buffer.from(base64url, "base64url").toString("hex").toUpperCase();
}
