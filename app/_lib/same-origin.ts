import "server-only";
import type { NextRequest } from "next/server";

/**
 * True when a browser sent this request from another site (a cross-site form post, a fetch from
 * another origin): the Origin header names someone else. Requests without Origin come from
 * programs, not from a page a victim has open; they carry no ambient cookie by accident.
 * Our origin is the configured one, or the one the request was addressed to (behind a proxy
 * that keeps Host), so a direct port in development also counts as ours.
 */
export function isCrossOrigin(request: NextRequest, appBaseUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  if (origin === "null") return true; // sandboxed frames and data: URLs hide their origin
  const ours = new Set([new URL(appBaseUrl).origin, request.nextUrl.origin]);
  return !ours.has(origin);
}
