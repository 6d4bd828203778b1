/**
 * Benchmark of the local ARM (loopback only):
 *   npx tsx dev/arm/bench.ts [--requests 3000] [--seconds 5] [--concurrency 1,8,32,64]
 *
 * The server runs in its own process (as in the local world), the load generator here, so on a
 * 2-core machine each gets a core. Tokens come from a self-signing issuer whose JWKS the server
 * fetches and verifies against — real RS256 verification, the same code path as local-Entra tokens.
 * Throttling is switched off for the run (LOCAL_ARM_THROTTLE=off): with ARM's real limits
 * (25 reads/s after a 250 burst) the benchmark would only measure 429s.
 *
 * Measures: start-up (process spawn → listening, and startLocalArm() itself), then GET
 * throughput and p50/p95/p99 latency of a private endpoint GET and a site GET at several
 * concurrencies with one (cached) token, and a private endpoint GET with a fresh token per
 * request (every request pays the signature check).
 */
import { spawn } from "node:child_process";
import https from "node:https";
import path from "node:path";
import { REPO_ROOT } from "../world/local-config";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../world/demo-resources";

type Args = { requests: number; seconds: number; concurrency: number[] };

function parseArgs(argv: string[]): Args {
  const a: Args = { requests: 3000, seconds: 5, concurrency: [1, 8, 32, 64] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--requests") a.requests = Number(argv[++i]);
    else if (argv[i] === "--seconds") a.seconds = Number(argv[++i]);
    else if (argv[i] === "--concurrency") a.concurrency = argv[++i]!.split(",").map(Number);
  }
  return a;
}

// ------------------------------------------------------------------ server side (child process)

async function serve(): Promise<void> {
  const { startLocalArm } = await import("./server");
  const arm = await startLocalArm();
  process.stdout.write(`${JSON.stringify({ url: arm.url, startupMs: arm.startupMs })}\n`);
  process.on("SIGTERM", () => void arm.close().then(() => process.exit(0)));
}

// ------------------------------------------------------------------ load side

type Result = { label: string; concurrency: number; count: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(
  base: string,
  ca: string,
  label: string,
  concurrency: number,
  args: Args,
  nextRequest: (i: number) => { path: string; token: string },
): Promise<Result> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: concurrency, ca });
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const deadline = performance.now() + args.seconds * 1000;
  const one = (p: string, token: string) =>
    new Promise<number>((resolve) => {
      const req = https.request(new URL(p, base), { method: "GET", agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < args.requests && performance.now() < deadline) {
        const { path: p, token } = nextRequest(issued++);
        const t0 = performance.now();
        const status = await one(p, token);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label,
    concurrency,
    count: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { testTls, rawRequest, eventually } = await import("./test-support/harness");
  const { startTokenIssuer } = await import("./test-support/token-issuer");
  const tls = await testTls();
  const issuer = await startTokenIssuer(tls);

  const spawnedAt = performance.now();
  const child = spawn(path.join(REPO_ROOT, "node_modules/.bin/tsx"), [path.join(REPO_ROOT, "dev/arm/bench.ts"), "--serve"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOCAL_ARM_PORT: "0",
      LOCAL_ARM_ENTRA_URL: issuer.url,
      LOCAL_ARM_THROTTLE: "off",
      LOCAL_ARM_LRO_MS: "0",
      LOCAL_ARM_FAULTS: "",
      LOCAL_ARM_STATE_FILE: "",
      LOCAL_ARM_LOG: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<{ url: string; startupMs: number }>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (d: Buffer) => {
      text += d.toString();
      const line = text.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as { url: string; startupMs: number });
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const spawnToReady = performance.now() - spawnedAt;

  try {
    const felix = await issuer.user("felix@fabrikam.onmicrosoft.com");
    const sp = await issuer.app("contoso");
    const pePath = `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-bench?api-version=2025-05-01`;
    const put = await rawRequest(ready.url, tls.ca, "PUT", pePath, {
      token: felix,
      body: {
        location: F.location,
        properties: {
          subnet: { id: F.vnet.subnets.endpoints.id },
          manualPrivateLinkServiceConnections: [{ name: "c", properties: { privateLinkServiceId: C.sites.orders.id, groupIds: ["sites"], requestMessage: "bench" } }],
        },
      },
    });
    if (put.status !== 201) throw new Error(`could not create the endpoint: ${put.status} ${put.text}`);
    await eventually(async () => ((await rawRequest(ready.url, tls.ca, "GET", pePath, { token: felix })).json?.properties?.provisioningState === "Succeeded" ? true : undefined));
    const sitePath = `${C.sites.orders.id}?api-version=2025-05-01`;

    const first = performance.now();
    await rawRequest(ready.url, tls.ca, "GET", pePath, { token: await issuer.user("felix@fabrikam.onmicrosoft.com", { jti: "first" }) });
    const firstVerifyMs = performance.now() - first;

    const results: Result[] = [];
    // Warm-up (JIT, connections), not reported.
    await load(ready.url, tls.ca, "warm-up", 8, { ...args, requests: 500 }, () => ({ path: pePath, token: felix }));
    for (const c of args.concurrency) {
      results.push(await load(ready.url, tls.ca, "GET privateEndpoint (cached token)", c, args, () => ({ path: pePath, token: felix })));
    }
    for (const c of args.concurrency) {
      results.push(await load(ready.url, tls.ca, "GET site (cached app token)", c, args, () => ({ path: sitePath, token: sp })));
    }
    const freshCount = Math.min(args.requests, 2000);
    const fresh = await Promise.all(Array.from({ length: freshCount }, (_, i) => issuer.user("felix@fabrikam.onmicrosoft.com", { jti: `bench-${i}` })));
    results.push(await load(ready.url, tls.ca, "GET privateEndpoint (new token each request)", 32, { ...args, requests: freshCount }, (i) => ({ path: pePath, token: fresh[i % fresh.length]! })));

    console.log("\nLocal ARM benchmark (loopback, throttling off, server in its own process)");
    console.log(`  start-up: ${spawnToReady.toFixed(0)} ms from spawn to listening (tsx + Node boot included); startLocalArm() ${ready.startupMs.toFixed(0)} ms`);
    console.log(`  first request with a new token (JWKS fetch + RS256 verify): ${firstVerifyMs.toFixed(1)} ms\n`);
    console.log("  scenario                                        conc  requests  errors     req/s    p50 ms   p95 ms   p99 ms");
    for (const r of results) {
      console.log(
        `  ${r.label.padEnd(46)} ${String(r.concurrency).padStart(5)} ${String(r.count).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`,
      );
    }
    const best = Math.max(...results.filter((r) => r.label.startsWith("GET privateEndpoint (cached")).map((r) => r.rps));
    console.log(`\n  target ≥ 1000 GET/s: ${best >= 1000 ? "met" : "NOT met"} (best ${best.toFixed(0)} req/s)`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    await issuer.close();
  }
}

if (process.argv.includes("--serve")) {
  serve().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
