"use client";

import { useActionState, useId, useState, useTransition } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { FieldError, inputStyles } from "@/app/requests/_components/field";
import { redeliverAction, redeliverFailedSinceAction } from "../actions";
import type { Result } from "../_lib/types";

/** Sends one delivery again (same webhook-id), and says so next to the button. */
export function RedeliverButton({ deliveryId, what }: { deliveryId: string; what: string }) {
  const [result, setResult] = useState<Result>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={`${buttonStyles.secondary} min-h-7 px-2 text-xs`}
        aria-label={`Redeliver: ${what}`}
        aria-disabled={pending || undefined}
        onClick={() => !pending && startTransition(async () => setResult(await redeliverAction(deliveryId)))}
      >
        {pending ? "Sending…" : "Redeliver"}
      </button>
      <span aria-live="polite" className="text-xs">
        {result?.ok && <span className="text-success">{result.message}</span>}
        {result && !result.ok && <span className="text-danger">{result.message}</span>}
      </span>
    </div>
  );
}

/** Sends again everything of the route that failed (dead or skipped) since a time given in UTC. */
export function RedeliverSinceForm({ routeId, defaultSince }: { routeId: string; defaultSince: string }) {
  const id = useId();
  const [since, setSince] = useState(defaultSince);
  const [state, formAction, pending] = useActionState<Result, FormData>((_previous, data) => redeliverFailedSinceAction(routeId, data), null);
  const refused = state && !state.ok ? state : null;
  const fieldError = refused?.fieldErrors?.since ?? null;
  return (
    <form action={formAction} noValidate className="space-y-2 rounded-fl bg-surface2 p-3" data-testid="redeliver-since">
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-since`} className="block text-sm font-semibold">
            Redeliver everything that failed since (UTC)
          </label>
          <input
            id={`${id}-since`}
            name="since"
            type="datetime-local"
            value={since}
            onChange={(e) => setSince(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
            className={`${inputStyles} w-auto`}
          />
        </div>
        <button type="submit" className={buttonStyles.secondary} disabled={pending}>
          {pending ? "Sending…" : "Redeliver failed"}
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-fg3">
        Dead and skipped deliveries created since then are sent again, each with the webhook-id it had, so a receiver that got one after all can tell it is a repeat.
      </p>
      <div aria-live="polite">
        <FieldError id={`${id}-error`} error={fieldError} />
        {refused && !fieldError && <p className="text-sm text-danger">{refused.message}</p>}
        {state?.ok && <p className="text-sm text-success">{state.message}</p>}
      </div>
    </form>
  );
}
