"use client";

import { useEffect, useRef } from "react";
import type { ActionError } from "@/app/_lib/action";
import { ARM_CONSENT_CODE } from "@/lib/auth/arm-consent";
import { AzureAccessNeeded } from "./azure-access-needed";
import { SignInAgainLink } from "./field";
import { FORM_PROBLEM_ID } from "./use-action-form";
import { useCurrentPath } from "./use-current-path";

/**
 * Why the server refused a form, at its top: a summary that takes the focus (it is not about any
 * one field, so there is no field to take the person to), or the server's line about the field
 * errors it found, which sit next to their fields. `title` says what did not happen.
 */
export function FormProblem({ problem, title }: { problem: { summary: ActionError | null; fieldsMessage: string | null }; title: string }) {
  const { summary, fieldsMessage } = problem;
  const ref = useRef<HTMLDivElement>(null);
  const returnTo = useCurrentPath();
  useEffect(() => {
    if (summary) ref.current?.focus();
  }, [summary]);

  if (summary?.code === ARM_CONSENT_CODE) {
    return (
      <div id={FORM_PROBLEM_ID} ref={ref} tabIndex={-1}>
        <AzureAccessNeeded message={summary.message} returnTo={returnTo} />
      </div>
    );
  }
  if (summary) {
    const signIn = summary.status === 401;
    return (
      <div id={FORM_PROBLEM_ID} ref={ref} tabIndex={-1} role="alert" className="rounded-fl border border-danger bg-danger-bg px-4 py-3 text-sm text-danger">
        <p className="font-semibold">{summary.stepUpClaims ? "Azure asks you to confirm your sign-in with a second factor" : signIn ? "Your sign-in has expired" : title}</p>
        <p className="mt-1 text-fg1">
          {summary.message} {signIn && <SignInAgainLink returnTo={returnTo} claims={summary.stepUpClaims} />}
        </p>
      </div>
    );
  }
  if (fieldsMessage) {
    return (
      <p role="alert" className="rounded-fl bg-danger-bg px-4 py-2 text-sm text-danger">
        {fieldsMessage}
      </p>
    );
  }
  return null;
}
