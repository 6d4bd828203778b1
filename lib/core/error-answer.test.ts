import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AzureError } from "../azure";
import { AuthorizationError } from "../auth/authorize";
import { ReauthenticationRequired } from "../auth/delegated-token";
import { StepUpRequired } from "../auth/step-up";
import { errorAnswer } from "./error-answer";
import { AppError, ConflictError, isAppError, NotFoundError, ValidationError } from "./errors";
import { idOrNotFound, parseInput } from "./parse";

describe("errorAnswer: one map from errors to answers", () => {
  it("gives each use-case error its status and code, with messages for people", () => {
    expect(errorAnswer(new ValidationError({ note: "Give a reason." }), "r")).toEqual({ status: 400, code: "validation", message: "Give a reason.", fieldErrors: { note: "Give a reason." } });
    expect(errorAnswer(new AuthorizationError("unauthenticated", "Sign in to continue."), "r")).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(errorAnswer(new AuthorizationError("forbidden", "Needs the provider role."), "r")).toMatchObject({ status: 403, code: "forbidden", message: "Needs the provider role." });
    expect(errorAnswer(new NotFoundError(), "r")).toMatchObject({ status: 404, code: "not_found" });
    expect(errorAnswer(new ConflictError("Already approved by Priya.", "already_decided"), "r")).toEqual({ status: 409, code: "already_decided", message: "Already approved by Priya." });
    expect(errorAnswer(new ReauthenticationRequired(), "r")).toMatchObject({ status: 401, code: "reauthenticate" });
  });

  it("answers a step-up with 401, its own code and the claims to sign in with", () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"values":["p1"]}}}';
    expect(errorAnswer(new StepUpRequired(claims), "r")).toEqual({
      status: 401,
      code: "step_up",
      message: "Azure asks you to confirm your sign-in with a second factor before it makes this change.",
      stepUpClaims: claims,
    });
    // Recognised by name too (another bundle's copy of the class).
    const foreign = Object.assign(new Error("x"), { name: "StepUpRequired", claims });
    expect(errorAnswer(foreign, "r")).toMatchObject({ code: "step_up", stepUpClaims: claims });
  });

  it("answers a zod failure anywhere as bad input (400), never as a crash", () => {
    const failure = z.object({ id: z.string().min(3, "Too short.") }).safeParse({ id: "x" });
    expect(failure.success).toBe(false);
    expect(errorAnswer(failure.error, "r")).toEqual({ status: 400, code: "validation", message: "Too short.", fieldErrors: { id: "Too short." } });
  });

  it("passes Azure's words on: 400 for a refusal, 502 when Azure itself failed", () => {
    expect(errorAnswer(new AzureError({ status: 403, code: "AuthorizationFailed", message: "raw", userMessage: "You lack rights.", retryable: false }), "r")).toEqual({
      status: 400,
      code: "AuthorizationFailed",
      message: "You lack rights.",
    });
    expect(errorAnswer(new AzureError({ status: 503, code: "ServerBusy", message: "raw", userMessage: "Azure is busy.", retryable: true }), "r")).toMatchObject({ status: 502 });
  });

  it("hides anything unexpected behind a reference, never its text", () => {
    const answer = errorAnswer(new Error("SQLITE_BUSY at /secret/path"), "req-42");
    expect(answer).toMatchObject({ status: 500, code: "internal" });
    expect(answer.message).toContain("req-42");
    expect(answer.message).not.toContain("secret");
  });

  it("recognises errors made by another copy of the module (another bundle)", () => {
    const foreign = Object.assign(new Error("Not here."), { [Symbol.for("crosslink.AppError")]: true, kind: "not_found", code: "not_found", status: 404 });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new Error("plain"))).toBe(false);
    expect(new NotFoundError()).toBeInstanceOf(AppError);
  });
});

describe("parseInput and idOrNotFound", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name."), size: z.number().max(3, "At most 3.") });

  it("returns the parsed input or refuses with one message per field", () => {
    expect(parseInput(schema, { name: "a", size: 1 })).toEqual({ name: "a", size: 1 });
    const err = (() => {
      try {
        parseInput(schema, { name: "", size: 9 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ name: "Enter a name.", size: "At most 3." });
  });

  it("treats a malformed ID as an unknown one (404)", () => {
    expect(idOrNotFound(" abc ")).toBe("abc");
    for (const bad of ["", "x".repeat(65), 42, null, { id: "x" }]) expect(() => idOrNotFound(bad)).toThrow(NotFoundError);
  });
});
