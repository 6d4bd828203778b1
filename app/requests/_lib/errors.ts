import "server-only";
import { toActionError, type ActionError } from "@/app/_lib/action-result";
import { logger } from "@/lib/log/logger";

/**
 * toActionError, plus errors recognised by name. Azure access comes from getSharedServices(),
 * whose object is created once per process on globalThis, possibly by another bundle
 * (instrumentation.ts starts the worker): its AzureError and ReauthenticationRequired are then
 * other classes than the ones this bundle imports, and `instanceof` fails (a 500 instead of the
 * user's message, or instead of "sign in again"). Their names and fields are stable, so match those.
 */
export function toConsumerError(err: unknown, requestId: string): ActionError {
  const e = err as { name?: unknown; message?: unknown; userMessage?: unknown; status?: unknown; code?: unknown } | null;
  if (e && typeof e === "object") {
    if (e.name === "ReauthenticationRequired") {
      return { ok: false, status: 401, message: typeof e.message === "string" ? e.message : "Sign in again to continue.", code: "reauthenticate" };
    }
    if (e.name === "AzureError" && typeof e.userMessage === "string") {
      const status = typeof e.status === "number" ? e.status : null;
      logger.warn({ requestId, azure: { code: e.code, status } }, "Azure refused an operation");
      return { ok: false, status: status && status < 500 ? 400 : 502, message: e.userMessage, code: typeof e.code === "string" ? e.code : undefined };
    }
  }
  return toActionError(err, requestId);
}
