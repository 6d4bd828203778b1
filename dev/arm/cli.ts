/**
 * Command line for the local ARM's world and settings. Talks to a running server through its
 * /_local admin API; `reset` and `inspect` also work on the state file when no server runs.
 *
 *   npx tsx dev/arm/cli.ts inspect [--json]
 *   npx tsx dev/arm/cli.ts reset
 *   npx tsx dev/arm/cli.ts faults [reset | key=value ...]     e.g. p429=0.2 latency=50-200 seed=1
 *   npx tsx dev/arm/cli.ts throttling [on | off | reads=250/25 writes=200/10]
 *   npx tsx dev/arm/cli.ts lro [300-800] [retryAfter=1]
 *   npx tsx dev/arm/cli.ts save [file] | load [file]
 *   npx tsx dev/arm/cli.ts events | stats
 *   npx tsx dev/arm/cli.ts seed-file <file>                   write the seeded world (no server)
 *
 * Options: --url (default LOCAL_ARM_URL or https://localhost:$LOCAL_ARM_PORT|8443),
 *          --ca (default NODE_EXTRA_CA_CERTS or the local CA file), --state-file (LOCAL_ARM_STATE_FILE).
 */
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { parseFaultsEnv, parseRange, parseThrottleEnv } from "./config";
import { seedWorld } from "./world/seed";
import { World, type WorldSummary } from "./world/store";
import { CA_CERT_FILE, DEFAULT_PORTS } from "../world/local-config";

type Args = { command: string; rest: string[]; url: string; ca?: string; stateFile?: string; json: boolean };

export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): Args {
  const rest: string[] = [];
  let url = env.LOCAL_ARM_URL ?? `https://localhost:${env.LOCAL_ARM_PORT ?? DEFAULT_PORTS.arm}`;
  let ca = env.NODE_EXTRA_CA_CERTS ?? (fs.existsSync(CA_CERT_FILE) ? CA_CERT_FILE : undefined);
  let stateFile = env.LOCAL_ARM_STATE_FILE;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--url") url = argv[++i]!;
    else if (a === "--ca") ca = argv[++i];
    else if (a === "--state-file") stateFile = argv[++i];
    else if (a === "--json") json = true;
    else rest.push(a);
  }
  const command = rest.shift() ?? "help";
  return { command, rest, url: url.replace(/\/+$/, ""), ca, stateFile, json };
}

function call(args: Args, method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(p, args.url),
      {
        method,
        ca: args.ca ? fs.readFileSync(args.ca) : undefined,
        headers: text ? { "content-type": "application/json", "content-length": Buffer.byteLength(text) } : {},
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, json: raw ? (JSON.parse(raw) as unknown) : undefined });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${args.url}`)));
    req.on("error", reject);
    req.end(text);
  });
}

async function admin(args: Args, method: string, p: string, body?: unknown): Promise<unknown> {
  const r = await call(args, method, p, body);
  if (r.status >= 400) throw new Error(`${method} ${p} → ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json;
}

export function formatSummary(s: WorldSummary): string {
  const lines: string[] = [`World version ${s.version}`, "", "Tenants and subscriptions:"];
  for (const sub of s.subscriptions) {
    const tenant = s.tenants.find((t) => t.tenantId === sub.tenantId);
    lines.push(`  ${tenant?.displayName ?? sub.tenantId}: ${sub.displayName} (${sub.subscriptionId}) groups: ${sub.resourceGroups.join(", ") || "-"}`);
  }
  lines.push("", "Resources:");
  for (const r of s.resources) lines.push(`  ${r.kind.padEnd(18)} ${r.provisioningState ?? ""}  ${r.id}`);
  lines.push("", `Connections (${s.connections.length}):`);
  for (const c of s.connections) {
    lines.push(`  ${c.status.padEnd(9)} consumer sees ${c.consumerSees.padEnd(12)} ${c.privateEndpointId}`);
    lines.push(`            → ${c.targetId}${c.groupId ? ` [${c.groupId}]` : ""} as ${c.providerConnectionName}`);
  }
  lines.push("", "Role assignments:");
  for (const a of s.roleAssignments) lines.push(`  ${a.principalId} ${a.role} @ ${a.scope}`);
  return lines.join("\n");
}

