/**
 * Per-machine secrets of the local world, generated once into LOCAL_SECRETS_FILE (mode 0600)
 * and read back afterwards, so the local Entra ID and the app agree without anyone typing a
 * secret or committing one.
 *
 * - clientSecret: the Crosslink app's client secret; the local Entra ID accepts it.
 * - sessionSecret: the app's session encryption/signing secret.
 *
 * Synchronous on purpose: config modules call it at import time.
 * Safe when several processes start at once: the file is created with link(2), which fails if
 * another process got there first, and then everyone reads the winner's file.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { LOCAL_SECRETS_FILE } from "./local-config";

export type LocalSecrets = { clientSecret: string; sessionSecret: string };

const GENERATORS: Record<keyof LocalSecrets, () => string> = {
  // 40 characters, like an Entra client secret value; base64url so it survives URLs and env files.
  clientSecret: () => randomBytes(30).toString("base64url"),
  // 256 bits for HMAC/AES keys.
  sessionSecret: () => randomBytes(32).toString("base64url"),
};

export function ensureLocalSecrets(file: string = LOCAL_SECRETS_FILE): LocalSecrets {
  const existing = readSecrets(file);
  if (existing && isComplete(existing)) {
    tightenMode(file);
    return { clientSecret: existing.clientSecret, sessionSecret: existing.sessionSecret };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existing) {
    const created = createIfAbsent(file, generate({}));
    if (created) return created;
  } else {
    // An older file without a newer field: keep what is there (the app may be running with it)
    // and add the missing values.
    replace(file, generate(existing));
  }
  const final = readSecrets(file);
  if (!final || !isComplete(final)) throw new Error(`ensureLocalSecrets: ${file} is unreadable after writing it.`);
  return { clientSecret: final.clientSecret, sessionSecret: final.sessionSecret };
}

type StoredSecrets = Partial<LocalSecrets> & Record<string, unknown>;

function readSecrets(file: string): StoredSecrets | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as StoredSecrets;
  } catch {
    // fall through to the error below
  }
  // Never regenerate silently: a running app would keep the old secret and sign-in would break
  // in a confusing way. Tell the developer what to do instead.
  throw new Error(`ensureLocalSecrets: ${file} is not a JSON object. Delete it to generate new local secrets.`);
}

function isComplete(stored: StoredSecrets): stored is StoredSecrets & LocalSecrets {
  return (Object.keys(GENERATORS) as (keyof LocalSecrets)[]).every(
    (key) => typeof stored[key] === "string" && (stored[key] as string).length >= 16,
  );
}

function generate(base: StoredSecrets): StoredSecrets & LocalSecrets {
  const next: StoredSecrets = { ...base };
  for (const key of Object.keys(GENERATORS) as (keyof LocalSecrets)[]) {
    if (typeof next[key] !== "string" || (next[key] as string).length < 16) next[key] = GENERATORS[key]();
  }
  return next as StoredSecrets & LocalSecrets;
}

function writeTemp(file: string, contents: StoredSecrets): string {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return temp;
}

/** Returns the secrets if this process created the file, undefined if another one won the race. */
function createIfAbsent(file: string, contents: StoredSecrets & LocalSecrets): LocalSecrets | undefined {
  const temp = writeTemp(file, contents);
  try {
    fs.linkSync(temp, file);
    return { clientSecret: contents.clientSecret, sessionSecret: contents.sessionSecret };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function replace(file: string, contents: StoredSecrets): void {
  const temp = writeTemp(file, contents);
  fs.renameSync(temp, file);
}

function tightenMode(file: string): void {
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}
