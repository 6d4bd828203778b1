import "server-only";
import type { NextRequest } from "next/server";

/** Request id set by proxy.ts (route handlers read it from the request itself). */
export function requestIdOf(request: NextRequest | Request): string {
  return request.headers.get("x-request-id") ?? crypto.randomUUID();
}

/** Cookie attributes for the session: httpOnly, SameSite=Lax, Secure under https. */
export function sessionCookieOptions(appBaseUrl: string, expires?: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: appBaseUrl.startsWith("https://"),
    path: "/",
    ...(expires ? { expires } : {}),
  };
}
