import { isAppError } from "./errors";
import { fieldErrorsOf } from "./parse";
import { isAzureError, userMessageWithSupportIds } from "../azure/azure-error";
import { ReauthenticationRequired } from "../auth/delegated-token";
import { ARM_ACCESS_SIGN_IN_URL, ARM_CONSENT_CODE, ArmConsentRequired } from "../auth/arm-consent";
import { stepUpClaimsOf } from "../auth/step-up";
import { logger } from "../log/logger";
import type { z } from "zod";

/**
 * The one map from a thrown value to what people and programs are told: an HTTP status, a stable
 * code, a message for people, and per-field messages for forms. Server actions and route handlers
 * both answer with it. Anything unexpected is logged with the request id and answered with a
 * generic message quoting that id: internals never reach the browser.
 */
export type ErrorAnswer = {
  status: number;
  code: string;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Where to send the person to fix it (a sign-in with something extra); the page adds returnTo. */
  signInUrl?: string;
  /** code "step_up": the claims to sign in with (`/auth/sign-in?claims=…&returnTo=…`). */
  stepUpClaims?: string;
};

export function errorAnswer(err: unknown, requestId: string): ErrorAnswer {
  if (isAppError(err)) {
    if (err.kind === "validation") return { status: err.status, code: err.code, message: err.message, fieldErrors: err.fieldErrors ?? {} };
    return { status: err.status, code: err.code, message: err.message };
  }
  // A schema anywhere refused input the use case did not parse itself: still bad input, not a crash.
  if (isZodError(err)) {
    const fieldErrors = fieldErrorsOf(err);
    return { status: 400, code: "validation", message: Object.values(fieldErrors).join(" "), fieldErrors };
  }
  // Before ReauthenticationRequired: a step-up is one, but asks for a second factor, not just a new sign-in.
  const stepUpClaims = stepUpClaimsOf(err);
  if (stepUpClaims !== undefined) return { status: 401, code: "step_up", message: (err as Error).message, stepUpClaims };
  if (ArmConsentRequired.is(err)) {
    const e = err as ArmConsentRequired;
    return { status: 401, code: ARM_CONSENT_CODE, message: e.message, signInUrl: e.signInUrl ?? ARM_ACCESS_SIGN_IN_URL };
  }
  if (ReauthenticationRequired.is(err)) return { status: 401, code: "reauthenticate", message: (err as Error).message };
  if (isAzureError(err)) {
    logger().warn({ requestId, azure: err.toJSON?.() ?? { code: err.code, status: err.status } }, "Azure refused an operation");
    return { status: err.status && err.status < 500 ? 400 : 502, code: err.code || "azure_error", message: userMessageWithSupportIds(err) };
  }
  logger().error({ requestId, err }, "unexpected error");
  return { status: 500, code: "internal", message: `Something went wrong on our side. Try again; if it keeps happening, quote reference ${requestId}.` };
}

function isZodError(err: unknown): err is z.ZodError {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "ZodError" && Array.isArray((err as { issues?: unknown }).issues);
}
