import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { inboxData } from "@/app/provider/_lib/inbox-data-server";
import { getPrincipal } from "@/app/_lib/session";
import { requestIdOf } from "@/app/_lib/http";
import { toActionError } from "@/app/_lib/action-result";
import { authorize } from "@/lib/auth/authorize";

export const dynamic = "force-dynamic";

/**
 * The provider inbox as JSON (the data behind /provider): same filters, search, sort and cursor
 * paging, authorized inside the use case. Query: state, resource, tenant, q, sort, cursor (the next
 * page) or before (the previous page), limit. The inbox page renders its list from it.
 */
export async function GET(request: NextRequest) {
  const requestId = requestIdOf(request);
  try {
    const principal = authorize(await getPrincipal(), { role: "provider" });
    const data = await inboxData(getDb(), principal, Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    const e = toActionError(err, requestId);
    return NextResponse.json({ error: { code: e.code ?? String(e.status), message: e.message } }, { status: e.status });
  }
}
