/**
 * The local Azure Resource Manager: an HTTPS server the official Azure SDK clients talk to
 * unchanged, given its URL as `endpoint`/`baseUri` and a credential from the local Entra ID.
 *
 *   const arm = await startLocalArm({ port: 0, lro: { minMs: 0, maxMs: 20 } });
 *   new NetworkManagementClient(credential, subscriptionId, { endpoint: arm.url });
 *   arm.world.inspect(); arm.world.reset(); await arm.close();
 *
 * See README.md for options, environment variables and the operations covered.
 */
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { resolveConfig, type LocalArmOptions, type ResolvedConfig } from "./config";
import { Rbac } from "./auth/rbac";
import { readCa, TokenVerifier } from "./auth/tokens";
import { buildRouter } from "./handlers/index";
import { createPipeline } from "./http/pipeline";
import { ChangeFeed } from "./protocol/change-feed";
import { FaultInjector } from "./protocol/faults";
import { LroEngine } from "./protocol/lro";
import { Throttler } from "./protocol/throttling";
import type { Services } from "./services";
import { SpecCatalog } from "./validation/spec-catalog";
import type { WorldState } from "./world/model";
import { seedWorld } from "./world/seed";
import { World, type WorldSummary } from "./world/store";
import { CA_CERT_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE } from "../world/local-config";

export type { LocalArmOptions } from "./config";

export type WorldHandle = {
  /** Summary of tenants, subscriptions, resources, connections and role assignments. */
  inspect(): WorldSummary;
  /** The full world as saved-state JSON. */
  snapshot(): WorldState;
  /** Back to the seeded demo world (running operations are dropped). */
  reset(): void;
  load(state: WorldState): void;
  /** Writes the world to `file` (default: the configured state file). */
  save(file?: string): void;
  /** The live world, for tests that need to look closer. */
  readonly live: World;
};

export type LocalArm = {
  /** https://localhost:<port> — pass as the SDK clients' `endpoint`. */
  url: string;
  port: number;
  /** The CA file that signed the server certificate (trust it in clients). */
  caFile?: string;
  world: WorldHandle;
  services: Services;
  /** Milliseconds from the call to listening. */
  startupMs: number;
  close(): Promise<void>;
};

type Tls = { cert: string; key: string; ca?: string; caFile?: string };

async function loadTls(config: ResolvedConfig): Promise<Tls> {
  const t = config.tls;
  if (t && "cert" in t) return { cert: t.cert, key: t.key, ca: t.ca };
  if (t && "certFile" in t) {
    return {
      cert: fs.readFileSync(t.certFile, "utf8"),
      key: fs.readFileSync(t.keyFile, "utf8"),
      ca: t.caFile ? fs.readFileSync(t.caFile, "utf8") : undefined,
      caFile: t.caFile,
    };
  }
  // The shared local CA (dev/certs/ensure-certs.ts) when available; otherwise existing files.
  let paths = { caFile: CA_CERT_FILE, certFile: SERVER_CERT_FILE, keyFile: SERVER_KEY_FILE };
  try {
    const mod = (await import("../certs/ensure-certs")) as { ensureCerts?: () => Promise<typeof paths> };
    if (mod.ensureCerts) paths = await mod.ensureCerts();
  } catch (err) {
    if (!fs.existsSync(paths.certFile)) {
      throw new Error(
        `local ARM: no TLS certificate. Run \`npx tsx dev/certs/ensure-certs.ts\` or pass options.tls. (${String(err)})`,
      );
    }
  }
  return {
    cert: fs.readFileSync(paths.certFile, "utf8"),
    key: fs.readFileSync(paths.keyFile, "utf8"),
    ca: fs.readFileSync(paths.caFile, "utf8"),
    caFile: paths.caFile,
  };
}

function initialWorld(config: ResolvedConfig): World {
  if (config.initialWorld) return new World(config.initialWorld, config.stateFile);
  if (config.stateFile && fs.existsSync(config.stateFile)) {
    const state = JSON.parse(fs.readFileSync(config.stateFile, "utf8")) as WorldState;
    return new World(state, config.stateFile);
  }
  return new World(seedWorld(), config.stateFile);
}

export async function startLocalArm(options: LocalArmOptions = {}): Promise<LocalArm> {
  const t0 = performance.now();
  const config = resolveConfig(options);
  const tls = await loadTls(config);
  const jwksCa = config.jwksCaFile ? readCa(config.jwksCaFile) : tls.ca;
  const world = initialWorld(config);
  const faults = new FaultInjector(config.faults);
  const services: Services = {
    config,
    behaviour: { ...config.behaviour },
    world,
    rbac: new Rbac(world),
    tokens: new TokenVerifier({
      entraUrl: config.entraUrl,
      jwksUri: config.jwksUri,
      caPem: jwksCa,
      audiences: config.audiences,
      acceptV1Issuer: config.acceptV1Issuer,
    }),
    throttler: new Throttler(config.throttling),
    faults,
    lro: new LroEngine(config.lro, faults, config.faults.seed),
    changeFeed: new ChangeFeed(config.changeFeed, tls.ca),
    specs: SpecCatalog.tryLoad(),
    baseUrl: "",
    stats: { total: 0, byStatus: {} },
  };
  if (!services.specs) console.warn("[local-arm] Azure REST spec copies not found: request bodies get only the hand-written checks.");

  const pipeline = createPipeline(services, buildRouter());
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    void pipeline(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  services.baseUrl = `https://localhost:${port}`;
  const startupMs = performance.now() - t0;

  const handle: WorldHandle = {
    inspect: () => world.summary(),
    snapshot: () => world.snapshot(),
    reset: () => {
      services.lro.clear();
      world.reset();
      services.changeFeed.clear();
    },
    load: (state) => {
      services.lro.clear();
      world.load(state);
    },
    save: (file) => {
      const target = file ?? config.stateFile;
      if (!target) throw new Error("no file given and no state file configured");
      world.saveTo(target);
    },
    live: world,
  };

  let closed = false;
  return {
    url: services.baseUrl,
    port,
    caFile: tls.caFile,
    world: handle,
    services,
    startupMs,
    close: async () => {
      if (closed) return;
      closed = true;
      // Operations still running finish now, so a saved world holds no half-done work.
      if (config.stateFile) services.lro.drain();
      services.lro.stop();
      world.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
