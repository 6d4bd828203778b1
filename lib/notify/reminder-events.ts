import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { addMessage } from "../outbox/outbox";
import { REMINDER_TYPES } from "./notification-types";

/**
 * A reminder is not a change of the request, so it is not a request event: it is raised by the
 * reminder sweep (reminders.ts) into the same outbox, and fanned out to routes like one.
 */
export const reminderEventSchema = z.object({
  type: z.enum(REMINDER_TYPES),
  requestId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  waitingHours: z.number().nonnegative(),
  providerTenantId: z.string(),
  providerResourceId: z.string().nullable(),
  consumerTenantId: z.string(),
});
export type ReminderEvent = z.infer<typeof reminderEventSchema>;

export async function appendReminderEvent(tx: DbOrTx, event: ReminderEvent): Promise<void> {
  const checked = reminderEventSchema.parse(event);
  await addMessage(tx, { kind: "event", topic: checked.type, payload: checked });
}
