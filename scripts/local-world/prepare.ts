import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { RunOptions } from "./options";

/**
 * Everything the local world needs before anything starts: certificates, per-machine secrets,
 * the environment the app runs with (validated like the app validates it), and a migrated,
 * seeded database. --fresh also forgets the caught mail.
 */
export async function prepareLocalWorld(root: string, options: RunOptions, log: (line: string) => void) {
  // local-config.ts reads CROSSLINK_DATA_DIR when first imported, so set it before importing.
  process.env.CROSSLINK_DATA_DIR = options.dataDir;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const { ensureCerts } = await import("../../dev/certs/ensure-certs");
  const { ensureLocalSecrets } = await import("../../dev/world/local-secrets");
  const { extraCaFileWith } = await import("../../dev/certs/trust-bundle");
  const { ensureLocalClientCertificate } = await import("../../dev/world/local-client-certificate");

  const certs = await ensureCerts();
  const secrets = ensureLocalSecrets();
  const clientCertificate = ensureLocalClientCertificate();
  const extraCaFile = await extraCaFileWith(certs.caFile);
  const databaseFile = path.join(options.dataDir, "crosslink.db");
  const armStateFile = path.join(options.dataDir, "arm-world.json");
  const caughtMailFile = path.join(options.dataDir, "mail-catcher.jsonl");
  if (options.fresh) {
    fs.rmSync(armStateFile, { force: true });
    fs.rmSync(caughtMailFile, { force: true });
    // Consent grants made in the local Entra ID: fresh means the demo tenants' starting states.
    fs.rmSync(path.join(options.dataDir, "entra", "consents.json"), { force: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(databaseFile + suffix, { force: true });
  }

  const entraUrl = `https://localhost:${options.entraPort}`;
  const armUrl = `https://localhost:${options.armPort}`;
  const appUrl = `http://localhost:${options.appPort}`;
  const mailUrl = `http://localhost:${options.mailPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CROSSLINK_MODE: "local",
    CROSSLINK_DATA_DIR: options.dataDir,
    APP_BASE_URL: appUrl,
    DATABASE_URL: `file:${databaseFile}`,
    ENTRA_AUTHORITY_HOST: entraUrl,
    // --client-credential certificate: the app signs client assertions with the local certificate
    // (registered on the app by the local Entra ID), as it would with a certificate in production.
    ...(options.clientCredential === "certificate"
      ? { ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: clientCertificate.file }
      : { ENTRA_CLIENT_SECRET: secrets.clientSecret }),
    SESSION_SECRET: secrets.sessionSecret,
    ARM_ENDPOINT: armUrl,
    // Every process of the local world trusts the local CA (fetch, node:https, jose).
    NODE_EXTRA_CA_CERTS: extraCaFile,
    // Where the local services listen and find each other.
    LOCAL_ENTRA_PORT: String(options.entraPort),
    LOCAL_ARM_PORT: String(options.armPort),
    LOCAL_ARM_ENTRA_URL: entraUrl,
    // The demo world (endpoints people created) survives restarts; --fresh starts it over.
    LOCAL_ARM_STATE_FILE: armStateFile,
    // Azure's mandatory MFA for users' writes: on in the demo (a developer may say off).
    LOCAL_ARM_REQUIRE_MFA: process.env.LOCAL_ARM_REQUIRE_MFA ?? "writes",
    ENTRA_REDIRECT_URIS: `${appUrl}/auth/callback,${appUrl}/onboard/done`,
    ENTRA_POST_LOGOUT_REDIRECT_URIS: `${appUrl}/signed-out`,
    // Every email goes to the local mail catcher, which the app's /local/mail page reads.
    SMTP_HOST: "localhost",
    SMTP_PORT: String(options.smtpPort),
    SMTP_SECURITY: "none",
    MAIL_CATCHER_URL: mailUrl,
    LOCAL_SMTP_PORT: String(options.smtpPort),
    LOCAL_MAIL_PORT: String(options.mailPort),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // One credential only (a secret inherited from the shell would be refused next to the certificate).
  if (options.clientCredential === "certificate") delete env.ENTRA_CLIENT_SECRET;

  // Validate exactly as the app will, so a bad setting stops here with the variable named.
  const { loadConfig } = await import("../../lib/config");
  loadConfig(env);

  log("• Preparing the database…");
  const generated = path.join(root, "lib/db/generated/client.ts");
  const schema = path.join(root, "prisma/schema.prisma");
  if (!fs.existsSync(generated) || fs.statSync(schema).mtimeMs > fs.statSync(generated).mtimeMs) {
    runTsx(root, ["scripts/db.ts", "generate"], env);
  }
  runTsx(root, ["scripts/db.ts", "migrate"], env, true);
  runTsx(root, ["prisma/seed.ts"], env, true);

  return { env, certs, urls: { app: appUrl, entra: entraUrl, arm: armUrl, mail: mailUrl } };
}

function runTsx(root: string, args: string[], env: NodeJS.ProcessEnv, quiet = false) {
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), args, {
    cwd: root,
    env,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    throw new Error(`tsx ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
  }
}
