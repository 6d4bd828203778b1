import { describe, expect, it } from "vitest";
import { ReauthenticationRequired } from "./delegated-token";
import { StepUpRequired, stepUpClaimsOf } from "./step-up";
import { stepUpSignInPath } from "./step-up-path";
import { safeReturnTo } from "./return-to";

const CLAIMS = '{"access_token":{"acrs":{"essential":true,"values":["p1"]}}}';

describe("StepUpRequired", () => {
  it("is a kind of ReauthenticationRequired that carries Azure's claims", () => {
    const err = new StepUpRequired(CLAIMS);
    expect(err).toBeInstanceOf(ReauthenticationRequired);
    expect(ReauthenticationRequired.is(err)).toBe(true);
    expect(StepUpRequired.is(err)).toBe(true);
    expect(StepUpRequired.is(new ReauthenticationRequired())).toBe(false);
    expect(stepUpClaimsOf(err)).toBe(CLAIMS);
    expect(stepUpClaimsOf(new ReauthenticationRequired())).toBeUndefined();
    expect(err.message).toMatch(/second factor/);
  });

  it("links to sign-in with the claims and a way back that the return-to check keeps", () => {
    const path = stepUpSignInPath(CLAIMS, "/requests/abc?stepUp=done");
    const url = new URL(path, "http://app.example");
    expect(url.pathname).toBe("/auth/sign-in");
    expect(url.searchParams.get("claims")).toBe(CLAIMS);
    expect(url.searchParams.get("returnTo")).toBe("/requests/abc?stepUp=done");
    expect(safeReturnTo(url.searchParams.get("returnTo"))).toBe("/requests/abc?stepUp=done");
  });
});
