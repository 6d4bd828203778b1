import "server-only";
import { isAzureError } from "@/lib/azure";
import type { ActionError } from "@/app/_lib/action-result";

/**
 * An AzureError, recognised by its shape as well as its class. The shared services (and with them
 * lib/azure) are first built by instrumentation.ts, which Next.js bundles apart from pages and
 * actions, so an AzureError thrown there is an instance of the *other* bundle's class and
 * `isAzureError` (instanceof) misses it.
 */
export type AzureFailure = { code: string; status: number | null; userMessage: string; requestId: string | null };

export function azureFailure(err: unknown): AzureFailure | null {
  if (isAzureError(err)) return { code: err.code, status: err.status, userMessage: err.userMessage, requestId: err.requestId };
  if (!(err instanceof Error) || err.name !== "AzureError") return null;
  const e = err as Error & Partial<AzureFailure>;
  if (typeof e.userMessage !== "string" || typeof e.code !== "string") return null;
  return { code: e.code, status: typeof e.status === "number" ? e.status : null, userMessage: e.userMessage, requestId: typeof e.requestId === "string" ? e.requestId : null };
}

/** What toActionError would answer for an AzureError, for one it cannot recognise. */
export function azureActionError(err: unknown): ActionError | null {
  const azure = isAzureError(err) ? null : azureFailure(err);
  if (!azure) return null;
  return { ok: false, status: azure.status && azure.status < 500 ? 400 : 502, message: azure.userMessage, code: azure.code };
}
