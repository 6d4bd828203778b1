"use client";

import { buttonStyles } from "@/app/_components/ui";
import type { JsonError } from "@/app/_lib/json-client";
import { ARM_CONSENT_CODE } from "@/lib/auth/arm-consent";
import { AzureAccessNeeded } from "./azure-access-needed";
import { SignInAgainLink } from "./field";
import { useCurrentPath } from "./use-current-path";

/**
 * Why something the page reads from Crosslink could not be loaded, and the way out: sign in again
 * when the session ended (there is nothing to retry without one), otherwise Try again. The
 * reference (unless the message already quotes it) lets an administrator find the request in the logs.
 */
export function LoadProblem({ error, onRetry, signInNote }: { error: JsonError; onRetry: () => void; signInNote?: string }) {
  const returnTo = useCurrentPath();
  if (error.code === ARM_CONSENT_CODE) return <AzureAccessNeeded message={error.message} returnTo={returnTo} note={signInNote && `(${signInNote})`} />;
  return (
    <div role="alert" className="space-y-2 rounded-fl border border-danger bg-danger-bg px-3 py-2 text-sm">
      <p className="text-danger">
        {error.message}
        {error.kind !== "sign-in" && error.requestId && !error.message.includes(error.requestId) && (
          <>
            {" "}
            Reference: <span className="font-mono">{error.requestId}</span>
          </>
        )}
      </p>
      {error.kind === "sign-in" ? (
        <p>
          <SignInAgainLink returnTo={returnTo} />
          {signInNote && ` — ${signInNote}`}
        </p>
      ) : (
        <button type="button" className={buttonStyles.secondary} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
