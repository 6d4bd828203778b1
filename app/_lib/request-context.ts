import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave this request: it appears in every log line and on error pages. */
export async function currentRequestId(): Promise<string> {
  return (await headers()).get("x-request-id") ?? crypto.randomUUID();
}

/** The path (with query) being rendered, for "sign in and come back here". */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-crosslink-path") ?? "/";
}
