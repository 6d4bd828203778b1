import { REQUEST_STATES, type RequestState } from "@/lib/domain/connection-lifecycle";

/**
 * The inbox's view lives in the URL (state tab, filters, search, sort, page), so it survives a
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
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const clean = (v: string | undefined, max: number) => {
  const t = v?.trim();
  return t && t.length <= max ? t : undefined;
};

export function parseInboxView(params: Record<string, string | string[] | undefined>): InboxView {
  const rawState = first(params.state);
  const state = rawState === "all" ? "all" : ((REQUEST_STATES as readonly string[]).includes(rawState ?? "") ? (rawState as RequestState) : "Pending");
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
  };
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
  const query = params.toString();
  return query ? `/provider?${query}` : "/provider";
}

export const hasFilters = (view: InboxView) => Boolean(view.resource || view.tenant || view.q);
