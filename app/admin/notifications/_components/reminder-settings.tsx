"use client";

import { useActionState, useId, useState } from "react";
import type { ReminderSettings } from "@/lib/notify/reminder-settings";
import { buttonStyles } from "@/app/_components/ui";
import { FieldError, inputStyles } from "@/app/requests/_components/field";
import { saveReminderHoursAction } from "../actions";
import type { Result } from "../_lib/types";

/**
 * When a Pending request reminds the routes: tenant-wide (empty: the configured default) and per
 * resource (empty: the tenant's time). One small form per line, so each saves on its own and
 * says so next to itself.
 */
export function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const tenantEffective = settings.tenantHours ?? settings.defaultHours;
  return (
    <div className="divide-y divide-stroke2" data-testid="reminder-settings">
      <ReminderRow
        scope="tenant"
        scopeName="All resources"
        label="All resources (tenant-wide)"
        hint={`Empty: the default, ${hoursText(settings.defaultHours)}.`}
        hours={settings.tenantHours}
        placeholder={String(settings.defaultHours)}
      />
      {settings.resources.map((r) => (
        <ReminderRow
          key={r.id}
          scope={r.id}
          scopeName={r.name}
          label={r.name}
          hint={`Empty: the tenant's time, ${hoursText(tenantEffective)}.`}
          hours={r.hours}
          placeholder={String(tenantEffective)}
        />
      ))}
    </div>
  );
}

function hoursText(hours: number): string {
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

function ReminderRow({ scope, scopeName, label, hint, hours, placeholder }: { scope: string; scopeName: string; label: string; hint: string; hours: number | null; placeholder: string }) {
  const id = useId();
  const [value, setValue] = useState(hours === null ? "" : String(hours));
  const [state, formAction, pending] = useActionState<Result, FormData>((_previous, data) => saveReminderHoursAction(data), null);
  const refused = state && !state.ok ? state : null;
  const fieldError = refused?.fieldErrors?.hours ?? null;
  const otherError = refused && !fieldError ? refused.message : null;
  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-x-4 gap-y-2 py-3" data-testid={`reminder-${scope}`}>
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="scopeName" value={scopeName} />
      <div className="min-w-[12rem] flex-1 space-y-0.5">
        <label htmlFor={`${id}-hours`} className="block break-all text-sm font-semibold">
          <span className="sr-only">Reminder time in hours, </span>
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-fg3">
          {hint}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`${id}-hours`}
          name="hours"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          step={1}
          value={value}
          placeholder={placeholder}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputStyles} w-24`}
        />
        <span className="text-sm text-fg2" aria-hidden="true">
          hours
        </span>
        <button type="submit" className={buttonStyles.secondary} disabled={pending} aria-label={`Save the reminder time of ${scopeName}`}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      <div className="basis-full" aria-live="polite">
        <FieldError id={`${id}-error`} error={fieldError} />
        {otherError && <p className="text-sm text-danger">{otherError}</p>}
        {state?.ok && <p className="text-sm text-success">{state.message}</p>}
      </div>
    </form>
  );
}
