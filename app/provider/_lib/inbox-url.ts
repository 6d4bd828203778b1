import { REQUEST_STATES, type RequestState } from "@/lib/domain/connection-lifecycle";

/**
 * The inbox's view lives in the URL (state tab, filters, search, sort, page, page size), so it survives a
 * reload, the back button and a shared link. The state tab defaults to Pending; "all" shows every state.
 */
export type InboxView = {
  state: RequestState | "all";
  resource?: string;
  tenant?: string;
  q?: string;
  sort: "newest" | "oldest";
  /** Keyset cursor: rows after this one (the next page). */
  cursor?: string;
  /** Keyset cursor: rows before this one (the previous page). */
  before?: string;
  /** Rows per page: any of 1–100 from the URL; the form offers PAGE_SIZES. */
  size: number;
  /**
   * The list rendered by the server into the page, for browsers without JavaScript (the page
   * links to it from a <noscript>); otherwise the list loads its rows in the browser.
   */
  plain: boolean;
};

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const clean = (v: string | undefined, max: number) => {
  const t = v?.trim();
  return t && t.length <= max ? t : undefined;
};

export function parseInboxView(params: Record<string, string | string[] | undefined>): InboxView {
  const rawState = first(params.state);
  const state = rawState === "all" ? "all" : (REQUEST_STATES as readonly string[]).includes(rawState ?? "") ? (rawState as RequestState) : "Pending";
  const cursor = clean(first(params.cursor), 200);
  const before = cursor ? undefined : clean(first(params.before), 200);
  return {
    state,
    resource: clean(first(params.resource), 64),
    tenant: clean(first(params.tenant), 64),
    q: clean(first(params.q), 200),
    sort: first(params.sort) === "oldest" ? "oldest" : "newest",
    cursor,
    before,
    size: pageSize(first(params.size)),
    plain: first(params.plain) === "1",
  };
}

function pageSize(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : DEFAULT_PAGE_SIZE;
}

/** The URL of the inbox with `view` changed by `changes`; paging resets unless set explicitly. */
export function inboxHref(view: InboxView, changes: Partial<InboxView> = {}): string {
  const next: InboxView = { ...view, cursor: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.state !== "Pending") params.set("state", next.state);
  if (next.resource) params.set("resource", next.resource);
  if (next.tenant) params.set("tenant", next.tenant);
  if (next.q) params.set("q", next.q);
  if (next.sort !== "newest") params.set("sort", next.sort);
  if (next.cursor) params.set("cursor", next.cursor);
  else if (next.before) params.set("before", next.before);
  if (next.size !== DEFAULT_PAGE_SIZE) params.set("size", String(next.size));
  if (next.plain) params.set("plain", "1");
  const query = params.toString();
  return query ? `/provider?${query}` : "/provider";
}

/** The URL of this very view, on the same page, with `changes`. */
export function viewHref(view: InboxView, changes: Partial<InboxView> = {}): string {
  return inboxHref(view, { cursor: view.cursor, before: view.before, ...changes });
}

export const hasFilters = (view: InboxView) => Boolean(view.resource || view.tenant || view.q);

/**
 * The data endpoint's URL for `view` (the inbox list loads its rows from it): the same filters
 * and paging, where "all" states is no state filter and the page size is `limit`.
 */
export function inboxDataUrl(view: InboxView): string {
  const params = new URLSearchParams(viewHref(view).split("?")[1]);
  if (view.state === "all") params.delete("state");
  else params.set("state", view.state);
  params.delete("size");
  params.delete("plain");
  params.set("limit", String(view.size));
  return `/api/v1/provider/requests?${params}`;
}
