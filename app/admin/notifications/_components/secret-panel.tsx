"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { CopyButton } from "@/app/requests/_components/copy-button";

export const SECRET_TITLE_ID = "secret-title";

/**
 * A webhook route's signing secret, shown the one time Crosslink has it in the clear (at creation
 * or rotation). It takes the focus when it appears, so a screen reader reads it out and a
 * keyboard user lands on the copy button next.
 */
export function SecretPanel({ title, secret, children }: { title: string; secret: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={SECRET_TITLE_ID} className="space-y-3 rounded-fl-lg border-2 border-warning bg-warning-bg p-4 text-fg1 sm:p-5" data-testid="secret-panel">
      <h2 id={SECRET_TITLE_ID} ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none focus-visible:underline">
        {title}
      </h2>
      <p className="font-semibold text-warning">Copy it now; Crosslink will not show it again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 select-all break-all rounded-fl border border-stroke bg-surface px-3 py-2 font-mono text-sm" data-testid="webhook-secret">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy the signing secret" />
      </div>
      <p className="text-sm text-fg2">
        Your receiver verifies each call&apos;s <span className="font-mono text-xs">webhook-signature</span> header with it (Standard Webhooks; see
        docs/webhooks.md). Keep it in your receiver&apos;s secret store, not in code.
      </p>
      {children}
    </section>
  );
}
