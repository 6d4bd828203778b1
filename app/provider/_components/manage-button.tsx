"use client";

import { useActionState } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { setManagedAction } from "../actions";
import type { FormResult } from "../_lib/types";

/**
 * Register / Unregister one resource. A plain form posting to a server action, so it also works
 * before the page's JavaScript has loaded; the result or Azure's refusal shows next to the button.
 */
export function ManageButton({ resourceId, name, managed }: { resourceId: string; name: string; managed: boolean }) {
  const [state, formAction, pending] = useActionState<FormResult, FormData>(setManagedAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="manage" value={managed ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={managed ? buttonStyles.secondary : buttonStyles.primary}
        aria-label={`${managed ? "Unregister" : "Register"} ${name}`}
      >
        {pending ? (managed ? "Unregistering…" : "Registering…") : managed ? "Unregister" : "Register"}
      </button>
      {failed && (
        <p role="alert" className="max-w-[18rem] text-right text-xs text-danger">
          {failed.message}
        </p>
      )}
    </form>
  );
}
