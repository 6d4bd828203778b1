import { z } from "zod";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { requestScope } from "./visibility";
import type { Principal } from "../auth/principal";
import { REQUEST_STATES, type RequestState } from "../domain/connection-lifecycle";
import { decodeCursor, encodeCursor } from "./cursor";
import { countsByState, stateCountsFor } from "./state-counts";
import { readRows, sqliteDate } from "../db/read-connection";

/**
 * The provider's inbox: requests to the provider tenant's resources, filtered, searched, sorted
 * and paged on the server with keyset cursors, plus counts by state for the same filters.
 */
export const inboxQuerySchema = z.object({
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  resource: z.string().max(64).optional().catch(undefined), // ProviderResource id
  tenant: z.string().max(64).optional().catch(undefined), // consumer tenant id
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
  /** The next page: rows after this cursor (from `nextCursor`). */
  cursor: z.string().max(200).optional().catch(undefined),
  /** The previous page: rows before this cursor (from `previousCursor`); ignored with `cursor`. */
  before: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export type InboxRow = {
  id: string;
  state: string;
  pendingAction: string | null;
  createdAt: Date;
  updatedAt: Date;
  consumerTenantId: string;
  consumerTenantName: string;
  requesterName: string | null;
  requesterEmail: string | null;
  requestMessage: string;
  targetName: string;
  targetType: string;
  /** The registered resource's kind (webApp, functionApp…): a site's type alone does not tell them apart. */
  targetKind: string | null;
  targetResourceId: string;
  groupId: string;
  version: number;
  /** Why the last change failed in Azure (cleared when one succeeds). */
  lastError: string | null;
};

/** A row as the inbox query returns it (checked: data read back from the database). */
const inboxRowSchema = z.object({
  id: z.string(),
  state: z.string(),
  pendingAction: z.string().nullable(),
  createdAt: sqliteDate,
  updatedAt: sqliteDate,
  consumerTenantId: z.string(),
  consumerTenantName: z.string(),
  requesterName: z.string().nullable(),
  requesterEmail: z.string().nullable(),
  requestMessage: z.string(),
  targetName: z.string(),
  targetType: z.string(),
  targetKind: z.string().nullable(),
  targetResourceId: z.string(),
  groupId: z.string(),
  version: z.coerce.number(),
  lastError: z.string().nullable(),
}) satisfies z.ZodType<InboxRow>;

/**
 * The inbox is the busiest read in Crosslink, so it is hand-written SQL on the read connection
 * (lib/db/read-connection.ts): one statement for the page (requests with their tenant and
 * requester joined) and one for the counts. Prisma's relation loading costs a query per relation
 * and several ms of CPU per call here.
 */
export async function providerInbox(db: Db, principal: Principal, raw: InboxQuery) {
  const scope = requestScope(principal, "provider");
  const query = inboxQuerySchema.parse(raw);
  // A previous page is read by walking back from `before`, in the opposite order, and turned around.
  const after = decodeCursor(query.cursor);
  const before = after ? undefined : decodeCursor(query.before);
  const cursor = after ?? before;
  const newest = (query.sort === "newest") !== Boolean(before);

  // Everything but the state filter: the counts show what each state tab would contain.
  const base = Prisma.join(
    [
      scope.sql,
      // A resource's id (from the list) or its name (typed, when there are too many resources
      // for a list); a name can match resources in several resource groups.
      query.resource
        ? Prisma.sql`cr."providerResourceId" IN (SELECT "id" FROM "ProviderResource" WHERE "tenantId" = ${principal.tenantId} AND ("id" = ${query.resource} OR "name" = ${query.resource}))`
        : null,
      query.tenant ? Prisma.sql`cr."consumerTenantId" = ${query.tenant}` : null,
      query.q ? searchCondition(query.q) : null,
    ].filter((c): c is Prisma.Sql => c !== null),
    " AND ",
  );
  const where = Prisma.join(
    [
      base,
      query.state ? Prisma.sql`cr."state" = ${query.state}` : null,
      cursor
        ? newest
          ? Prisma.sql`(cr."createdAt" < ${cursor.createdAt} OR (cr."createdAt" = ${cursor.createdAt} AND cr."id" < ${cursor.id}))`
          : Prisma.sql`(cr."createdAt" > ${cursor.createdAt} OR (cr."createdAt" = ${cursor.createdAt} AND cr."id" > ${cursor.id}))`
        : null,
    ].filter((c): c is Prisma.Sql => c !== null),
    " AND ",
  );
  const order = newest ? Prisma.sql`cr."createdAt" DESC, cr."id" DESC` : Prisma.sql`cr."createdAt" ASC, cr."id" ASC`;
  const filtered = Boolean(query.resource || query.tenant || query.q);

  const rows = readRows(
    db,
    Prisma.sql`
      SELECT cr."id", cr."state", cr."pendingAction", cr."createdAt", cr."updatedAt", cr."consumerTenantId",
             COALESCE(t."displayName", cr."consumerTenantId") AS "consumerTenantName",
             u."displayName" AS "requesterName", COALESCE(u."email", u."username") AS "requesterEmail",
             cr."requestMessage", cr."targetName", cr."targetType", pr."kind" AS "targetKind", cr."targetResourceId", cr."groupId", cr."version", cr."lastError"
      FROM "ConnectionRequest" cr
      LEFT JOIN "Tenant" t ON t."id" = cr."consumerTenantId"
      LEFT JOIN "User" u ON u."id" = cr."requesterId"
      LEFT JOIN "ProviderResource" pr ON pr."id" = cr."providerResourceId"
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${query.limit + 1}`,
  );
  // Unfiltered: the maintained counts (no scan). Filtered: count what the filters select.
  // A search without a tenant or resource filter reads most of the provider's requests anyway:
  // one pass over the table beats a walk through the provider index with a row lookup per entry
  // (55 ms against 180 ms on 100,000 requests). With those filters their index is selective.
  const scan = Boolean(query.q && !query.resource && !query.tenant);
  const counts = filtered ? countByState(db, base, scan) : await stateCountsFor(db, principal.tenantId);

  const walked = rows.slice(0, query.limit).map((r) => inboxRowSchema.parse(r));
  const more = rows.length > query.limit;
  const page = before ? walked.reverse() : walked;
  const first = page[0];
  const last = page[page.length - 1];
  return {
    query,
    rows: page,
    // Walking back, the row `before` points at follows this page; walking on, the cursor's row precedes it.
    nextCursor: last && (before ? true : more) ? encodeCursor(last) : null,
    previousCursor: first && (before ? more : Boolean(after)) ? encodeCursor(first) : null,
    counts,
  };
}

/** A row as the data endpoint (GET /api/v1/provider/requests) sends it: dates as ISO strings. */
export type InboxItemJson = Omit<InboxRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };
export type InboxPageJson = { items: InboxItemJson[]; nextCursor: string | null; previousCursor: string | null; counts: Record<RequestState, number> };

/** One page of the inbox as JSON: what the public API answers and the inbox page renders. */
export async function providerInboxJson(db: Db, principal: Principal, raw: InboxQuery): Promise<InboxPageJson> {
  const { rows, nextCursor, previousCursor, counts } = await providerInbox(db, principal, raw);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })),
    nextCursor,
    previousCursor,
    counts,
  };
}

