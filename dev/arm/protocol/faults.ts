/**
 * Fault injection for ARM requests: added latency, 429s, 500s, 503s, dropped connections, and
 * long-running operations that end Failed. Configured per run (options / LOCAL_ARM_FAULTS) and
 * changed at runtime through PUT /_local/faults. With a seed, decisions come from a seeded PRNG
 * so the same request sequence meets the same faults.
 */
import { validateFaults, type FaultConfig } from "../config";
import { between, rngFor, type Rng } from "./prng";

export type FaultDecision = {
  latencyMs: number;
  action: "none" | "drop" | "429" | "500" | "503";
};

export type FaultStats = {
  requestsSeen: number;
  injected429: number;
  injected500: number;
  injected503: number;
  dropped: number;
  lroFailed: number;
  latencyAddedMs: number;
};

function emptyStats(): FaultStats {
  return { requestsSeen: 0, injected429: 0, injected500: 0, injected503: 0, dropped: 0, lroFailed: 0, latencyAddedMs: 0 };
}

export class FaultInjector {
  private rng: Rng;
  stats: FaultStats = emptyStats();

  constructor(private cfg: FaultConfig) {
    this.rng = rngFor(cfg.seed);
  }

  get config(): FaultConfig {
    return this.cfg;
  }

  /** Replaces the configuration (and restarts the PRNG from the seed). */
  configure(next: FaultConfig): void {
    this.cfg = validateFaults(next);
    this.rng = rngFor(next.seed);
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /** Draws the fate of one ARM request. */
  decide(path: string): FaultDecision {
    const c = this.cfg;
    if (c.pathFilter && !path.toLowerCase().includes(c.pathFilter.toLowerCase())) return { latencyMs: 0, action: "none" };
    this.stats.requestsSeen++;
    const [lo, hi] = Array.isArray(c.latencyMs) ? c.latencyMs : [c.latencyMs, c.latencyMs];
    const latencyMs = hi > 0 ? between(this.rng, lo, hi) : 0;
    this.stats.latencyAddedMs += latencyMs;
    // One draw decides among the outcomes so probabilities add up as configured.
    const r = this.rng();
    let edge = c.pDrop;
    if (r < edge) return this.count("drop", latencyMs);
    edge += c.p429;
    if (r < edge) return this.count("429", latencyMs);
    edge += c.p500;
    if (r < edge) return this.count("500", latencyMs);
    edge += c.p503;
    if (r < edge) return this.count("503", latencyMs);
    return { latencyMs, action: "none" };
  }

  shouldFailLro(): boolean {
    if (this.cfg.pLroFail <= 0) return false;
    const fail = this.rng() < this.cfg.pLroFail;
    if (fail) this.stats.lroFailed++;
    return fail;
  }

  private count(action: FaultDecision["action"], latencyMs: number): FaultDecision {
    if (action === "drop") this.stats.dropped++;
    if (action === "429") this.stats.injected429++;
    if (action === "500") this.stats.injected500++;
    if (action === "503") this.stats.injected503++;
    return { latencyMs, action };
  }
}
