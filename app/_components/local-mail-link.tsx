import Link from "next/link";
import type { Principal } from "@/lib/auth/principal";
import { getSharedServices } from "@/lib/services";

/**
 * "Mail (local)" in the header: the caught mail of the local world, for someone signed in, in
 * local mode with a mail catcher only (elsewhere nothing is rendered, and /local/mail is a 404).
 * On a phone only the envelope shows; the words stay in the accessible name.
 * Render it after the principal is known: reading the session marks the page dynamic, so the
 * configuration read here is the running server's, never the build's.
 */
export function LocalMailLink({ principal }: { principal: Principal | null }) {
  if (!principal) return null;
  const { config } = getSharedServices();
  if (config.mode !== "local" || !config.notify.mailCatcherUrl) return null;
  return (
    <Link
      href="/local/mail"
      className="inline-flex min-h-10 shrink-0 items-center gap-1.5 rounded-fl px-2 text-sm text-fg2 hover:bg-surface2 hover:text-fg1"
      data-testid="local-mail-link"
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
        <path
          fill="currentColor"
          d="M4.5 4A2.5 2.5 0 0 0 2 6.5v7A2.5 2.5 0 0 0 4.5 16h11a2.5 2.5 0 0 0 2.5-2.5v-7A2.5 2.5 0 0 0 15.5 4h-11ZM3.5 6.5a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1v.38l-6.5 3.79-6.5-3.8V6.5Zm0 2.12 6.12 3.57a.75.75 0 0 0 .76 0l6.12-3.57v4.88a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V8.62Z"
        />
      </svg>
      <span className="sr-only sm:not-sr-only">Mail (local)</span>
    </Link>
  );
}