const newestSchema = z.object({ id: z.string() });

/**
 * A fingerprint of the provider's whole inbox that changes when a request arrives or changes
 * state: the maintained counts by state (every new request and every transition moves one) and
 * the newest request's id. Open inboxes poll it instead of the list, and reload the list only
 * when it changes. Two reads by key (the counts table, and one step down the (provider,
 * createdAt) index), so its cost does not grow with the number of requests.
 */
export async function inboxChangeMark(db: Db, principal: Principal): Promise<{ mark: string; counts: Record<RequestState, number> }> {
  const scope = requestScope(principal, "provider");
  const counts = await stateCountsFor(db, principal.tenantId);
  const newest = readRows(db, Prisma.sql`SELECT cr."id" FROM "ConnectionRequest" cr WHERE ${scope.sql} ORDER BY cr."createdAt" DESC LIMIT 1`).map((r) => newestSchema.parse(r))[0];
  return { mark: `${REQUEST_STATES.map((s) => counts[s]).join(".")}:${newest?.id ?? ""}`, counts };
}

function countByState(db: Db, base: Prisma.Sql, scan: boolean): Record<RequestState, number> {
  return countsByState(
    readRows(
      db,
      Prisma.sql`
        SELECT cr."state", COUNT(*) AS "n"
        FROM "ConnectionRequest" cr ${scan ? Prisma.sql`NOT INDEXED` : Prisma.empty}
        WHERE ${base}
        GROUP BY cr."state"`,
    ),
  );
}

