/**
 * The local-only admin API under /_local (not ARM, no token: the server binds to loopback).
 * Used by the CLI (dev/arm/cli.ts), tests and demos to inspect and reset the world and to change
 * faults, throttling, operation timing and the change feed while the server runs.
 *
 *   GET  /_local/health                   liveness
 *   GET  /_local/world[?full=1]           summary (or the full saved-state JSON)
 *   POST /_local/world/reset              back to the seeded demo world
 *   POST /_local/world/save  {file?}      write the world to a JSON file (default: the state file)
 *   POST /_local/world/load  {file?|state?}
 *   GET|PUT /_local/faults                fault settings ({"reset":true} clears them)
 *   GET|PUT /_local/throttling            {enabled, reads:{burst,perSecond}, writes:{...}}
 *   GET|PUT /_local/lro                   {minMs, maxMs, retryAfterSeconds}
 *   GET|PUT /_local/mfa                   {requireMfa: "writes" | "off"}
 *   GET|PUT /_local/change-feed           {url, providerSideEvents}
 *   GET|PUT /_local/behaviour             {slotConnections: "slot"|"site", registrationMs}
 *   GET|DELETE /_local/events             recent change-feed events
 *   GET /_local/stats, POST /_local/stats/reset
 */
import fs from "node:fs";
import { NO_FAULTS, validateFaults, type FaultConfig } from "../config";
import { Errors } from "../http/errors";
import { mergeBehaviour } from "../protocol/behaviour";
import type { Reply } from "../http/router";
import type { Services } from "../services";
import type { WorldState } from "../world/model";
import { isObject, ok } from "./common";

function json(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let v: unknown;
  try {
    v = JSON.parse(raw.toString("utf8"));
  } catch {
    throw Errors.invalidRequestContent("The admin request body is not JSON.");
  }
  if (!isObject(v)) throw Errors.badRequest("The admin request body must be a JSON object.");
  return v;
}

function bad(e: unknown): never {
  throw Errors.badRequest(e instanceof Error ? e.message : String(e));
}

export function stats(svc: Services): Record<string, unknown> {
  return {
    requests: svc.stats,
    faults: svc.faults.stats,
    throttled: svc.throttler.throttled,
    operationsStarted: svc.lro.started,
    tokenVerifications: svc.tokens.verifications,
    changeFeed: { delivered: svc.changeFeed.delivered, failed: svc.changeFeed.failed },
    worldVersion: svc.world.version,
  };
}

