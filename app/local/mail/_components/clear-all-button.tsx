"use client";

import { useActionState } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { Spinner } from "@/app/requests/_components/field";
import { clearAllMailAction, type ClearResult } from "../actions";

/** Empties the catcher; works without JavaScript too (a plain form post). */
export function ClearAllButton() {
  const [result, formAction, pending] = useActionState<ClearResult>(clearAllMailAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <button type="submit" className={buttonStyles.secondary} disabled={pending}>
        {pending ? <Spinner inherit label="Clearing…" /> : "Clear all"}
      </button>
      {result && (
        <p role="alert" className="text-sm text-danger">
          {result.message}
        </p>
      )}
    </form>
  );
}
