import { z } from "zod";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { authorize } from "../auth/authorize";
import { recordAudit } from "../audit/audit-log";
import { personActor } from "../core/actor";
import { ValidationError } from "../core/errors";
import { parseInput } from "../core/parse";

/**
 * When a Pending request reminds the provider: tenant-wide, with an override per resource.
 * Escalation follows at twice the time. Admins of the provider tenant set them.
 */
export type ReminderSettings = { defaultHours: number; tenantHours: number | null; resources: { id: string; name: string; hours: number | null }[] };

export async function reminderSettings(db: Db, principal: Principal, defaultHours: number): Promise<ReminderSettings> {
  const admin = authorize(principal, { role: "admin" });
  const [tenant, resources] = await Promise.all([
    db.tenant.findUnique({ where: { id: admin.tenantId }, select: { reminderAfterHours: true } }),
    db.providerResource.findMany({ where: { tenantId: admin.tenantId, managed: true }, select: { id: true, name: true, reminderAfterHours: true }, orderBy: { name: "asc" } }),
  ]);
  return { defaultHours, tenantHours: tenant?.reminderAfterHours ?? null, resources: resources.map((r) => ({ id: r.id, name: r.name, hours: r.reminderAfterHours })) };
}

const hours = z
  .union([z.literal(""), z.coerce.number({ error: "Give a number of hours." }).int("Give whole hours.").min(1, "At least 1 hour.").max(720, "At most 720 hours (30 days).")])
  .transform((v) => (v === "" ? null : v));
const inputSchema = z.object({ scope: z.string().min(1).max(64), hours });

/** Sets the tenant's time (scope "tenant") or a resource's; an empty value goes back to the default. */
export async function saveReminderHours(db: Db, principal: Principal, raw: unknown, httpRequestId?: string): Promise<void> {
  const admin = authorize(principal, { role: "admin" });
  const input = parseInput(inputSchema, raw);
  await db.$transaction(async (tx) => {
    if (input.scope === "tenant") {
      await tx.tenant.update({ where: { id: admin.tenantId }, data: { reminderAfterHours: input.hours } });
    } else {
      const changed = await tx.providerResource.updateMany({ where: { id: input.scope, tenantId: admin.tenantId }, data: { reminderAfterHours: input.hours } });
      if (changed.count === 0) throw new ValidationError({ scope: "Choose one of your resources." });
    }
    await recordAudit(tx, { actor: personActor("admin", admin), action: "notify.reminder_time_set", target: { type: input.scope === "tenant" ? "tenant" : "resource", id: input.scope === "tenant" ? admin.tenantId : input.scope }, tenantId: admin.tenantId, httpRequestId, details: { hours: input.hours } });
  });
}
