import type { Db } from "../db/client";
import { logger } from "../log/logger";
import { claimDue, markDone, markFailed, markRetry, type ClaimedMessage } from "./outbox";

/**
 * Runs outbox messages through their handlers. A handler either finishes (done), asks to be
 * retried later (transient Azure errors, throttling), or fails for good (it has already recorded
 * the failure on the request for people to see).
 */
export type HandlerResult = { outcome: "done" } | { outcome: "retry"; error: string } | { outcome: "failed"; error: string };
export type Handler = (message: ClaimedMessage) => Promise<HandlerResult>;

export const MAX_ATTEMPTS = 8;

export async function processDue(db: Db, handlers: Record<string, Handler>, options: { limit?: number } = {}): Promise<number> {
  const messages = await claimDue(db, { limit: options.limit ?? 10, topics: Object.keys(handlers) });
  await Promise.all(messages.map((m) => runOne(db, handlers, m)));
  return messages.length;
}

async function runOne(db: Db, handlers: Record<string, Handler>, message: ClaimedMessage) {
  const log = logger.child({ outboxId: message.id, topic: message.topic, attempt: message.attempts });
  try {
    const result = await handlers[message.topic]!(message);
    if (result.outcome === "done") return markDone(db, message.id);
    if (result.outcome === "failed") {
      log.warn({ error: result.error }, "outbox message failed for good");
      return markFailed(db, message.id, result.error);
    }
    if (message.attempts >= MAX_ATTEMPTS) {
      log.error({ error: result.error }, "outbox message gave up after the last retry");
      return markFailed(db, message.id, result.error);
    }
    log.info({ error: result.error }, "outbox message will be retried");
    return markRetry(db, message.id, message.attempts, result.error);
  } catch (err) {
    // A handler that throws is a bug or an outage: keep the message and retry it.
    log.error({ err }, "outbox handler threw");
    return message.attempts >= MAX_ATTEMPTS
      ? markFailed(db, message.id, (err as Error).message)
      : markRetry(db, message.id, message.attempts, (err as Error).message);
  }
}

/**
 * A polling loop with a "kick": use cases call kick() after enqueueing, so work starts at once
 * instead of at the next tick; the interval only matters for retries and after restarts.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, Handler>,
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
        processed = await processDue(this.db, this.handlers);
      } while ((processed > 0 || this.again) && !this.stopped);
    } catch (err) {
      logger.error({ err }, "outbox worker tick failed");
    } finally {
      this.running = false;
      this.schedule(this.intervalMs);
    }
  }
}
