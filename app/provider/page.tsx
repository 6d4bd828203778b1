import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Form from "next/form";
import Link from "next/link";
import { inboxFilterOptions } from "@/lib/connections/provider-inbox";
import { possessive } from "@/lib/domain/request-words";
import { buttonStyles, inlineLinkStyles } from "@/app/_components/ui";
import { pageData } from "@/app/_lib/page";
import { inboxMarkOfRequest } from "@/app/_lib/inbox-mark";
import { DEFAULT_PAGE_SIZE, hasFilters, inboxHref, PAGE_SIZES, parseInboxView } from "./_lib/inbox-url";
import { inboxDataForView } from "./_lib/inbox-data-server";
import { InboxList } from "./_components/inbox-list";

// Short, as the tab shows it with the Pending count in front: "(3) Inbox · Crosslink".
export const metadata: Metadata = { title: "Inbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The provider inbox: the heading, the filter form and the state tabs with their counts, rendered
 * on the server; InboxList loads the rows in the browser from the data endpoint and keeps them
 * current. Rendering the rows here cost the page twice what any other page costs under load (the
 * table's markup, its props again in the page's data, and its dialogs), for a first row that shows
 * within a few hundred milliseconds either way. Without JavaScript the list links to the plain
 * view (`plain=1`), which the server renders with its rows.
 */
export default async function ProviderInboxPage({ searchParams }: Props) {
  const view = parseInboxView(await searchParams);
  const sizes = [...new Set([...PAGE_SIZES, view.size])].sort((a, b) => a - b);
  const { principal, options, initial, activity } = await pageData({ role: "provider" }, async ({ principal, services }) => {
    const [options, activity, initial] = await Promise.all([
      inboxFilterOptions(services.db, principal),
      inboxMarkOfRequest(principal), // the header's read
      view.plain ? inboxDataForView(services.db, principal, view) : undefined,
    ]);
    return { principal, options, initial, activity };
  });
  const managed = options.managedCount;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Provider inbox</h1>
        <p className="text-fg2">
          Connection requests to {possessive(principal.tenantName)} resources.{" "}
          <Link href="/provider/resources" className={inlineLinkStyles}>
            {managed} resource{managed === 1 ? "" : "s"} managed by Crosslink
          </Link>
          .
        </p>
      </div>

      {managed === 0 && (
        <p className="rounded-fl bg-warning-bg px-3 py-2 text-sm text-warning">
          No resource is registered yet, so consumers cannot file requests.{" "}
          <Link href="/provider/resources" className="font-semibold underline">
            Register resources
          </Link>
          .
        </p>
      )}

      <Form action="/provider" className="flex flex-wrap items-end gap-3 rounded-fl-lg border border-stroke2 bg-surface p-4 shadow-sm" aria-label="Filter requests">
        {view.state !== "Pending" && <input type="hidden" name="state" value={view.state} />}
        {view.plain && <input type="hidden" name="plain" value="1" />}
        <Field label="Search" htmlFor="inbox-q" grow>
          <input
            id="inbox-q"
            name="q"
            type="search"
            defaultValue={view.q ?? ""}
            maxLength={200}
            placeholder="Message, app, requester, tenant, endpoint…"
            className="min-h-8 w-full rounded-fl border border-stroke bg-surface px-2 text-sm"
          />
        </Field>
        <Field label="Resource" htmlFor="inbox-resource">
          {options.resources ? (
            <select id="inbox-resource" name="resource" defaultValue={view.resource ?? ""} className={selectStyles}>
              <option value="">All resources</option>
              {options.resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          ) : (
            // Too many resources for a list: the exact name, e.g. contoso-orders or contoso-orders/staging.
            <input
              id="inbox-resource"
              name="resource"
              type="text"
              defaultValue={view.resource ?? ""}
              maxLength={64}
              placeholder={`Name (${options.resourceCount} resources)`}
              className="min-h-8 w-48 rounded-fl border border-stroke bg-surface px-2 text-sm"
            />
          )}
        </Field>
        <Field label="Consumer tenant" htmlFor="inbox-tenant">
          <select id="inbox-tenant" name="tenant" defaultValue={view.tenant ?? ""} className={selectStyles}>
            <option value="">All tenants</option>
            {options.tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sort" htmlFor="inbox-sort">
          <select id="inbox-sort" name="sort" defaultValue={view.sort} className={selectStyles}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </Field>
        <Field label="Per page" htmlFor="inbox-size">
          <select id="inbox-size" name="size" defaultValue={String(view.size)} className={selectStyles}>
            {sizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex gap-2">
          <button type="submit" className={buttonStyles.primary}>
            Apply
          </button>
          {(hasFilters(view) || view.sort !== "newest" || view.size !== DEFAULT_PAGE_SIZE) && (
            <Link href={inboxHref({ state: view.state, sort: "newest", size: DEFAULT_PAGE_SIZE, plain: view.plain })} className={buttonStyles.subtle}>
              Clear
            </Link>
          )}
        </div>
      </Form>

      {/* Each render of this page gives the list a new key, so it loads afresh: after a decision
          (the action refreshes the page), on router.refresh() and on every navigation. `mark`
          tells the list which state of the inbox the page was rendered from; the counts by state
          are the tabs' until the rows arrive (the same numbers as long as no filter narrows them). */}
      <InboxList view={view} loadKey={randomUUID()} initial={initial} initialMark={activity.mark} initialCounts={hasFilters(view) ? null : activity.counts} renderedAt={new Date().toISOString()} />
    </div>
  );
}

const selectStyles = "min-h-8 rounded-fl border border-stroke bg-surface px-2 text-sm";

function Field({ label, htmlFor, grow, children }: { label: string; htmlFor: string; grow?: boolean; children: React.ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${grow ? "min-w-[14rem] flex-1" : ""}`}>
      <label htmlFor={htmlFor} className="text-xs font-semibold text-fg2">
        {label}
      </label>
      {children}
    </div>
  );
}
