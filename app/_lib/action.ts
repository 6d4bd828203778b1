import "server-only";
import { withAzureClientRequestId } from "@/lib/azure/client-request-id";
import { unstable_rethrow } from "next/navigation";
import type { Requirement } from "@/lib/auth/authorize";
import type { Principal } from "@/lib/auth/principal";
import { errorAnswer, type ErrorAnswer } from "@/lib/core/error-answer";
import { getSharedServices, type Services } from "@/lib/services";
import { formSummary } from "./action-summary";
import { currentRequestId } from "./request-context";
import { requirePrincipal } from "./session";

/**
 * The one wrapper of every server action: who is asking (someone not signed in is sent to sign in,
 * someone without the role gets the 403 page), the services, the request id; then the use case.
 * A failure comes back as an ActionError the form shows (a message, and one per field), built by
 * the same map as route handlers' JSON errors (lib/core/error-answer.ts). Next.js's own control
 * flow (redirect, notFound) passes through.
 */
export type ActionError = ErrorAnswer & { ok: false; requestId: string };

export type ActionContext = { principal: Principal; services: Services; requestId: string };

export async function action<T>(requirement: Requirement, work: (ctx: ActionContext) => Promise<T>): Promise<T | ActionError> {
  const principal = await requirePrincipal(requirement);
  const requestId = await currentRequestId();
  try {
    // Azure calls made for this action carry its id (x-ms-client-request-id).
    return await withAzureClientRequestId(requestId, () => work({ principal, services: getSharedServices(), requestId }));
  } catch (err) {
    unstable_rethrow(err);
    const answer = errorAnswer(err, requestId);
    const { fieldErrors, ...rest } = answer;
    return { ok: false, ...rest, ...(fieldErrors ? formSummary(fieldErrors) : {}), requestId };
  }
}

/** A text field of a submitted form ("" when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
