import Link from "next/link";
import type { ReactNode } from "react";
import { DNS_REMINDER_DAYS, type ConsumerHome, type WaitingGroup, type WaitingItem } from "@/lib/home/consumer-home";
import { REQUEST_STATES } from "@/lib/domain/connection-lifecycle";
import { StateBadge } from "../state-badge";
import { Timestamp } from "../timestamp";
import { buttonStyles, cardStyles, inlineLinkStyles } from "../ui";

/**
 * The consumer's part of the home page: their organization's requests that need someone to act
 * (set up DNS, clean up an endpoint, retry a creation), each linking to where that is done, and
 * how many requests there are in each state.
 */
export function ConsumerWaiting({ home, tenantName, now }: { home: ConsumerHome; tenantName: string; now: Date }) {
  const { setUpDns, cleanUp, retry, counts, total } = home;
  const needs = setUpDns.total + cleanUp.total + retry.total;
  return (
    <section aria-labelledby="home-consumer-title" className="space-y-4" data-testid="home-consumer">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="home-consumer-title" className="text-lg font-semibold">
          {tenantName}&apos;s connection requests
        </h2>
        <div className="flex flex-wrap gap-2">
          <Link href="/requests" className={buttonStyles.secondary}>
            My requests
          </Link>
          <Link href="/requests/new" className={buttonStyles.primary}>
            New request
          </Link>
        </div>
      </div>

      {total === 0 ? (
        <p className={`${cardStyles} text-fg2`} data-testid="home-consumer-empty">
          {tenantName} has not filed any connection requests yet. File one to reach a provider&apos;s app privately: Crosslink creates the private endpoint in
          your subscription and tells the provider.
        </p>
      ) : needs === 0 ? (
        <p className={`${cardStyles} text-fg2`} data-testid="home-consumer-nothing">
          Nothing needs you right now.{" "}
          {counts.Pending > 0 && `${counts.Pending} ${counts.Pending === 1 ? "request waits" : "requests wait"} for the provider's decision. `}
          Whoever filed a request is told of each change under{" "}
          <Link href="/notifications" className={inlineLinkStyles}>
            Notifications
          </Link>
          , and by email unless they turned that off in{" "}
          <Link href="/settings/notifications" prefetch={false} className={inlineLinkStyles}>
            notification settings
          </Link>
          .
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          {setUpDns.total > 0 && (
            <Group
              id="home-dns"
              title="Set up DNS"
              group={setUpDns}
              more="/requests?state=Approved"
              intro={
                <>
                  Approved in the last {DNS_REMINDER_DAYS} days. Clients reach the app privately once its name resolves to the endpoint&apos;s private
                  address. Crosslink cannot see your DNS, so each stays here for {DNS_REMINDER_DAYS} days after its approval.
                </>
              }
              item={(item) => (
                <>
                  <Link href={`/requests/${encodeURIComponent(item.id)}#dns-heading`} className={inlineLinkStyles}>
                    {item.targetName}
                    <span className="sr-only">: DNS guide</span>
                  </Link>
                  <Since label="approved" item={item} now={now} />
                </>
              )}
            />
          )}
          {cleanUp.total > 0 && (
            <Group
              id="home-clean-up"
              title="Clean up"
              group={cleanUp}
              more="/requests"
              intro="The provider disconnected or rejected these, so their private endpoints in your subscription can never carry traffic. Withdraw each to delete its endpoint."
              item={(item) => (
                <>
                  <Link href={`/requests/${encodeURIComponent(item.id)}`} className={inlineLinkStyles}>
                    {item.targetName}
                  </Link>{" "}
                  <StateBadge state={item.state} />
                  <Since label={item.state.toLowerCase()} item={item} now={now} />
                </>
              )}
            />
          )}
          {retry.total > 0 && (
            <Group
              id="home-retry"
              title="Retry"
              group={retry}
              more="/requests?state=Failed"
              intro="Creating the private endpoint failed. Each request says why; retry it or discard it there."
              item={(item) => (
                <>
                  <Link href={`/requests/${encodeURIComponent(item.id)}`} className={inlineLinkStyles}>
                    {item.targetName}
                  </Link>
                  <Since label="failed" item={item} now={now} />
                </>
              )}
            />
          )}
        </div>
      )}

      {total > 0 && (
        <nav aria-label="All requests by state" className="flex flex-wrap items-center gap-2 text-sm" data-testid="home-counts">
          <span className="text-fg2">All {total}:</span>
          {REQUEST_STATES.filter((s) => counts[s] > 0).map((s) => (
            <Link key={s} href={`/requests?state=${s}`} className="inline-flex items-center gap-1.5 rounded-full border border-stroke px-3 py-1 text-fg2 hover:bg-surface2">
              {s}
              <span className="text-xs tabular-nums text-fg3">{counts[s]}</span>
            </Link>
          ))}
        </nav>
      )}
    </section>
  );
}

/** One kind of thing to do: why these are here, a few of them (`item` renders one), and how many more. */
function Group({ id, title, group, more, intro, item }: { id: string; title: string; group: WaitingGroup; more: string; intro: ReactNode; item: (item: WaitingItem) => ReactNode }) {
  const rest = group.total - group.items.length;
  return (
    <section aria-labelledby={id} className={`${cardStyles} space-y-2`} data-testid={id}>
      <h3 id={id} className="font-semibold">
        {title} <span className="text-sm font-normal text-fg3">({group.total})</span>
      </h3>
      <p className="text-sm text-fg2">{intro}</p>
      <ul className="space-y-1.5 text-sm">
        {group.items.map((one) => (
          <li key={one.id} className="break-words" data-request-id={one.id}>
            {item(one)}
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <p className="text-sm">
          <Link href={more} className={inlineLinkStyles}>
            {rest} more in My requests
          </Link>
        </p>
      )}
    </section>
  );
}

function Since({ label, item, now }: { label: string; item: WaitingItem; now: Date }) {
  return (
    <span className="block text-xs text-fg3">
      {label} <Timestamp date={item.since} now={now} />
      {item.requesterName ? ` · filed by ${item.requesterName}` : ""}
    </span>
  );
}
