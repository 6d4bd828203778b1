import { ReauthenticationRequired } from "./reauthentication";

/**
 * Azure asked for more than the person's current sign-in gives (a claims challenge: ARM's
 * mandatory MFA for writes, a Conditional Access policy), and MSAL could not get such a token
 * silently. Only the person can satisfy it, by signing in again with these claims (a second
 * factor), so it is never retried: the edge answers 401 with a sign-in link, a job stops and waits.
 *
 * A kind of ReauthenticationRequired (the person has to go through sign-in), told apart by
 * `StepUpRequired.is` wherever the answer differs.
 */
export class StepUpRequired extends ReauthenticationRequired {
  /** By name as well as class: the error may come from another bundle's copy (see isAzureError). */
  static override is(err: unknown): boolean {
    return err instanceof StepUpRequired || (err as { name?: unknown } | null)?.name === "StepUpRequired";
  }

  /** The claims challenge as JSON, e.g. {"access_token":{"acrs":{"essential":true,"values":["p1"]}}}. */
  readonly claims: string;

  constructor(claims: string) {
    super();
    this.name = "StepUpRequired";
    this.message = "Azure asks you to confirm your sign-in with a second factor before it makes this change.";
    this.claims = claims;
  }
}

/** The claims of a StepUpRequired, also from another bundle's copy. */
export function stepUpClaimsOf(err: unknown): string | undefined {
  if (!StepUpRequired.is(err)) return undefined;
  const claims = (err as { claims?: unknown }).claims;
  return typeof claims === "string" ? claims : undefined;
}
