import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness: is the database reachable, which version and mode are running. */
export async function GET() {
  const config = getConfig();
  const started = performance.now();
  let database: "reachable" | "unreachable" = "reachable";
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch (err) {
    database = "unreachable";
    logger().error({ err }, "health check: database unreachable");
  }
  const body = {
    status: database === "reachable" ? "ok" : "degraded",
    version: packageJson.version,
    mode: config.mode,
    database,
    databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10,
  };
  return NextResponse.json(body, { status: database === "reachable" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
