"use client";

import { cardStyles, buttonStyles } from "./_components/ui";

/** Unexpected errors: a plain message and the digest to quote; the details stay in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`} role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-fg2">Crosslink could not show this page. Try again; if it keeps happening, give this reference to your administrator.</p>
      {error.digest && <p className="text-xs text-fg3">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className={buttonStyles.primary}>
        Try again
      </button>
    </div>
  );
}
