/**
 * Who has consented to Crosslink's Azure access (ARM `user_impersonation`), as Entra keeps it in
 * oauth2PermissionGrants: tenant-wide grants (admin consent) and per-user grants (user consent).
 *
 * The demo world says where each tenant starts (`armConsent` in dev/world/demo-tenants.ts, and
 * `armConsented` for users who accepted long ago); grants made here add to that. With a `file`
 * the grants survive restarts (main.ts keeps them in the data directory; `--fresh` deletes the
 * file, which restores the demo world's starting state). Without one they live in memory.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { findTenant, type ArmConsentState } from "../world/demo-tenants";
import type { Account } from "./directory";

export type ConsentStore = {
  /** The tenant's state now: `granted` once an administrator consented here. */
  tenantState(tenantId: string): ArmConsentState;
  /** Crosslink may get ARM tokens for this user without asking anyone. */
  hasArmConsent(account: Account): boolean;
  /** The user accepted the consent screen (for themselves only). */
  grantForUser(account: Account): void;
  /** An administrator consented for everyone in their tenant. */
  grantForTenant(tenantId: string): void;
};

const fileSchema = z.object({
  tenants: z.array(z.string()).default([]),
  users: z.array(z.string()).default([]),
});

const userKey = (account: Account) => `${account.tenant.tenantId}:${account.user.oid}`;

export function createConsentStore(options: { file?: string } = {}): ConsentStore {
  const saved = options.file ? readFile(options.file) : { tenants: [], users: [] };
  const tenants = new Set(saved.tenants);
  const users = new Set(saved.users);

  const save = () => {
    if (!options.file) return;
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const tmp = `${options.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ tenants: [...tenants], users: [...users] }, null, 2));
    fs.renameSync(tmp, options.file);
  };

  const tenantState = (tenantId: string): ArmConsentState => {
    if (tenants.has(tenantId)) return "granted";
    return findTenant(tenantId)?.armConsent ?? "granted";
  };

  return {
    tenantState,
    hasArmConsent(account) {
      if (tenantState(account.tenant.tenantId) === "granted") return true;
      // A user's own grant stays valid even where user consent is now off, as in Entra; only
      // new user grants are impossible in an admin-required tenant.
      return account.user.armConsented === true || users.has(userKey(account));
    },
    grantForUser(account) {
      users.add(userKey(account));
      save();
    },
    grantForTenant(tenantId) {
      tenants.add(tenantId);
      save();
    },
  };
}

function readFile(file: string): z.infer<typeof fileSchema> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { tenants: [], users: [] };
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a consent file of the local Entra ID; delete it to start over.`);
  return parsed.data;
}
