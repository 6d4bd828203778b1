/**
 * Options of the local ARM and the environment variables that set them.
 * Explicit options win over environment variables, which win over defaults, so a test can pin
 * what it needs while a developer tunes a running demo through the environment.
 */
import { ARM_RESOURCE } from "../world/demo-tenants";
import { DEFAULT_PORTS } from "../world/local-config";
import { behaviourFromEnv, DEFAULT_BEHAVIOUR, mergeBehaviour, type ArmBehaviour } from "./protocol/behaviour";
import type { WorldState } from "./world/model";

export type TokenBucketConfig = { burst: number; perSecond: number };

export type ThrottlingConfig = {
  enabled: boolean;
  reads: TokenBucketConfig;
  writes: TokenBucketConfig;
};

export type FaultConfig = {
  /** Seed for the fault and timing PRNG; with a seed, a run's faults repeat exactly. */
  seed?: number;
  /** Added latency per request: a fixed value or a [min, max] range in ms. */
  latencyMs: number | [number, number];
  /** Probabilities (0..1) per ARM request. */
  p429: number;
  p500: number;
  p503: number;
  /** Socket destroyed without a response. */
  pDrop: number;
  /** Probability that a long-running operation ends Failed. */
  pLroFail: number;
  /** Retry-After seconds on injected 429/503. */
  retryAfterSeconds: number;
  /** Only requests whose path contains this (case-insensitive) are faulted; empty = all. */
  pathFilter?: string;
};

export type LroConfig = {
  /** Duration of a long-running operation: uniform in [minMs, maxMs]. */
  minMs: number;
  maxMs: number;
  /** Retry-After on 201/202 answers (seconds; 0 = header omitted so clients use their own interval). */
  retryAfterSeconds: number;
};

export type TlsConfig = { certFile: string; keyFile: string; caFile?: string } | { cert: string; key: string; ca?: string };

export type LocalArmOptions = {
  /** Port to listen on (0 = any free port). Default 8443 (LOCAL_ARM_PORT). */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Server certificate. Default: dev/certs/ensure-certs.ts's local CA and localhost certificate. */
  tls?: TlsConfig;
  /** Local Entra ID base URL. Default https://localhost:7443 (LOCAL_ARM_ENTRA_URL). */
  entraUrl?: string;
  /** JWKS URL. Default `${entraUrl}/common/discovery/v2.0/keys` (LOCAL_ARM_JWKS_URI). */
  jwksUri?: string;
  /** CA file trusted when fetching the JWKS. Default: the TLS CA. */
  jwksCaFile?: string;
  /** Also accept v1-shaped issuers `https://sts.windows.net/<tid>/` (LOCAL_ARM_ACCEPT_V1_ISSUER). Default true. */
  acceptV1Issuer?: boolean;
  /** Accepted token audiences. Default: ARM's URIs (with and without trailing slash) and its app ID. */
  audiences?: string[];
  /** Save the world to this JSON file after changes and load it at start (LOCAL_ARM_STATE_FILE). */
  stateFile?: string;
  /** Start from this world instead of the seed (or the state file). */
  initialWorld?: WorldState;
  lro?: Partial<LroConfig>;
  throttling?: Partial<Omit<ThrottlingConfig, "reads" | "writes">> & {
    reads?: Partial<TokenBucketConfig>;
    writes?: Partial<TokenBucketConfig>;
  };
  faults?: Partial<FaultConfig>;
  /** Event Grid–shaped webhook of resource writes/deletes (LOCAL_ARM_CHANGE_FEED_URL). Default off. */
  changeFeed?: { url?: string; providerSideEvents?: boolean };
  /** Items per page in list answers (LOCAL_ARM_PAGE_SIZE). Default 100. */
  pageSize?: number;
  /** Request-message limits per target type (lowercase type → characters). */
  requestMessageLimits?: Record<string, number>;
  /** Log one line per request (LOCAL_ARM_LOG=1), or a function receiving each line. */
  log?: boolean | ((line: string) => void);
  /**
   * "writes": users' create/update/delete/actions need a token whose sign-in had a second factor
   * (Azure's mandatory MFA); without it ARM answers with a claims challenge. App tokens pass.
   * Default "off" (LOCAL_ARM_REQUIRE_MFA=writes|off); the demo world turns it on.
   */
  requireMfa?: RequireMfa;
  /** Where slot connections are listed, how long provider registration takes (protocol/behaviour.ts). */
  behaviour?: Partial<ArmBehaviour>;
};

export type RequireMfa = "writes" | "off";

