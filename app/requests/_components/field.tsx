import type { ReactNode } from "react";
import { stepUpSignInPath } from "@/lib/auth/step-up-path";

/**
 * A labelled form field with its hint and error underneath, wired for assistive technology: the
 * control gets `aria-describedby` (hint, then error) and `aria-invalid` through `describedBy()`.
 */
export type FieldIds = { id: string; hintId: string; errorId: string };

export function fieldIds(id: string): FieldIds {
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

/** Props for the control inside a Field. */
export function controlProps(ids: FieldIds, error: string | null | undefined, hasHint = true) {
  const describedBy = [hasHint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(" ");
  return { id: ids.id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}

export function Field({
  ids,
  label,
  hint,
  error,
  children,
  extra,
}: {
  ids: FieldIds;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  /** Shown on the label's line, at the end (e.g. a character count). */
  extra?: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={ids.id} className="block text-sm font-semibold text-fg1">
          {label}
        </label>
        {extra}
      </div>
      {children}
      {hint && (
        <p id={ids.hintId} className="text-xs text-fg3">
          {hint}
        </p>
      )}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm text-danger" data-testid={`${id}`}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="mt-0.5 shrink-0">
        <path fill="currentColor" d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 9.5a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5ZM8 4a.6.6 0 0 0-.6.6v4.3a.6.6 0 1 0 1.2 0V4.6A.6.6 0 0 0 8 4Z" />
      </svg>
      <span>{error}</span>
    </p>
  );
}

export const inputStyles =
  "block w-full rounded-fl border border-stroke bg-surface px-2.5 py-1.5 text-sm text-fg1 placeholder:text-fg3 hover:border-fg3 focus-visible:border-brand aria-[invalid=true]:border-danger disabled:cursor-not-allowed disabled:bg-surface3 disabled:text-fg3";

/**
 * Where the fix for an expired session is: sign in again and come back here. With `claims` (Azure
 * asked for a second factor, a step-up) the sign-in asks for what the claims demand.
 */
export function SignInAgainLink({ returnTo, claims }: { returnTo: string; claims?: string }) {
  const href = claims ? stepUpSignInPath(claims, returnTo) : `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
  return (
    <a href={href} className="font-semibold text-brand-fg underline underline-offset-2">
      {claims ? "Continue" : "Sign in again"}
    </a>
  );
}

/** A busy indicator; inside buttons it takes the button's text colour, elsewhere the brand's. */
export function Spinner({ label, inherit = false }: { label?: string; inherit?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      <svg aria-hidden="true" className={`h-4 w-4 animate-spin ${inherit ? "" : "text-brand-fg"}`} viewBox="0 0 16 16" fill="none">
        <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
        <path d="M14.5 8A6.5 6.5 0 0 0 8 1.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {label && <span>{label}</span>}
    </span>
  );
}
