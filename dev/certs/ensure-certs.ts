/**
 * A local certificate authority and a `localhost` server certificate for the local world
 * (local Entra ID, local ARM, the app when it serves HTTPS).
 *
 * Why a CA and not one self-signed certificate: Node (fetch/undici and node:https) and browsers
 * are told to trust one CA file once (NODE_EXTRA_CA_CERTS, or a browser import), and every
 * server certificate we issue later is trusted without further steps.
 *
 * Why the openssl CLI: Node can make keys but not X.509 certificates, and we add no dependency
 * for something Debian ships. Files live in CERT_DIR (under .data/, never in git).
 *
 * Run as a script: `npx tsx dev/certs/ensure-certs.ts` prints the paths.
 */
import { execFile } from "node:child_process";
import { X509Certificate, createPrivateKey, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { CA_CERT_FILE, CA_KEY_FILE, CERT_DIR, SERVER_CERT_FILE, SERVER_KEY_FILE } from "../world/local-config";

const run = promisify(execFile);

export type CertPaths = { caFile: string; certFile: string; keyFile: string };

export type EnsureCertsOptions = {
  /** Directory for the four files; defaults to CERT_DIR. Tests pass a temporary directory. */
  dir?: string;
  /** Told when something is created (the CLI prints it); silent by default. */
  log?: (message: string) => void;
};

/** Renew when a certificate expires within this many days. */
const RENEW_WITHIN_DAYS = 30;
const CA_DAYS = 3650;
/** 397 days: the longest lifetime browsers accept for a server certificate. */
const SERVER_DAYS = 397;
const LOCK_STALE_MS = 60_000;
const LOCK_TIMEOUT_MS = 90_000;

type Files = { caCert: string; caKey: string; cert: string; key: string; lock: string };

function filesIn(dir: string | undefined): Files {
  if (!dir) {
    return {
      caCert: CA_CERT_FILE,
      caKey: CA_KEY_FILE,
      cert: SERVER_CERT_FILE,
      key: SERVER_KEY_FILE,
      lock: path.join(CERT_DIR, ".ensure-certs.lock"),
    };
  }
  return {
    caCert: path.join(dir, path.basename(CA_CERT_FILE)),
    caKey: path.join(dir, path.basename(CA_KEY_FILE)),
    cert: path.join(dir, path.basename(SERVER_CERT_FILE)),
    key: path.join(dir, path.basename(SERVER_KEY_FILE)),
    lock: path.join(dir, ".ensure-certs.lock"),
  };
}

export async function ensureCerts(options: EnsureCertsOptions = {}): Promise<CertPaths> {
  const files = filesIn(options.dir);
  const log = options.log ?? (() => {});
  const result = { caFile: files.caCert, certFile: files.cert, keyFile: files.key };

  // Fast path without the lock: everything present, valid, matching and not expiring.
  const first = await inspect(files);
  if (first.caOk && first.serverOk) {
    await tightenKeyModes(files);
    return result;
  }

  await fs.mkdir(path.dirname(files.caCert), { recursive: true, mode: 0o700 });
  await withLock(files.lock, async () => {
    // Another process may have done the work while we waited for the lock.
    const state = await inspect(files);
    if (state.caOk && state.serverOk) return;
    await assertOpenssl();
    const work = await fs.mkdtemp(path.join(path.dirname(files.caCert), ".tmp-certs-"));
    try {
      const renewCa = !state.caOk;
      if (renewCa) await makeCa(work);
      await makeServerCert(work, renewCa ? path.join(work, "ca.pem") : files.caCert, renewCa ? path.join(work, "ca-key.pem") : files.caKey);
      // Renames are atomic; readers verify the whole chain, so a half-updated set sends them here to wait.
      if (renewCa) {
        await install(path.join(work, "ca-key.pem"), files.caKey, 0o600);
        await install(path.join(work, "ca.pem"), files.caCert, 0o644);
        log(`Created a local CA: ${files.caCert} (import it into a browser to trust the local world)`);
      }
      await install(path.join(work, "key.pem"), files.key, 0o600);
      await install(path.join(work, "cert.pem"), files.cert, 0o644);
      log(`Created a localhost server certificate: ${files.cert}`);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
  return result;
}

type Inspection = { caOk: boolean; serverOk: boolean };

/** Reads the files and checks the chain; any missing or broken file simply counts as "not ok". */
async function inspect(files: Files): Promise<Inspection> {
  const renewBefore = Date.now() + RENEW_WITHIN_DAYS * 86_400_000;
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(await fs.readFile(files.caCert));
    const caKey = createPrivateKey(await fs.readFile(files.caKey));
    const caOk = ca.ca && ca.checkPrivateKey(caKey) && notAfter(ca) > renewBefore;
    if (!caOk) return { caOk: false, serverOk: false };
  } catch {
    return { caOk: false, serverOk: false };
  }
  try {
    const cert = new X509Certificate(await fs.readFile(files.cert));
    const key = createPrivateKey(await fs.readFile(files.key));
    const san = cert.subjectAltName ?? "";
    const serverOk =
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(key) &&
      san.includes("DNS:localhost") &&
      san.includes("127.0.0.1") &&
      notAfter(cert) > renewBefore;
    return { caOk: true, serverOk };
  } catch {
    return { caOk: true, serverOk: false };
  }
}

function notAfter(cert: X509Certificate): number {
  return new Date(cert.validTo).getTime();
}

/** Private keys must stay 0600 even if someone copied them in with a looser mode. */
async function tightenKeyModes(files: Files): Promise<void> {
  for (const file of [files.caKey, files.key]) {
    const stat = await fs.stat(file);
    if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  }
}

async function install(from: string, to: string, mode: number): Promise<void> {
  await fs.chmod(from, mode);
  await fs.rename(from, to);
}

async function assertOpenssl(): Promise<void> {
  try {
    await run("openssl", ["version"]);
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      notFound
        ? "ensureCerts: the `openssl` command was not found. Install it (Debian/Ubuntu: `sudo apt-get install openssl`, macOS: it ships with the system or `brew install openssl`) and make sure it is on PATH."
        : `ensureCerts: \`openssl version\` failed: ${(error as Error).message}`,
    );
  }
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run("openssl", args, { cwd });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`ensureCerts: openssl ${args[0]} failed: ${stderr.trim() || (error as Error).message}`);
  }
}

