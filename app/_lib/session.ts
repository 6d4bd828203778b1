import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { authorize, AuthorizationError, type Requirement } from "@/lib/auth/authorize";
import type { Principal } from "@/lib/auth/principal";
import { principalFromSessionToken, sessionCookieName } from "@/lib/auth/session-store";
import { getSharedServices, type Services } from "@/lib/services";
import { currentPath } from "./request-context";

/** The person behind a request's session cookie, or null (route handlers pass their request's cookies). */
export function principalFromCookies(services: Services, jar: { get(name: string): { value: string } | undefined }): Promise<Principal | null> {
  return principalFromSessionToken(services.db, jar.get(sessionCookieName(services.config.appBaseUrl))?.value);
}

/** The signed-in person for this request, or null. Looked up once per request. */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  // cookies() first: it marks the page dynamic, so the build never evaluates runtime config.
  const jar = await cookies();
  return principalFromCookies(getSharedServices(), jar);
});

/**
 * For pages and server actions: the principal when the requirement holds; otherwise a redirect to
 * sign-in (and back here afterwards) or the 403 page.
 */
export async function requirePrincipal(requirement: Requirement = {}): Promise<Principal> {
  try {
    return authorize(await getPrincipal(), requirement);
  } catch (err) {
    if (err instanceof AuthorizationError && err.kind === "unauthenticated") {
      redirect(`/auth/sign-in?returnTo=${encodeURIComponent(await currentPath())}`);
    }
    if (err instanceof AuthorizationError) forbidden();
    throw err;
  }
}