function kv(rest: string[]): string {
  return rest.join(",");
}

async function reachable(args: Args): Promise<boolean> {
  try {
    const r = await call(args, "GET", "/_local/health");
    return r.status === 200;
  } catch {
    return false;
  }
}

export async function run(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  const print = (v: unknown) => out(typeof v === "string" ? v : JSON.stringify(v, null, 2));
  switch (args.command) {
    case "inspect": {
      let summary: WorldSummary;
      if (await reachable(args)) summary = (await admin(args, "GET", "/_local/world")) as WorldSummary;
      else if (args.stateFile && fs.existsSync(args.stateFile)) summary = World.fromFile(args.stateFile).summary();
      else throw new Error(`The local ARM at ${args.url} does not answer and there is no state file.`);
      print(args.json ? summary : formatSummary(summary));
      return 0;
    }
    case "reset": {
      if (await reachable(args)) {
        await admin(args, "POST", "/_local/world/reset");
        print(`Reset the world of the local ARM at ${args.url}.`);
      } else if (args.stateFile) {
        fs.mkdirSync(path.dirname(args.stateFile), { recursive: true });
        fs.writeFileSync(args.stateFile, JSON.stringify(seedWorld(), null, 2));
        print(`The local ARM is not running; wrote the seeded world to ${args.stateFile}.`);
      } else {
        throw new Error(`The local ARM at ${args.url} does not answer and LOCAL_ARM_STATE_FILE is not set.`);
      }
      return 0;
    }
    case "faults": {
      if (args.rest.length === 0) print(await admin(args, "GET", "/_local/faults"));
      else if (args.rest[0] === "reset") print(await admin(args, "PUT", "/_local/faults", { reset: true, resetStats: true }));
      else print(await admin(args, "PUT", "/_local/faults", parseFaultsEnv(kv(args.rest))));
      return 0;
    }
    case "throttling": {
      if (args.rest.length === 0) print(await admin(args, "GET", "/_local/throttling"));
      else if (args.rest[0] === "on") print(await admin(args, "PUT", "/_local/throttling", { enabled: true }));
      else print(await admin(args, "PUT", "/_local/throttling", parseThrottleEnv(kv(args.rest))));
      return 0;
    }
    case "lro": {
      const body: Record<string, number> = {};
      for (const a of args.rest) {
        const m = /^retryAfter=(\d+)$/i.exec(a);
        if (m) body.retryAfterSeconds = Number(m[1]);
        else [body.minMs, body.maxMs] = parseRange(a);
      }
      print(await admin(args, Object.keys(body).length ? "PUT" : "GET", "/_local/lro", Object.keys(body).length ? body : undefined));
      return 0;
    }
    case "save":
      print(await admin(args, "POST", "/_local/world/save", args.rest[0] ? { file: path.resolve(args.rest[0]) } : {}));
      return 0;
    case "load":
      print(await admin(args, "POST", "/_local/world/load", args.rest[0] ? { file: path.resolve(args.rest[0]) } : {}));
      return 0;
    case "events":
      print(await admin(args, "GET", "/_local/events"));
      return 0;
    case "stats":
      print(await admin(args, "GET", "/_local/stats"));
      return 0;
    case "seed-file": {
      const file = args.rest[0] ?? args.stateFile;
      if (!file) throw new Error("seed-file needs a file name");
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(seedWorld(), null, 2));
      print(`Wrote the seeded world to ${file}.`);
      return 0;
    }
    default:
      print(HELP);
      return args.command === "help" ? 0 : 2;
  }
}

const HELP = `Local ARM command line
  inspect [--json]                 the running server's world (or the state file's)
  reset                            back to the seeded demo world
  faults [reset | key=value ...]   e.g. p429=0.2 p500=0.05 p503=0 drop=0.01 lroFail=0.1 latency=50-200 seed=1 retryAfter=1
  throttling [on | off | reads=250/25 writes=200/10]
  lro [min-max] [retryAfter=N]     long-running operation duration in ms
  save [file] | load [file]        world to / from a JSON file (default: the state file)
  events | stats
  seed-file <file>                 write the seeded world to a file (no server needed)
Options: --url URL  --ca FILE  --state-file FILE  --json`;

// Run when executed directly (tsx dev/arm/cli.ts), not when imported by tests.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
