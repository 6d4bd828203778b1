"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { buttonStyles } from "@/app/_components/ui";
import { Spinner } from "@/app/requests/_components/field";
import type { ActionError } from "@/app/_lib/action";
import { saveEmailPreferencesAction } from "../actions";

type Preference = { type: string; label: string; description: string; emailed: boolean };
type Result = { ok: true; message: string } | ActionError | null;

/**
 * One checkbox per kind of change. The boxes are the person's own state until saved (a refresh of
 * the page's data does not undo what they ticked), and the answer is announced next to Save.
 */
export function EmailPreferencesForm({ preferences }: { preferences: Preference[] }) {
  const [emailed, setEmailed] = useState(() => new Set(preferences.filter((p) => p.emailed).map((p) => p.type)));
  const [result, dispatch, pending] = useActionState<Result, FormData>((_previous, data) => saveEmailPreferencesAction(data), null);
  const [dirty, setDirty] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setDirty(false);
    startTransition(() => dispatch(data));
  };
  const toggle = (type: string, on: boolean) => {
    setDirty(true);
    setEmailed((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="email-preferences">
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">Email me about these changes to requests I filed</legend>
        {preferences.map((p) => (
          <label key={p.type} className="flex cursor-pointer items-start gap-3">
            <input
              type="checkbox"
              name="emailed"
              value={p.type}
              checked={emailed.has(p.type)}
              onChange={(e) => toggle(p.type, e.target.checked)}
              aria-describedby={`pref-${p.type.replace(/\W/g, "-")}-hint`}
              className="mt-1 h-4 w-4 accent-brand"
            />
            <span>
              <span className="block text-sm font-semibold">{p.label}</span>
              <span id={`pref-${p.type.replace(/\W/g, "-")}-hint`} className="block text-xs text-fg2">
                {p.description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`${buttonStyles.primary} aria-disabled:cursor-wait aria-disabled:opacity-50`} aria-disabled={pending || undefined}>
          {pending ? <Spinner inherit label="Saving…" /> : "Save"}
        </button>
        <div aria-live="polite" className="text-sm" data-testid="preferences-result">
          {!dirty && result?.ok && <span className="text-success">{result.message}</span>}
          {result && !result.ok && <span className="text-danger">{result.message}</span>}
        </div>
      </div>
    </form>
  );
}
