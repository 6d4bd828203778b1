// zod/mini: this module runs in the browser, where the full zod would add its weight to the page.
import { z } from "zod/mini";
import { getJson } from "@/app/_lib/json-client";
import { availableCommands, REQUEST_STATES, type RequestState } from "@/lib/domain/connection-lifecycle";
import type { InboxItemJson } from "@/lib/connections/provider-inbox";
import { inProgressLabel } from "@/lib/domain/request-words";
import { exactTime, relativeAge } from "@/app/_lib/dates";
import { targetTypeLabel } from "@/lib/domain/private-link-catalog";
import { decisionsOf, type ProviderDecision } from "./format";

/** The read model's row as GET /api/v1/provider/requests sends it. */
type InboxItem = InboxItemJson;

const itemSchema = z.object({
  id: z.string(),
  state: z.string(),
  pendingAction: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  consumerTenantId: z.string(),
  consumerTenantName: z.string(),
  requesterName: z.nullable(z.string()),
  requesterEmail: z.nullable(z.string()),
  requestMessage: z.string(),
  targetName: z.string(),
  targetType: z.string(),
  targetResourceId: z.string(),
  groupId: z.string(),
  version: z.number(),
  lastError: z.nullable(z.string()),
  targetKind: z.nullable(z.string()),
}) satisfies z.ZodMiniType<InboxItem>;

/** The data endpoint's answer, checked before the page shows any of it. */
const inboxDataSchema = z.object({
  items: z.array(itemSchema),
  nextCursor: z.nullable(z.string()),
  previousCursor: z.nullable(z.string()),
  counts: z.record(z.enum(REQUEST_STATES), z.number()),
});
export type InboxData = z.infer<typeof inboxDataSchema>;

export const LIST_NOT_UNDERSTOOD = "Crosslink sent a list this page does not understand. Reload the page to get the current version.";

/** Loads one page of the inbox from the data endpoint; every failure is a JsonError in words. */
export function fetchInbox(url: string, signal?: AbortSignal): Promise<InboxData> {
  return getJson(url, inboxDataSchema, { signal, notUnderstood: LIST_NOT_UNDERSTOOD });
}

/** One inbox row as the table shows it: dates and codes in words, and the provider's decisions. */
export type InboxRowView = Omit<InboxItem, "pendingAction" | "createdAt" | "updatedAt" | "targetType" | "targetKind"> & {
  pendingLabel: string | null;
  age: string;
  exactTime: string;
  createdAtIso: string;
  targetTypeLabel: string;
  decisions: ProviderDecision[];
};

export function toView(item: InboxItem, now: Date): InboxRowView {
  const { pendingAction, createdAt, updatedAt: _updatedAt, targetType, targetKind, ...shownAsIs } = item;
  const created = new Date(createdAt);
  return {
    ...shownAsIs,
    pendingLabel: pendingAction ? inProgressLabel(pendingAction) : null,
    age: relativeAge(created, now),
    exactTime: exactTime(created),
    createdAtIso: createdAt,
    targetTypeLabel: targetTypeLabel(targetType, targetKind),
    // Only what the lifecycle offers the provider, and nothing while a change is being applied.
    decisions: pendingAction ? [] : decisionsOf(availableCommands(item.state as RequestState, "provider")),
  };
}