// Our own config files, so the machine's openssl.cnf (defaults, extensions) cannot interfere.
const CA_CONFIG = `
[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_ca
[dn]
CN = Crosslink Local Development CA
O = Crosslink local world (not for production)
[v3_ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

const SERVER_CONFIG = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = localhost
O = Crosslink local world (not for production)
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
`;

async function makeCa(work: string): Promise<void> {
  await fs.writeFile(path.join(work, "ca.cnf"), CA_CONFIG);
  await openssl(
    ["req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", String(CA_DAYS),
      "-config", "ca.cnf", "-keyout", "ca-key.pem", "-out", "ca.pem"],
    work,
  );
}

async function makeServerCert(work: string, caCert: string, caKey: string): Promise<void> {
  await fs.writeFile(path.join(work, "server.cnf"), SERVER_CONFIG);
  await openssl(
    ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256", "-config", "server.cnf",
      "-keyout", "key.pem", "-out", "server.csr"],
    work,
  );
  // A random serial instead of a serial file: nothing to keep in step between runs.
  await openssl(
    ["x509", "-req", "-in", "server.csr", "-CA", caCert, "-CAkey", caKey,
      "-set_serial", `0x${randomBytes(16).toString("hex").replace(/^[89a-f]/, "7")}`,
      "-days", String(SERVER_DAYS), "-sha256", "-extfile", "server.cnf", "-extensions", "server_ext",
      "-out", "cert.pem"],
    work,
  );
}

/** A lock file made with O_EXCL, so two processes never generate into the same place at once. */
async function withLock(lockFile: string, fn: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      const handle = await fs.open(lockFile, "wx", 0o600);
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const stat = await fs.stat(lockFile).catch(() => undefined);
      // A crashed holder leaves the file behind; generation takes seconds, so a minute is stale.
      if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`ensureCerts: timed out waiting for ${lockFile}; delete it if no other process is creating certificates.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}

// Script mode: `tsx dev/certs/ensure-certs.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  ensureCerts({ log: (message) => console.error(message) }).then(
    (paths) => {
      console.log(`CA certificate:     ${paths.caFile}`);
      console.log(`Server certificate: ${paths.certFile}`);
      console.log(`Server key:         ${paths.keyFile}`);
      console.log(`Trust it in Node:   export NODE_EXTRA_CA_CERTS=${paths.caFile}`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
