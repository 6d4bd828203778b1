import { NextResponse, type NextRequest } from "next/server";

/**
 * Gives every request an id (kept if a trusted proxy already set a well-formed one) and passes the
 * requested path to server components, which need it to send people back after sign-in.
 * No authorization happens here: each page, action and route handler checks for itself.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-crosslink-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
