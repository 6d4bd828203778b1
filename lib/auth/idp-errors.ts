/**
 * Plain-words explanations of the sign-in errors people actually meet. Entra puts an AADSTS code
 * at the start of error_description; the rest of the text is kept for the log only.
 */
const KNOWN: Record<string, string> = {
  AADSTS50020:
    "Your account belongs to a different organization than the one you tried to sign in to. Sign in with an account of that organization, or use the general sign-in.",
  AADSTS50126: "The user name or password is incorrect.",
  AADSTS65001: "Crosslink has not been given consent in your organization yet. Ask an administrator to grant it.",
  AADSTS90002: "That organization (tenant) was not found.",
  AADSTS700016: "Crosslink is not registered in that organization's directory.",
  AADSTS54005: "This sign-in code was already used. Start the sign-in again.",
  AADSTS70008: "The sign-in took too long and expired. Start the sign-in again.",
};

export function explainIdpError(error: string | undefined, description: string | undefined): string {
  const code = description?.match(/AADSTS\d+/)?.[0];
  if (code && KNOWN[code]) return KNOWN[code];
  switch (error) {
    case "access_denied":
      return "Sign-in was cancelled or access was denied.";
    case "login_required":
    case "interaction_required":
      return "You need to sign in again.";
    case "consent_required":
      return KNOWN.AADSTS65001!;
    default:
      return "Sign-in did not complete. Start the sign-in again; if it keeps failing, contact your administrator.";
  }
}

export function idpErrorCode(description: string | undefined): string | undefined {
  return description?.match(/AADSTS\d+/)?.[0];
}
