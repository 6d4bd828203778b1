/**
 * The RSA key that signs every token, published in JWKS under its `kid`.
 *
 * With a key file the key survives restarts, so tokens, refresh tokens and the sign-in session
 * cookie issued before a restart stay valid (the app's cached tokens keep working while you
 * restart the local Entra ID). Without one, each start makes a fresh key.
 *
 * The refresh-token encryption key and the session-cookie key are derived from the same private
 * key with HKDF, so there is exactly one secret to keep.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, type JWK } from "jose";

export type SigningKeys = {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK as published in JWKS (kty, n, e, kid, use, alg). */
  publicJwk: JWK;
  /** 32-byte key for one purpose, derived from the private key. */
  derivedKey(purpose: "refresh-token" | "session-cookie"): Uint8Array;
};

export async function loadSigningKeys(keyFile?: string): Promise<SigningKeys> {
  const privateKey = keyFile ? loadOrCreate(keyFile) : generate();
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  // Entra's kid is a certificate thumbprint; ours is the RFC 7638 JWK thumbprint: stable per key.
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: jwk.kty, use: "sig", alg: "RS256", kid, n: jwk.n, e: jwk.e },
    derivedKey: (purpose) => new Uint8Array(hkdfSync("sha256", pkcs8, "local-entra", purpose, 32)),
  };
}

function generate(): KeyObject {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
}

function loadOrCreate(keyFile: string): KeyObject {
  try {
    return createPrivateKey(fs.readFileSync(keyFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`Local Entra ID: cannot read the signing key ${keyFile} (${(error as Error).message}). Delete it to make a new one.`);
    }
  }
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = generate();
  const temp = `${keyFile}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temp, key.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  try {
    // link(2) fails if another process created the file meanwhile; then we use theirs.
    fs.linkSync(temp, keyFile);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return createPrivateKey(fs.readFileSync(keyFile));
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
