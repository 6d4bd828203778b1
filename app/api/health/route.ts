import { NextResponse } from "next/server";
import { route } from "@/app/_lib/route";
import { logger } from "@/lib/log/logger";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness: is the database reachable, which version and mode are running. */
export const GET = route({ auth: "none" }, async ({ services }) => {
  const started = performance.now();
  let database: "reachable" | "unreachable" = "reachable";
  try {
    await services.db.$queryRaw`SELECT 1`;
  } catch (err) {
    database = "unreachable";
    logger().error({ err }, "health check: database unreachable");
  }
  const body = {
    status: database === "reachable" ? "ok" : "degraded",
    version: packageJson.version,
    mode: services.config.mode,
    database,
    databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10,
  };
  return NextResponse.json(body, { status: database === "reachable" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
