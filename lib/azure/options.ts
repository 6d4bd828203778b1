/**
 * Knobs for how lib/azure talks to ARM. Retries are the SDK's own (its retry policy already
 * honours 429 + Retry-After and backs off on 5xx and dropped connections), so these only tune
 * that one layer; nothing in lib/azure retries on top of it.
 */
export type AzureClientOptions = {
  /** Retries of one HTTP request for 429, 5xx and network errors. The SDK's default is 3. */
  maxRetries?: number;
  /** First back-off for 5xx and network errors (429s wait for Retry-After instead). SDK default 1000. */
  retryDelayMs?: number;
  /** Longest back-off between retries. SDK default 64000. */
  maxRetryDelayMs?: number;
  /**
   * Wait between polls of a long-running operation when Azure sends no Retry-After (when it
   * does, the SDK waits as told). Tests use a few milliseconds.
   */
  lroPollIntervalMs?: number;
};

/** The default poll interval: ARM operations on endpoints and connections take seconds. */
export const DEFAULT_LRO_POLL_INTERVAL_MS = 2000;

export function retryOptionsFrom(options: AzureClientOptions): { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number } {
  return {
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayInMs: options.retryDelayMs } : {}),
    ...(options.maxRetryDelayMs !== undefined ? { maxRetryDelayInMs: options.maxRetryDelayMs } : {}),
  };
}
