import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { Spinner } from "./field";

/**
 * A consumer form's submit button and Cancel (back to My requests). While the action runs the
 * button says so and is aria-disabled rather than disabled: a disabled button drops the keyboard
 * focus, and the form's onSubmit ignores a second submit anyway.
 */
export function FormActions({ pending, label, pendingLabel, note }: { pending: boolean; label: string; pendingLabel: string; note?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" className={`${buttonStyles.primary} aria-disabled:cursor-wait aria-disabled:opacity-50`} aria-disabled={pending || undefined}>
        {pending ? <Spinner inherit label={pendingLabel} /> : label}
      </button>
      <Link href="/requests" className={buttonStyles.subtle}>
        Cancel
      </Link>
      {note && <p className="text-xs text-fg3">{note}</p>}
    </div>
  );
}
