/**
 * The person must go through sign-in again before Crosslink can act in Azure for them. Its own
 * module (re-exported by delegated-token.ts) so that its kinds (StepUpRequired in step-up.ts,
 * ArmConsentRequired in arm-consent.ts) can extend it without an import cycle with delegated-token.ts.
 */
export class ReauthenticationRequired extends Error {
  /** By name as well as class: the error may come from another bundle's copy (see isAzureError). */
  static is(err: unknown): boolean {
    return err instanceof ReauthenticationRequired || (err as { name?: unknown } | null)?.name === "ReauthenticationRequired";
  }

  constructor() {
    super("Your sign-in has expired for Azure access. Sign in again to continue.");
    this.name = "ReauthenticationRequired";
  }
}
