import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Principal } from "@/lib/auth/principal";
import type { ActionError } from "@/app/_lib/action-result";
import { toActionError } from "@/app/_lib/action-result";
import { requestIdOf } from "@/app/_lib/http";
import { getPrincipal } from "@/app/_lib/session";

/**
 * The consumer's JSON endpoints: every answer is uncached, errors have the same shape as server
 * actions' (`{ ok: false, status, message, code? }`), and nothing runs without a session.
 */
const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function errorJson(error: ActionError) {
  return json(error, error.status);
}

/** Runs `work` for the signed-in person; 401 without a session, use-case errors mapped like actions. */
export async function asConsumer(request: NextRequest, work: (principal: Principal, requestId: string) => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  const principal = await getPrincipal();
  if (!principal) return errorJson({ ok: false, status: 401, message: "Your session has ended. Sign in again to continue.", code: "unauthenticated" });
  try {
    return await work(principal, requestId);
  } catch (err) {
    return errorJson(toActionError(err, requestId));
  }
}
