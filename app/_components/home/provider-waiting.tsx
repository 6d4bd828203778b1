import Link from "next/link";
import type { ProviderHome } from "@/lib/home/provider-home";
import { waitedFor } from "@/lib/home/wait";
import { possessive } from "@/lib/domain/request-words";
import { exactTime } from "@/app/_lib/dates";
import { buttonStyles, cardStyles, inlineLinkStyles } from "../ui";

/** The provider's part of the home page: how many requests wait for a decision, and for how long. */
export function ProviderWaiting({ home, tenantName, now }: { home: ProviderHome; tenantName: string; now: Date }) {
  const { pending, oldest } = home;
  return (
    <section aria-labelledby="home-provider-title" className={`${cardStyles} space-y-3`} data-testid="home-provider">
      <h2 id="home-provider-title" className="text-lg font-semibold">
        Requests to {possessive(tenantName)} resources
      </h2>
      {pending > 0 ? (
        <>
          <p className="flex items-baseline gap-2">
            <span className="text-3xl font-semibold text-fg1" data-testid="home-pending-count">
              {pending}
            </span>
            <span className="text-fg2">{pending === 1 ? "request waits" : "requests wait"} for a decision.</span>
          </p>
          {oldest && (
            <p className="text-sm text-fg2" data-testid="home-oldest-wait">
              The oldest waits{" "}
              <time dateTime={oldest.createdAt.toISOString()} title={exactTime(oldest.createdAt)}>
                {waitedFor(oldest.createdAt, now)}
              </time>
              :{" "}
              <Link href={`/provider/requests/${encodeURIComponent(oldest.id)}`} className={inlineLinkStyles}>
                {oldest.consumerTenantName} <span aria-hidden="true">→</span>{" "}
                <span className="sr-only">asks for</span> {oldest.targetName}
              </Link>
            </p>
          )}
        </>
      ) : (
        <p className="text-fg2" data-testid="home-provider-empty">
          Nothing waits for a decision. A new request shows up in the inbox once the consumer&apos;s private endpoint exists, and goes out to the email,
          webhook, Teams or Slack routes your admins have set up.
        </p>
      )}
      <p>
        <Link href="/provider" className={buttonStyles.primary}>
          Open the inbox
        </Link>
      </p>
    </section>
  );
}
