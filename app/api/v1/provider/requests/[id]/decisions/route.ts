import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/app/_lib/route";
import { decide } from "@/lib/connections/decide";

/**
 * POST /api/v1/provider/requests/{id}/decisions — approve, reject or disconnect a request, for
 * automation. Body: { "decision": "approve" | "reject" | "disconnect", "note"?: string (a reason is
 * required to reject; Azure shows it to the consumer, 140 characters at most), "expectedVersion"?:
 * number (refused with 409 when the request changed since). Answers 202 when the decision was
 * recorded and Crosslink is applying it in Azure, 200 when nothing had to change.
 */
export const POST = route(
  { auth: { role: "provider" }, params: z.object({ id: z.string() }), body: z.record(z.string(), z.unknown()) },
  async ({ principal, services, params, body, requestId }) => {
    const result = await decide(services.db, principal, { ...body, requestId: params.id } as Parameters<typeof decide>[2], { httpRequestId: requestId });
    if (result.outcome === "recorded") services.worker.kick();
    return NextResponse.json(result, { status: result.outcome === "recorded" ? 202 : 200, headers: { "cache-control": "no-store" } });
  },
);