export type ResolvedConfig = {
  port: number;
  host: string;
  tls?: TlsConfig;
  entraUrl: string;
  jwksUri: string;
  jwksCaFile?: string;
  acceptV1Issuer: boolean;
  audiences: string[];
  stateFile?: string;
  initialWorld?: WorldState;
  lro: LroConfig;
  throttling: ThrottlingConfig;
  faults: FaultConfig;
  changeFeed: { url?: string; providerSideEvents: boolean };
  pageSize: number;
  requestMessageLimits: Record<string, number>;
  log?: (line: string) => void;
  requireMfa: RequireMfa;
  behaviour: ArmBehaviour;
};

export const DEFAULT_REQUEST_MESSAGE_LIMITS: Record<string, number> = {
  // The REST spec's documented limit; what Microsoft.Web enforces is unconfirmed.
  "microsoft.web/sites": 140,
  // Reported to accept 1,000 (azure-facts.md).
  "microsoft.network/privatelinkservices": 1000,
};

export const DEFAULT_THROTTLING: ThrottlingConfig = {
  enabled: true,
  // ARM's token bucket per subscription and region: reads 250 burst / 25 per second,
  // writes 200 burst / 10 per second.
  reads: { burst: 250, perSecond: 25 },
  writes: { burst: 200, perSecond: 10 },
};

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  p429: 0,
  p500: 0,
  p503: 0,
  pDrop: 0,
  pLroFail: 0,
  retryAfterSeconds: 1,
};

