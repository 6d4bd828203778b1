/**
 * ARM-style throttling: a token bucket per subscription (or per tenant for tenant-level calls)
 * and per kind (reads, writes). A request takes one token; an empty bucket answers 429 with
 * Retry-After = seconds until the next token. Remaining tokens go out in the
 * x-ms-ratelimit-remaining-subscription-reads/-writes headers, as ARM sends them.
 */
import type { ThrottlingConfig, TokenBucketConfig } from "../config";

type Bucket = { tokens: number; last: number; cfg: TokenBucketConfig };

export type TakeResult = { ok: boolean; remaining: number; retryAfterSeconds: number };

export class Throttler {
  private buckets = new Map<string, Bucket>();
  throttled = 0;

  constructor(private cfg: ThrottlingConfig) {}

  get config(): ThrottlingConfig {
    return this.cfg;
  }

  configure(cfg: ThrottlingConfig): void {
    this.cfg = cfg;
    this.buckets.clear();
  }

  /** Tokens left without taking one (for headers on answers that never reached throttling). */
  peek(key: string, kind: "read" | "write", now = Date.now()): number {
    const cfg = kind === "read" ? this.cfg.reads : this.cfg.writes;
    const b = this.buckets.get(`${kind}:${key}`);
    if (!this.cfg.enabled || !b || b.cfg !== cfg) return cfg.burst;
    return Math.floor(Math.min(cfg.burst, b.tokens + ((now - b.last) / 1000) * cfg.perSecond));
  }

  take(key: string, kind: "read" | "write", now = Date.now()): TakeResult {
    const cfg = kind === "read" ? this.cfg.reads : this.cfg.writes;
    if (!this.cfg.enabled) return { ok: true, remaining: cfg.burst, retryAfterSeconds: 0 };
    const id = `${kind}:${key}`;
    let b = this.buckets.get(id);
    if (!b || b.cfg !== cfg) {
      b = { tokens: cfg.burst, last: now, cfg };
      this.buckets.set(id, b);
    }
    b.tokens = Math.min(cfg.burst, b.tokens + ((now - b.last) / 1000) * cfg.perSecond);
    b.last = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens), retryAfterSeconds: 0 };
    }
    this.throttled++;
    const wait = cfg.perSecond > 0 ? Math.ceil((1 - b.tokens) / cfg.perSecond) : 60;
    return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
  }
}
