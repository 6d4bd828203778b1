"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { action, formText, type ActionError } from "@/app/_lib/action";
import { markAllRead, markRead, unreadCount } from "@/lib/notify/in-app/queries";
import { parseInput } from "@/lib/core/parse";

/**
 * Marking in-app notifications read. Each answers with the person's unread count, so the bell
 * follows at once instead of at the next poll. Only ever the signed-in person's own notifications.
 */
export type MarkResult = { ok: true; unread: number; unreadMore: boolean } | ActionError | null;

const upToSchema = z.object({ upTo: z.iso.datetime().optional().catch(undefined) });

async function unreadAfter(work: Parameters<typeof action>[1]) {
  return action({}, async (ctx) => {
    await work(ctx);
    const unread = await unreadCount(ctx.services.db, ctx.principal);
    return { ok: true as const, unread: unread.count, unreadMore: unread.more };
  });
}

/** A notification was opened (its link followed): the page it leads to is shown next, no refresh. */
export async function openNotificationAction(id: string): Promise<MarkResult> {
  return unreadAfter(({ principal, services }) => markRead(services.db, principal, id));
}

/** The "Mark read" button of one notification. */
export async function markReadAction(_prev: MarkResult, formData: FormData): Promise<MarkResult> {
  return unreadAfter(async ({ principal, services }) => {
    await markRead(services.db, principal, formText(formData, "id"));
    refresh();
  });
}

/** "Mark all read": those shown when the page was rendered (`upTo`), not one that arrived since. */
export async function markAllReadAction(_prev: MarkResult, formData: FormData): Promise<MarkResult> {
  return unreadAfter(async ({ principal, services }) => {
    const { upTo } = parseInput(upToSchema, { upTo: formText(formData, "upTo") || undefined });
    await markAllRead(services.db, principal, upTo ? new Date(upTo) : undefined);
    refresh();
  });
}