type Env = Record<string, string | undefined>;

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got '${v}'`);
  return n;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  return /^(1|true|yes|on)$/i.test(v.trim());
}

/** "300-800" → [300, 800]; "50" → [50, 50]. */
export function parseRange(v: string): [number, number] {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
  if (!m) throw new Error(`expected a number or range like 300-800, got '${v}'`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return [Math.min(a, b), Math.max(a, b)];
}

/**
 * LOCAL_ARM_THROTTLE: "off", or "reads=250/25,writes=200/10" (burst/per-second).
 */
export function parseThrottleEnv(v: string | undefined): Partial<ThrottlingConfig> | undefined {
  if (!v || v.trim() === "") return undefined;
  if (/^(off|false|0|none)$/i.test(v.trim())) return { enabled: false };
  const out: Partial<ThrottlingConfig> = { enabled: true };
  for (const part of v.split(",")) {
    const m = /^\s*(reads|writes)\s*=\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/i.exec(part);
    if (!m) throw new Error(`LOCAL_ARM_THROTTLE: cannot read '${part}' (want reads=250/25,writes=200/10 or off)`);
    out[m[1]!.toLowerCase() as "reads" | "writes"] = { burst: Number(m[2]), perSecond: Number(m[3]) };
  }
  return out;
}

/**
 * LOCAL_ARM_FAULTS: comma-separated key=value, e.g. "seed=42,latency=20-80,p429=0.1,p500=0.02,
 * p503=0,drop=0.01,lroFail=0.1,retryAfter=1,path=privateEndpoints".
 */
export function parseFaultsEnv(v: string | undefined): Partial<FaultConfig> | undefined {
  if (!v || v.trim() === "") return undefined;
  const out: Partial<FaultConfig> = {};
  for (const part of v.split(",")) {
    if (part.trim() === "") continue;
    const [k, val] = part.split("=").map((s) => s.trim());
    if (!k || val === undefined) throw new Error(`LOCAL_ARM_FAULTS: cannot read '${part}'`);
    switch (k.toLowerCase()) {
      case "seed":
        out.seed = num(val);
        break;
      case "latency":
      case "latencyms": {
        const [a, b] = parseRange(val);
        out.latencyMs = a === b ? a : [a, b];
        break;
      }
      case "p429":
        out.p429 = num(val);
        break;
      case "p500":
        out.p500 = num(val);
        break;
      case "p503":
        out.p503 = num(val);
        break;
      case "drop":
      case "pdrop":
        out.pDrop = num(val);
        break;
      case "lrofail":
      case "plrofail":
        out.pLroFail = num(val);
        break;
      case "retryafter":
        out.retryAfterSeconds = num(val);
        break;
      case "path":
        out.pathFilter = val;
        break;
      default:
        throw new Error(`LOCAL_ARM_FAULTS: unknown key '${k}'`);
    }
  }
  return out;
}

/** LOCAL_ARM_REQUIRE_MFA: "writes" or "off". */
export function parseRequireMfaEnv(v: string | undefined): RequireMfa | undefined {
  if (!v || v.trim() === "") return undefined;
  const value = v.trim().toLowerCase();
  if (value === "writes") return "writes";
  if (/^(off|false|0|none)$/.test(value)) return "off";
  throw new Error(`LOCAL_ARM_REQUIRE_MFA: expected 'writes' or 'off', got '${v}'`);
}

export function validateFaults(f: FaultConfig): FaultConfig {
  for (const k of ["p429", "p500", "p503", "pDrop", "pLroFail"] as const) {
    const p = f[k];
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new Error(`fault probability ${k} must be within 0..1, got ${String(p)}`);
  }
  const lat = Array.isArray(f.latencyMs) ? f.latencyMs : [f.latencyMs, f.latencyMs];
  if (lat.some((x) => typeof x !== "number" || x < 0)) throw new Error("latencyMs must be >= 0");
  return f;
}

export function resolveConfig(options: LocalArmOptions = {}, env: Env = process.env): ResolvedConfig {
  const entraUrl = (options.entraUrl ?? env.LOCAL_ARM_ENTRA_URL ?? `https://localhost:${DEFAULT_PORTS.entra}`).replace(/\/+$/, "");
  const lroEnv = env.LOCAL_ARM_LRO_MS ? parseRange(env.LOCAL_ARM_LRO_MS) : undefined;
  const lroMin = options.lro?.minMs ?? lroEnv?.[0] ?? 300;
  const lroMax = options.lro?.maxMs ?? lroEnv?.[1] ?? Math.max(lroMin, 800);
  const throttleEnv = parseThrottleEnv(env.LOCAL_ARM_THROTTLE);
  const faultsEnv = parseFaultsEnv(env.LOCAL_ARM_FAULTS);
  const logOpt = options.log ?? bool(env.LOCAL_ARM_LOG);
  const log = typeof logOpt === "function" ? logOpt : logOpt ? (line: string) => console.log(line) : undefined;

  return {
    port: options.port ?? num(env.LOCAL_ARM_PORT) ?? DEFAULT_PORTS.arm,
    host: options.host ?? env.LOCAL_ARM_HOST ?? "127.0.0.1",
    tls: options.tls,
    entraUrl,
    jwksUri: options.jwksUri ?? env.LOCAL_ARM_JWKS_URI ?? `${entraUrl}/common/discovery/v2.0/keys`,
    jwksCaFile: options.jwksCaFile,
    acceptV1Issuer: options.acceptV1Issuer ?? bool(env.LOCAL_ARM_ACCEPT_V1_ISSUER) ?? true,
    audiences: options.audiences ?? [
      ARM_RESOURCE.audience,
      `${ARM_RESOURCE.audience}/`,
      "https://management.core.windows.net",
      "https://management.core.windows.net/",
      ARM_RESOURCE.appId,
    ],
    stateFile: options.stateFile ?? env.LOCAL_ARM_STATE_FILE,
    initialWorld: options.initialWorld,
    lro: {
      minMs: lroMin,
      maxMs: Math.max(lroMin, lroMax),
      retryAfterSeconds: options.lro?.retryAfterSeconds ?? num(env.LOCAL_ARM_LRO_RETRY_AFTER) ?? 1,
    },
    throttling: {
      enabled: options.throttling?.enabled ?? throttleEnv?.enabled ?? DEFAULT_THROTTLING.enabled,
      reads: { ...DEFAULT_THROTTLING.reads, ...throttleEnv?.reads, ...options.throttling?.reads },
      writes: { ...DEFAULT_THROTTLING.writes, ...throttleEnv?.writes, ...options.throttling?.writes },
    },
    faults: validateFaults({ ...NO_FAULTS, ...faultsEnv, ...options.faults }),
    changeFeed: {
      url: options.changeFeed?.url ?? env.LOCAL_ARM_CHANGE_FEED_URL,
      providerSideEvents: options.changeFeed?.providerSideEvents ?? false,
    },
    pageSize: options.pageSize ?? num(env.LOCAL_ARM_PAGE_SIZE) ?? 100,
    requestMessageLimits: { ...DEFAULT_REQUEST_MESSAGE_LIMITS, ...options.requestMessageLimits },
    log,
    requireMfa: options.requireMfa ?? parseRequireMfaEnv(env.LOCAL_ARM_REQUIRE_MFA) ?? "off",
    behaviour: mergeBehaviour({ ...DEFAULT_BEHAVIOUR, ...behaviourFromEnv(env) }, options.behaviour ?? {}),
  };
}
