"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { buttonStyles } from "@/app/_components/ui";
import { STEP_UP_WORDS } from "@/lib/connections/step-up-words";
import { stepUpSignInPath } from "@/lib/auth/step-up-path";
import { continueAfterStepUpAction, type FormResult } from "../actions";
import { Spinner } from "../_components/field";

/**
 * A request waits for the person to confirm their sign-in (Azure's claims challenge). First
 * "Continue" sends them through sign-in with Azure's claims (a second factor) and back here with
 * `?stepUp=done`; then one button carries on with the work that waited, with the new sign-in.
 * (If they come back without the second factor, Azure asks again and the request waits again.)
 */
export function StepUpPanel({ requestId, claims, waitingFor, signedInAgain }: { requestId: string; claims: string; waitingFor: "creation" | "withdraw"; signedInAgain: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<FormResult>(null);
  const here = `/requests/${requestId}`;

  const resume = () => {
    setResult(null);
    startTransition(async () => {
      const answer = await continueAfterStepUpAction(requestId);
      setResult(answer);
      // Back to the plain address: the wait is over (or Azure asks again, and the panel shows that).
      if (answer?.ok) router.replace(here);
    });
  };

  return (
    <section aria-labelledby="step-up-heading" className="rounded-fl-lg border-l-4 border-warning bg-warning-bg px-4 py-3 text-sm text-fg1" data-testid="step-up-panel">
      <h2 id="step-up-heading" className="mb-1 font-semibold text-warning">
        {STEP_UP_WORDS.ask}
      </h2>
      {signedInAgain ? (
        <>
          <p>{STEP_UP_WORDS.confirmed} Crosslink can now go on with your request.</p>
          <p className="mt-3">
            <button type="button" className={buttonStyles.primary} disabled={pending} onClick={resume} data-testid="step-up-resume">
              {pending ? <Spinner inherit label="Continuing…" /> : STEP_UP_WORDS.resume[waitingFor]}
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            {waitingFor === "creation"
              ? "Azure requires multifactor authentication before it creates a private endpoint with your account. Nothing was created yet."
              : "Azure requires multifactor authentication before it deletes the private endpoint with your account. The endpoint was not deleted."}{" "}
            Sign in again and approve the second factor; you come back here.
          </p>
          <p className="mt-3">
            <a href={stepUpSignInPath(claims, `${here}?stepUp=done`)} className={buttonStyles.primary} data-testid="step-up-sign-in">
              {STEP_UP_WORDS.confirm}
            </a>
          </p>
        </>
      )}
      {result && !result.ok && (
        <p role="alert" className="mt-2 text-danger" data-testid="step-up-result">
          {result.message}
        </p>
      )}
    </section>
  );
}
