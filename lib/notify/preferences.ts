import { z } from "zod";
import type { Db } from "../db/client";
import type { Principal } from "../auth/principal";
import { authorize } from "../auth/authorize";
import { parseInput } from "../core/parse";
import { emailAddressOf } from "./user-address";
import { CONSUMER_EMAIL_EVENTS, NOTIFICATION_TYPE_LABELS, type ConsumerEmailEvent } from "./notification-types";

/**
 * Each person's email choices: by default they are emailed at every change of the requests they
 * filed; they can turn off each kind of change. Only their own choices, by their user ID.
 */
export type EmailPreference = { type: ConsumerEmailEvent; label: string; description: string; emailed: boolean };

export async function emailPreferences(db: Db, principal: Principal): Promise<{ address: string | null; preferences: EmailPreference[] }> {
  const me = authorize(principal);
  const [user, optOuts] = await Promise.all([
    db.user.findUnique({ where: { id: me.userId }, select: { email: true, username: true } }),
    db.notificationOptOut.findMany({ where: { userId: me.userId }, select: { eventType: true } }),
  ]);
  const off = new Set(optOuts.map((o) => o.eventType));
  const address = user ? emailAddressOf(user) : null;
  return {
    address,
    preferences: CONSUMER_EMAIL_EVENTS.map((type) => ({ type, ...NOTIFICATION_TYPE_LABELS[type], emailed: !off.has(type) })),
  };
}

const choicesSchema = z.object({
  // The boxes left ticked; anything that is not a known type is refused, not ignored.
  emailed: z.array(z.enum(CONSUMER_EMAIL_EVENTS, { error: "Unknown kind of notification." })).max(CONSUMER_EMAIL_EVENTS.length),
});

export async function saveEmailPreferences(db: Db, principal: Principal, raw: unknown): Promise<void> {
  const me = authorize(principal);
  const { emailed } = parseInput(choicesSchema, raw);
  const off = CONSUMER_EMAIL_EVENTS.filter((t) => !emailed.includes(t));
  await db.$transaction([
    db.notificationOptOut.deleteMany({ where: { userId: me.userId } }),
    db.notificationOptOut.createMany({ data: off.map((eventType) => ({ userId: me.userId, eventType })) }),
  ]);
}
