"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/**
 * A Fluent-looking Radix dialog: focus is trapped, Escape and the Cancel button close it, and the
 * title and description name it for screen readers. On closing, focus goes back to `trigger`, or,
 * for a dialog opened from elsewhere (one dialog for many rows' buttons), to what `returnFocusTo`
 * names: Radix only knows its own trigger and would otherwise drop focus on the page's body.
 */
export function DialogShell({
  open,
  onOpenChange,
  trigger,
  returnFocusTo,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger?: ReactNode;
  /** Where focus goes when the dialog closes; null or a removed element: Radix's default. */
  returnFocusTo?: () => HTMLElement | null;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            const element = returnFocusTo?.();
            if (!element?.isConnected) return;
            event.preventDefault();
            element.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-fl-lg border border-stroke2 bg-surface p-4 text-fg1 shadow-xl sm:p-6"
        >
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-fg2">{description}</div>
          </Dialog.Description>
          <div className="mt-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;

export const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-fl px-3 min-h-8 text-sm font-semibold transition-colors disabled:opacity-50 disabled:cursor-not-allowed bg-danger text-white hover:opacity-90";

/** A note/reason field with its label, character count and error, wired for assistive technology. */
export function NoteField({
  id,
  label,
  hint,
  required,
  error,
  value,
  onChange,
  maxLength = 140,
}: {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
        {required ? <span className="text-danger"> (required)</span> : <span className="font-normal text-fg3"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-fg3">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name="note"
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded-fl border bg-surface px-2 py-1.5 text-sm text-fg1 ${error ? "border-danger" : "border-stroke"}`}
      />
      <div className="flex justify-between gap-2 text-xs">
        <span id={`${id}-error`} className="text-danger">
          {error}
        </span>
        <span id={`${id}-count`} className="shrink-0 text-fg3" aria-live="off">
          {value.length}/{maxLength} characters
        </span>
      </div>
    </div>
  );
}
