import type { ActionError } from "@/app/_lib/action";

/** What the provider's server actions return to the forms that call them. */
export type ActionOk = { ok: true; message: string };
export type FormResult = ActionOk | ActionError | null;

export type BulkItemResult = { requestId: string; ok: boolean; message: string };
export type BulkResult = { ok: true; decision: "approve" | "reject"; results: BulkItemResult[] } | ActionError | null;
