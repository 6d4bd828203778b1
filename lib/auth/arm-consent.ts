import { ReauthenticationRequired } from "./reauthentication";

/** The sign-in that also asks for ARM access (incremental consent); the page adds `returnTo`. */
export const ARM_ACCESS_SIGN_IN_URL = "/auth/sign-in?access=arm";

/** The error code people's browsers and scripts see for it (lib/core/error-answer.ts). */
export const ARM_CONSENT_CODE = "arm_consent_required";

/**
 * Crosslink has no consent yet to act in Azure as this person (ARM `user_impersonation`): Entra
 * refused the silent token with AADSTS65001 / consent_required. Not a retry and not a plain
 * "sign in again": the person goes through sign-in once more asking for ARM access
 * (`signInUrl`), where they consent, or learn that their administrator must (the onboarding page).
 */
export class ArmConsentRequired extends ReauthenticationRequired {
  /** By name as well as class: the error may come from another bundle's copy (see isAzureError). */
  static override is(err: unknown): boolean {
    return err instanceof ArmConsentRequired || (err as { name?: unknown } | null)?.name === "ArmConsentRequired";
  }

  /** The sign-in that satisfies it; the page adds `returnTo`. */
  readonly signInUrl = ARM_ACCESS_SIGN_IN_URL;

  constructor(
    /** Entra's code, for the log and the answer (AADSTS65001 unless Entra said another). */
    readonly aadsts = "AADSTS65001",
  ) {
    super();
    this.name = "ArmConsentRequired";
    this.message =
      "Crosslink needs your permission to work in Azure as you (with your own rights) before it can read your subscriptions or create endpoints.";
  }
}

/**
 * Whether MSAL's "interaction required" answer means missing consent: Entra says it with the
 * suberror `consent_required`, the error `consent_required`, or an AADSTS code of consent
 * (65001 no consent, 65004 declined, 90094/90095 admin approval needed). Returns the AADSTS code.
 */
export function consentCodeOf(err: { errorCode?: string; subError?: string; errorMessage?: string; message?: string }): string | undefined {
  const text = `${err.errorMessage ?? ""} ${err.message ?? ""}`;
  const code = text.match(/AADSTS(65001|65004|90094|90095)\b/)?.[0];
  if (code) return code;
  if (err.subError === "consent_required" || err.errorCode === "consent_required") return "AADSTS65001";
  return undefined;
}
