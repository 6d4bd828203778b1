import type { Db } from "../db/client";
import { logger } from "../log/logger";
import type { JobRegistry } from "../jobs/registry";
import { claimDue, markDone, markFailed, markRetry, type ClaimedMessage } from "./outbox";

/**
 * Runs due jobs through the registry and records each outcome on its message: done, retry later
 * (the registry applied the one retry rule and chose the delay), or failed for good (the job has
 * already recorded the failure where people see it).
 */
export async function processDue(db: Db, jobs: JobRegistry, options: { limit?: number } = {}): Promise<number> {
  const messages = await claimDue(db, { kind: "job", topics: jobs.topics, limit: options.limit ?? 10 });
  await Promise.all(messages.map((m) => runOne(db, jobs, m)));
  return messages.length;
}

/** A registry that throws (its database went away mid-run) is retried after this long. */
const UNEXPECTED_RETRY_MS = 30_000;

async function runOne(db: Db, jobs: JobRegistry, message: ClaimedMessage) {
  const log = logger().child({ outboxId: message.id, topic: message.topic, attempt: message.attempts });
  try {
    const result = await jobs.run(message);
    if (result.outcome === "done") return await markDone(db, message.id);
    if (result.outcome === "failed") {
      log.warn({ error: result.error }, "job failed for good");
      return await markFailed(db, message.id, result.error);
    }
    log.info({ error: result.error, retryInMs: result.delayMs }, "job will be retried");
    return await markRetry(db, message.id, result.delayMs, result.error);
  } catch (err) {
    // Nothing is lost: the claim's lock expires and the message is tried again.
    log.error({ err }, "job run or its bookkeeping threw");
    await markRetry(db, message.id, UNEXPECTED_RETRY_MS, err instanceof Error ? err.message : String(err)).catch(() => undefined);
  }
}

/**
 * A polling loop with a "kick": entry points call kick() after recording work, so it starts at
 * once instead of at the next tick; the interval only matters for retries and after restarts.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRegistry,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  kick(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  private async tick() {
    this.running = true;
    try {
      let processed = 0;
      do {
        this.again = false;
        processed = await processDue(this.db, this.jobs);
      } while ((processed > 0 || this.again) && !this.stopped);
    } catch (err) {
      logger().error({ err }, "outbox worker tick failed");
    } finally {
      this.running = false;
      this.schedule(this.intervalMs);
    }
  }
}
