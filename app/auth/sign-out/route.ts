import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { signOut } from "@/lib/auth/sign-out";
import { sessionCookieName } from "@/lib/auth/session-store";
import { requestIdOf, sessionCookieOptions } from "@/app/_lib/http";

/**
 * Sign-out is a POST (a link or image cannot sign anyone out). The session is deleted here, the
 * cookie cleared, and the browser sent to the identity provider's end-session endpoint.
 */
export async function POST(request: NextRequest) {
  const config = getConfig();
  const name = sessionCookieName(config.appBaseUrl);
  const { logoutUrl } = await signOut(getDb(), config, request.cookies.get(name)?.value, {
    requestId: requestIdOf(request),
  });
  const response = NextResponse.redirect(logoutUrl, { status: 303 });
  response.cookies.set(name, "", { ...sessionCookieOptions(config.appBaseUrl), maxAge: 0 });
  return response;
}
