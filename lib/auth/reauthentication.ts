/**
 * The person's sign-in no longer gets Crosslink an Azure token silently: they must sign in again.
 * In a file of its own so its kinds (StepUpRequired, …) can extend it without an import cycle
 * through delegated-token.ts, which throws them.
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