export function handleAdmin(svc: Services, method: string, path: string, query: URLSearchParams, raw: Buffer): Reply {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_local/health":
      return ok({ status: "ok", url: svc.baseUrl, worldVersion: svc.world.version });

    case "GET /_local/world":
      return ok(query.get("full") ? svc.world.snapshot() : svc.world.summary());

    case "POST /_local/world/reset":
      svc.lro.clear();
      svc.world.reset();
      svc.changeFeed.clear();
      return ok(svc.world.summary());

    case "POST /_local/world/save": {
      const body = json(raw);
      const file = typeof body.file === "string" ? body.file : svc.config.stateFile;
      if (!file) throw Errors.badRequest("No file given and the server has no state file (LOCAL_ARM_STATE_FILE).");
      svc.lro.drain();
      svc.world.saveTo(file);
      return ok({ saved: file, worldVersion: svc.world.version });
    }

    case "POST /_local/world/load": {
      const body = json(raw);
      let state: WorldState | undefined;
      if (isObject(body.state)) state = body.state as unknown as WorldState;
      else {
        const file = typeof body.file === "string" ? body.file : svc.config.stateFile;
        if (!file) throw Errors.badRequest("Give {file} or {state}.");
        try {
          state = JSON.parse(fs.readFileSync(file, "utf8")) as WorldState;
        } catch (e) {
          bad(e);
        }
      }
      svc.lro.clear();
      try {
        svc.world.load(state!);
      } catch (e) {
        bad(e);
      }
      return ok(svc.world.summary());
    }

    case "GET /_local/faults":
      return ok({ config: svc.faults.config, stats: svc.faults.stats });

    case "PUT /_local/faults": {
      const body = json(raw);
      const base: FaultConfig = body.reset === true ? { ...NO_FAULTS } : { ...svc.faults.config };
      const { reset: _reset, ...rest } = body;
      try {
        const next = validateFaults({ ...base, ...(rest as Partial<FaultConfig>) });
        svc.faults.configure(next);
        svc.lro.configure(svc.lro.config, next.seed);
      } catch (e) {
        bad(e);
      }
      if (body.resetStats === true) svc.faults.resetStats();
      return ok({ config: svc.faults.config, stats: svc.faults.stats });
    }

    case "GET /_local/throttling":
      return ok(svc.throttler.config);

    case "PUT /_local/throttling": {
      const body = json(raw);
      const cur = svc.throttler.config;
      const next = {
        enabled: typeof body.enabled === "boolean" ? body.enabled : cur.enabled,
        reads: { ...cur.reads, ...(isObject(body.reads) ? body.reads : {}) },
        writes: { ...cur.writes, ...(isObject(body.writes) ? body.writes : {}) },
      };
      for (const b of [next.reads, next.writes]) {
        if (typeof b.burst !== "number" || typeof b.perSecond !== "number" || b.burst < 0 || b.perSecond < 0) {
          throw Errors.badRequest("burst and perSecond must be non-negative numbers.");
        }
      }
      svc.throttler.configure(next as typeof cur);
      return ok(svc.throttler.config);
    }

    case "GET /_local/mfa":
      return ok({ requireMfa: svc.config.requireMfa });

    case "PUT /_local/mfa": {
      const body = json(raw);
      if (body.requireMfa !== "writes" && body.requireMfa !== "off") throw Errors.badRequest('requireMfa must be "writes" or "off".');
      svc.config.requireMfa = body.requireMfa;
      return ok({ requireMfa: svc.config.requireMfa });
    }

    case "GET /_local/lro":
      return ok(svc.lro.config);

    case "PUT /_local/lro": {
      const body = json(raw);
      const cur = svc.lro.config;
      const next = {
        minMs: typeof body.minMs === "number" ? body.minMs : cur.minMs,
        maxMs: typeof body.maxMs === "number" ? body.maxMs : cur.maxMs,
        retryAfterSeconds: typeof body.retryAfterSeconds === "number" ? body.retryAfterSeconds : cur.retryAfterSeconds,
      };
      if (next.minMs < 0 || next.maxMs < next.minMs) throw Errors.badRequest("Need 0 <= minMs <= maxMs.");
      svc.lro.configure(next);
      return ok(svc.lro.config);
    }

    case "GET /_local/change-feed":
      return ok(svc.changeFeed.config);

    case "PUT /_local/change-feed": {
      const body = json(raw);
      if (body.url !== undefined && body.url !== null && typeof body.url !== "string") throw Errors.badRequest("url must be a string or null.");
      if (typeof body.url === "string") {
        try {
          new URL(body.url);
        } catch {
          throw Errors.badRequest(`'${body.url}' is not a URL.`);
        }
      }
      svc.changeFeed.configure({
        url: typeof body.url === "string" ? body.url : body.url === null ? undefined : svc.changeFeed.config.url,
        providerSideEvents:
          typeof body.providerSideEvents === "boolean" ? body.providerSideEvents : svc.changeFeed.config.providerSideEvents,
      });
      return ok(svc.changeFeed.config);
    }

    case "GET /_local/behaviour":
      return ok(svc.behaviour);

    case "PUT /_local/behaviour": {
      try {
        svc.behaviour = mergeBehaviour(svc.behaviour, json(raw));
      } catch (e) {
        bad(e);
      }
      return ok(svc.behaviour);
    }

    case "GET /_local/events":
      return ok({ value: svc.changeFeed.recent() });

    case "DELETE /_local/events":
      svc.changeFeed.clear();
      return { status: 204 };

    case "GET /_local/stats":
      return ok(stats(svc));

    case "POST /_local/stats/reset":
      svc.stats.total = 0;
      svc.stats.byStatus = {};
      svc.faults.resetStats();
      svc.throttler.throttled = 0;
      return ok(stats(svc));

    default:
      throw Errors.pathNotFound(path);
  }
}
