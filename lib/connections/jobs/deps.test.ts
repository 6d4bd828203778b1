import { describe, expect, it } from "vitest";
import { AzureError } from "../../azure";
import { ReauthenticationRequired } from "../../auth/delegated-token";
import { attemptFailure, JOB_ATTEMPTS } from "./deps";

const azure = (retryable: boolean) => new AzureError({ status: retryable ? 503 : 400, code: "X", message: "raw", userMessage: "Plain words.", retryable });

describe("attemptFailure", () => {
  it("retries what Azure says may pass, until the job's attempts run out", () => {
    expect(attemptFailure(azure(true), 1)).toEqual({ message: "Plain words.", retry: true });
    expect(attemptFailure(azure(true), JOB_ATTEMPTS)).toEqual({ message: "Plain words.", retry: false });
  });

  it("gives up at once on what will not pass by waiting", () => {
    expect(attemptFailure(azure(false), 1)).toEqual({ message: "Plain words.", retry: false });
    // The consumer's sign-in expired: no retry brings it back.
    expect(attemptFailure(new ReauthenticationRequired(), 1)).toEqual({ message: new ReauthenticationRequired().message, retry: false });
  });

  it("retries anything else (an outage or a bug), within the same limit", () => {
    expect(attemptFailure(new Error("socket hang up"), 1)).toEqual({ message: "socket hang up", retry: true });
    expect(attemptFailure("odd", JOB_ATTEMPTS)).toEqual({ message: "odd", retry: false });
  });
});
