import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { Requirement } from "@/lib/auth/authorize";
import type { Principal } from "@/lib/auth/principal";
import { isAppError } from "@/lib/core/errors";
import { getSharedServices, type Services } from "@/lib/services";
import { withAzureClientRequestId } from "@/lib/azure/client-request-id";
import { currentRequestId } from "./request-context";
import { requirePrincipal } from "./session";

/**
 * The one way a page loads its data: who is asking (sign-in or the 403 page otherwise), the
 * services, then the read model. Unknown, malformed and other tenants' IDs are all "not found",
 * so the 404 page shows; anything unexpected goes to the error page with its reference.
 */
export async function pageData<T>(requirement: Requirement, load: (ctx: { principal: Principal; services: Services }) => Promise<T>): Promise<T> {
  const principal = await requirePrincipal(requirement);
  try {
    // Azure calls made while loading carry the request's id (x-ms-client-request-id).
    const requestId = await currentRequestId();
    return await withAzureClientRequestId(requestId, () => load({ principal, services: getSharedServices() }));
  } catch (err) {
    if (isAppError(err) && err.kind === "not_found") notFound();
    if (isAppError(err) && err.kind === "forbidden") forbidden();
    throw err;
  }
}
