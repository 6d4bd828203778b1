/**
 * Long-running operations: the SDK's poller does the polling (and honours Retry-After); this
 * only reports progress to the caller in the app's words, so a page can say "Azure accepted the
 * request… still creating (Updating)… done".
 *
 * Works with both poller generations in use: @azure/core-lro 2 (SimplePollerLike, the classic
 * arm-network) and 3 (PollerLike, the newer arm-appservice); both have onProgress and
 * pollUntilDone.
 */

export type LroProgress = {
  /** submitted: Azure accepted the request; running: a poll said not done yet; succeeded: done. */
  phase: "submitted" | "running" | "succeeded";
  /** Status polls so far. */
  polls: number;
  /** The resource's provisioningState as Azure last reported it (Updating, Succeeded, …), if it did. */
  provisioningState: string | null;
  /** Milliseconds since the operation started. */
  elapsedMs: number;
};

export type OnProgress = (progress: LroProgress) => void;

export type LroOptions = { onProgress?: OnProgress };

type PollerShape<R> = {
  /** core-lro 3 only: resolves once the initial request was accepted (core-lro 2's begin* already waited). */
  submitted?(): Promise<void>;
  onProgress(callback: (state: { status: string }) => void): unknown;
  pollUntilDone(): Promise<R>;
};

type RawResponse = { parsedBody?: unknown; bodyAsText?: string | null };

/**
 * Watches the responses of one operation (the SDK's `onResponse` option sees the initial
 * answer, every poll and the final GET) for a provisioningState to report.
 */
export class LroWatch {
  provisioningState: string | null = null;
  private readonly started = Date.now();
  private polls = 0;

  constructor(private readonly onProgress: OnProgress | undefined) {}

  /** Pass as the SDK operation's `onResponse`. */
  readonly onResponse = (raw: RawResponse): void => {
    const state = provisioningStateIn(raw);
    if (state) this.provisioningState = state;
  };

  /** Runs the poller to the end, reporting each step. */
  async run<R>(poller: PollerShape<R>): Promise<R> {
    await poller.submitted?.(); // the initial request was accepted (or this throws Azure's refusal)
    this.emit("submitted");
    poller.onProgress((state) => {
      if (state.status !== "running") return; // the end is reported once, below
      this.polls++;
      this.emit("running");
    });
    const result = await poller.pollUntilDone();
    const final = provisioningStateIn({ parsedBody: result });
    if (final) this.provisioningState = final;
    this.emit("succeeded");
    return result;
  }

  /** For operations Azure answers synchronously (a Private Link Service's approval). */
  done<R>(result: R): R {
    const final = provisioningStateIn({ parsedBody: result });
    if (final) this.provisioningState = final;
    this.emit("succeeded");
    return result;
  }

  private emit(phase: LroProgress["phase"]): void {
    if (!this.onProgress) return;
    try {
      this.onProgress({ phase, polls: this.polls, provisioningState: this.provisioningState, elapsedMs: Date.now() - this.started });
    } catch {
      // A failing progress callback must not fail or abandon the Azure operation.
    }
  }
}

/** provisioningState of a resource body (ARM's `properties.provisioningState`, or flattened). */
function provisioningStateIn(raw: RawResponse): string | null {
  let body = raw.parsedBody;
  if (body === undefined && raw.bodyAsText) {
    try {
      body = JSON.parse(raw.bodyAsText);
    } catch {
      return null;
    }
  }
  if (!body || typeof body !== "object") return null;
  const b = body as { provisioningState?: unknown; properties?: { provisioningState?: unknown } };
  const value = b.properties?.provisioningState ?? b.provisioningState;
  return typeof value === "string" ? value : null;
}
