import type { Db } from "../db/client";
import { logger } from "../log/logger";
import type { JobOutcome } from "../jobs/registry";
import { claimDue, markDone, markFailed, markRetry, type ClaimedMessage, type MessageKind } from "./outbox";

/**
 * What a worker runs: messages of one kind and some topics, each through `run`, which returns
 * what to record. The job registry is one (jobs: Azure calls, deliveries); the event dispatcher
 * is another (domain events to their subscribers).
 */
export type MessageRunner = {
  readonly kind?: MessageKind;
  readonly topics: string[];
  run(message: ClaimedMessage): Promise<JobOutcome>;
};

export type Lane = { kind: MessageKind; topics: string[]; limit: number; lockMs: number };

/** A lane for every topic of a runner: what tests and scripts drain. */
export function laneOf(runner: MessageRunner, options: Partial<Lane> = {}): Lane {
  return { kind: runner.kind ?? "job", topics: runner.topics, limit: 10, lockMs: 60_000, ...options };
}

/**
 * Runs due messages through the runner and records each outcome on its message: done, retry later
 * (the runner applied the one retry rule and chose the delay), or failed for good (the job has
 * already recorded the failure where people see it).
 */
export async function processDue(db: Db, runner: MessageRunner, lane: Lane = laneOf(runner)): Promise<number> {
  const messages = await claimDue(db, { kind: lane.kind, topics: lane.topics, limit: lane.limit, lockMs: lane.lockMs });
  await Promise.all(messages.map((m) => runOne(db, runner, m)));
  return messages.length;
}

/** A registry that throws (its database went away mid-run) is retried after this long. */
const UNEXPECTED_RETRY_MS = 30_000;

async function runOne(db: Db, jobs: MessageRunner, message: ClaimedMessage) {
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
 * `afterWork` runs when a tick did something (the next lane may have work now).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly runner: MessageRunner,
    private readonly intervalMs = 1_000,
    private readonly lane: Lane = laneOf(runner),
    private readonly afterWork?: () => void,
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
        processed = await processDue(this.db, this.runner, this.lane);
        if (processed > 0) this.afterWork?.();
      } while ((processed > 0 || this.again) && !this.stopped);
    } catch (err) {
      logger().error({ err }, "outbox worker tick failed");
    } finally {
      this.running = false;
      this.schedule(this.intervalMs);
    }
  }
}

/**
 * The workers of one process, one per lane, started, stopped and kicked together. Lanes keep
 * slow work from delaying quick work: an Azure call that takes a minute never holds up an email.
 */
export class WorkerGroup {
  constructor(private readonly workers: OutboxWorker[]) {}

  start(): void {
    for (const w of this.workers) w.start();
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }

  kick(): void {
    for (const w of this.workers) w.kick();
  }
}
