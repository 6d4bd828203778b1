/**
 * Where the local world lives on disk and which ports it listens on by default.
 * Only dev/ scripts and tests use this; the app learns the same facts through its env config.
 */
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = process.env.CROSSLINK_DATA_DIR
  ? path.resolve(process.env.CROSSLINK_DATA_DIR)
  : path.join(REPO_ROOT, ".data");

export const CERT_DIR = path.join(DATA_DIR, "certs");
export const CA_CERT_FILE = path.join(CERT_DIR, "local-ca.pem");
export const CA_KEY_FILE = path.join(CERT_DIR, "local-ca-key.pem");
export const SERVER_CERT_FILE = path.join(CERT_DIR, "localhost.pem");
export const SERVER_KEY_FILE = path.join(CERT_DIR, "localhost-key.pem");

/** Per-machine secrets of the local world (the app's client secret, session secret). Never in git. */
export const LOCAL_SECRETS_FILE = path.join(DATA_DIR, "local-secrets.json");

/** The Crosslink app's local client certificate and key (dev/world/local-client-certificate.ts). Never in git. */
export const LOCAL_CLIENT_CERTIFICATE_FILE = path.join(DATA_DIR, "entra", "crosslink-client-certificate.pem");

export const DEFAULT_PORTS = {
  app: 3000,
  entra: 7443,
  arm: 8443,
} as const;