/**
 * Case-insensitive (ASCII, as SQLite's LIKE) substring search; % and _ in the text are literal.
 * People and tenants are matched in their own (small) tables first, so the scan over requests
 * compares a few columns per row instead of joining two tables for each of 100,000s of rows.
 */
function searchCondition(q: string): Prisma.Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (column: Prisma.Sql) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  return Prisma.sql`(${Prisma.join(
    [
      like(Prisma.sql`cr."requestMessage"`),
      like(Prisma.sql`cr."targetName"`),
      like(Prisma.sql`cr."endpointResourceId"`),
      Prisma.sql`cr."requesterId" IN (SELECT "id" FROM "User" WHERE ${like(Prisma.sql`"displayName"`)} OR ${like(Prisma.sql`"email"`)} OR ${like(Prisma.sql`"username"`)})`,
      Prisma.sql`cr."consumerTenantId" IN (SELECT "id" FROM "Tenant" WHERE ${like(Prisma.sql`"displayName"`)})`,
    ],
    " OR ",
  )})`;
}

/** Above this many resources the filter is a name field, not a list (a page must stay light). */
export const RESOURCE_LIST_LIMIT = 100;

const resourceCountsSchema = z.object({ total: z.coerce.number(), managed: z.coerce.number() });
const optionSchema = z.object({ id: z.string(), name: z.string() });

/**
 * Filter choices for the inbox: the consumer tenants seen, and the provider's resources when
 * there are few enough to list (`resources: null` otherwise: the page offers a name field).
 * Also how many resources Crosslink manages (the page's header). Read on every view: plain SQL on
 * the read connection.
 */
export async function inboxFilterOptions(db: Db, principal: Principal) {
  const scope = requestScope(principal, "provider");
  // Kept by registration (lib/connections/resource-counts.ts): a key lookup, not a count per view.
  const counts = resourceCountsSchema.parse(
    readRows(db, Prisma.sql`SELECT "resourceCount" AS "total", "managedResourceCount" AS "managed" FROM "Tenant" WHERE "id" = ${principal.tenantId}`)[0] ?? { total: 0, managed: 0 },
  );
  const tenantRows = readRows(
    db,
    Prisma.sql`
      SELECT t."id", t."displayName" AS "name" FROM "Tenant" t
      WHERE EXISTS (SELECT 1 FROM "ConnectionRequest" cr WHERE ${scope.sql} AND cr."consumerTenantId" = t."id")
      ORDER BY t."displayName"`,
  );
  const resources =
    counts.total > RESOURCE_LIST_LIMIT
      ? null
      : readRows(db, Prisma.sql`SELECT "id", "name" FROM "ProviderResource" WHERE "tenantId" = ${principal.tenantId} ORDER BY "name"`).map((r) => optionSchema.parse(r));
  return {
    resources,
    resourceCount: counts.total,
    managedCount: counts.managed,
    tenants: tenantRows.map((r) => optionSchema.parse(r)).map((t) => ({ id: t.id, displayName: t.name })),
  };
}
