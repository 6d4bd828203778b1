/**
 * Plain-words explanations of the sign-in errors people actually meet. Entra puts an AADSTS code
 * at the start of error_description; the rest of the text is kept for the log only.
 */
const KNOWN: Record<string, string> = {
  AADSTS50020:
    "Your account belongs to a different organization than the one you tried to sign in to. Sign in with an account of that organization, or use the general sign-in.",
  AADSTS50126: "The user name or password is incorrect.",
  AADSTS90002: "That organization (tenant) was not found.",
  AADSTS54005: "This sign-in code was already used. Start the sign-in again.",
  AADSTS70008: "The sign-in took too long and expired. Start the sign-in again.",
};

/**
 * Consent errors: what happened, and what to ask the administrator. Each comes with a link to the
 * onboarding page (/onboard), where an administrator grants consent for the organization.
 */
const CONSENT: Record<string, { message: string; askAdmin: string }> = {
  AADSTS65001: {
    message: "Crosslink has not been given permission in your organization yet to work in Azure as you.",
    askAdmin:
      "Ask an administrator of your organization to grant Crosslink admin consent on the onboarding page, or accept the consent screen yourself if your organization lets users consent.",
  },
  AADSTS90094: {
    message: "Your organization lets only administrators give apps permission, so you can't allow Crosslink to work in Azure as you yourself.",
    askAdmin:
      "Ask a Global Administrator (or a Privileged Role, Cloud Application or Application Administrator) of your organization to grant Crosslink admin consent on the onboarding page. Then sign in again.",
  },
  AADSTS90095: {
    message: "Your request for Crosslink's permissions was sent to your organization's administrators for approval.",
    askAdmin:
      "An administrator reviews it under Enterprise applications → Admin consent requests in the Microsoft Entra admin center, or grants admin consent on the onboarding page. You are told by email when it is decided; then sign in again.",
  },
  AADSTS65004: {
    message: "The consent screen was cancelled, so Crosslink did not get permission to work in Azure as you.",
    askAdmin:
      "Start again and choose Accept if you want Crosslink to read your subscriptions and create endpoints with your rights. If you're unsure, ask your administrator, who can also grant it for everyone on the onboarding page.",
  },
  AADSTS650052: {
    message: "Your organization has no access to a service Crosslink needs (Azure Resource Manager is not enabled in your directory).",
    askAdmin:
      "Ask an administrator to check that your organization has an Azure subscription, then grant Crosslink admin consent on the onboarding page.",
  },
  AADSTS700016: {
    message: "Crosslink is not registered in that organization's directory yet.",
    askAdmin: "Ask an administrator of your organization to add Crosslink by granting admin consent on the onboarding page.",
  },
  AADSTS500011: {
    message: "A service Crosslink asked for was not found in your organization's directory.",
    askAdmin: "Ask an administrator of your organization to grant Crosslink admin consent on the onboarding page, which adds what is missing.",
  },
  AADSTS65005: {
    message: "Crosslink asked for a permission your organization has not set up for it.",
    askAdmin: "Ask an administrator of your organization to grant Crosslink admin consent on the onboarding page.",
  },
  AADSTS50105: {
    message: "Your organization allows only assigned people to use Crosslink, and your account is not one of them.",
    askAdmin: "Ask an administrator to assign you to Crosslink under Enterprise applications → Crosslink → Users and groups in the Microsoft Entra admin center.",
  },
};

/** The consent advice for a code (AADSTS number, or Entra's `consent_required`), if it is one. */
export function consentAdvice(code: string | undefined): { message: string; askAdmin: string } | undefined {
  if (!code) return undefined;
  if (code === "consent_required") return CONSENT.AADSTS65001;
  return CONSENT[code];
}

export function explainIdpError(error: string | undefined, description: string | undefined): string {
  const code = description?.match(/AADSTS\d+/)?.[0];
  if (code && KNOWN[code]) return KNOWN[code];
  const consent = consentAdvice(code);
  if (consent) return `${consent.message} ${consent.askAdmin}`;
  switch (error) {
    case "access_denied":
      return "Sign-in was cancelled or access was denied.";
    case "login_required":
    case "interaction_required":
      return "You need to sign in again.";
    case "consent_required": {
      const advice = consentAdvice("consent_required")!;
      return `${advice.message} ${advice.askAdmin}`;
    }
    default:
      return "Sign-in did not complete. Start the sign-in again; if it keeps failing, contact your administrator.";
  }
}

export function idpErrorCode(description: string | undefined): string | undefined {
  return description?.match(/AADSTS\d+/)?.[0];
}
