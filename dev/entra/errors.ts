/**
 * Entra-shaped errors. Entra puts "AADSTSnnnnn: <text>" at the start of error_description and the
 * number in error_codes; clients (MSAL, the app's idp-errors.ts) key off those, so every error here
 * carries the code Entra uses for the same situation. Where Entra's exact code for a corner case
 * is unknown, the generic AADSTS90023 (invalid request) is used.
 */
import { randomUUID } from "node:crypto";

export class EntraError extends Error {
  constructor(
    /** OAuth error string: invalid_grant, invalid_client, invalid_request, ... */
    readonly error: string,
    /** The AADSTS number. */
    readonly code: number,
    /** Text after "AADSTSnnnnn: ". */
    readonly text: string,
    readonly status = 400,
    /** Entra's extra fields for some errors: `suberror` (MSAL keys interaction off it) and `claims`. */
    readonly extra: { suberror?: string; claims?: string } = {},
  ) {
    super(`AADSTS${code}: ${text}`);
    this.name = "EntraError";
  }
}

export type EntraErrorBody = {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
  claims?: string;
};

/** "2024-05-01 10:11:12Z", the way Entra formats timestamps in errors. */
export function entraTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

export function errorBody(err: EntraError, ids: { traceId: string; correlationId: string }): EntraErrorBody {
  const timestamp = entraTimestamp();
  return {
    error: err.error,
    error_description: `${err.message} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    ...err.extra,
  };
}

export function newTraceId(): string {
  return randomUUID();
}

const e = (error: string, code: number, text: string, status = 400) => new EntraError(error, code, text, status);

/** The catalogue: one function per situation, so handlers read like the behaviour they implement. */
export const Errors = {
  tenantNotFound: (tenant: string, error = "invalid_request") =>
    e(error, 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  missingParameter: (name: string) =>
    e("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),
  invalidRequest: (text: string) => e("invalid_request", 90023, text),
  getOnPostOnlyEndpoint: () =>
    e("invalid_request", 900561, "The endpoint only accepts POST requests. Received a GET request."),
  unknownClient: (clientId: string, tenantLabel: string) =>
    e("unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantLabel}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    e("invalid_request", 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`),
  unsupportedResponseType: (responseType: string) =>
    e("unsupported_response_type", 700054, `response_type '${responseType}' is not enabled for the application.`),
  invalidCodeChallengeMethod: () => e("invalid_request", 50149, "Invalid Code_Challenge_method parameter."),
  invalidCodeChallengeSize: () => e("invalid_request", 501491, "Invalid size of Code_Challenge parameter."),
  loginRequired: () =>
    e("login_required", 50058, "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD."),
  selectAccountRequired: () =>
    e("interaction_required", 16000, "Either multiple user identities are available for the current request or selected account is not supported for the scenario."),
  // Sign-in
  invalidPassword: () => e("invalid_grant", 50126, "Error validating credentials due to invalid username or password."),
  userNotFound: (username: string, tenantLabel: string) =>
    e("invalid_grant", 50034, `The user account ${username} does not exist in the ${tenantLabel} directory. To sign into this application, the account must be added to the directory.`),
  userNotInTenant: (username: string, identityProvider: string, tenantId: string, appName: string, clientId: string) =>
    e("invalid_grant", 50020, `User account '${username}' from identity provider '${identityProvider}' does not exist in tenant '${tenantId}' and cannot access the application '${clientId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`),
  flowExpired: () =>
    e("invalid_request", 50089, "Authentication failed due to flow token expired. Go back to the application and sign in again."),
  /**
   * A second factor is required and the sign-in had none. At the token endpoint Entra answers
   * invalid_grant with suberror basic_action (MSAL raises InteractionRequiredAuthError) and the
   * claims to send on the interactive request; on /authorize with prompt=none, interaction_required.
   */
  mfaRequired: (resource: string, claims: string | undefined, error = "invalid_grant") =>
    new EntraError(
      error,
      50076,
      `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
      400,
      { suberror: "basic_action", ...(claims ? { claims } : {}) },
    ),
  // Client authentication
  missingClientSecret: () =>
    e("invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", 401),
  invalidClientSecret: (clientId: string) =>
    e("invalid_client", 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`, 401),
  // Grants
  unsupportedGrantType: (grantType: string) =>
    e("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`),
  invalidGrant: (text = "Provided grant is invalid or malformed.") => e("invalid_grant", 70000, text),
  codeRedeemed: () =>
    e("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."),
  codeExpired: () =>
    e("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."),
  refreshTokenExpired: () =>
    e("invalid_grant", 700082, "The refresh token has expired due to inactivity. The token was issued on a date and was inactive for longer than allowed."),
  replyAddressMismatch: (given: string, original: string) =>
    e("invalid_grant", 500112, `The reply address '${given}' does not match the reply address '${original}' provided when requesting Authorization code.`),
  codeVerifierMismatch: () =>
    e("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
  noTenantForAppOnly: () =>
    e("invalid_request", 50059, "No tenant-identifying information found in either the request or implied by any provided credentials."),
  invalidAssertion: (text: string) => e("invalid_grant", 50013, text),
  assertionExpired: () => e("invalid_grant", 500133, "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token."),
  // Scopes and resources
  invalidScope: (scope: string) =>
    e("invalid_scope", 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid.`),
  multipleResources: (scope: string) =>
    e("invalid_scope", 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`),
  appOnlyNeedsDefault: (scope: string) =>
    e("invalid_scope", 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`),
  resourceNotFound: (resource: string, tenantLabel: string) =>
    e("invalid_resource", 500011, `The resource principal named ${resource} was not found in the tenant named ${tenantLabel}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  // Consent (texts as Entra words them)
  consentRequired: (clientId: string, appName: string) =>
    new EntraError("invalid_grant", 65001, `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`, 400, { suberror: "consent_required" }),
  /** prompt=none cannot show a consent page: Entra answers the app with consent_required. */
  consentRequiredSilently: (clientId: string, appName: string) =>
    e("consent_required", 65001, `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`),
  userDeclinedConsent: () => e("access_denied", 65004, "User declined to consent to access the app."),
  adminApprovalRequired: (appName: string, tenantName: string) =>
    e("access_denied", 90094, `An administrator of ${tenantName} has set a policy that prevents you from granting ${appName} the permissions it is requesting. Contact an administrator of ${tenantName}, who can grant permissions to this app on your behalf.`),
  notAnAdministrator: (tenantName: string) =>
    e("access_denied", 90094, `The grant requires admin permission. The signed-in account is not an administrator of ${tenantName} who may consent for the organization.`),
  notFound: (path: string) => e("invalid_request", 90023, `The endpoint '${path}' does not exist on this local Entra ID.`, 404),
  payloadTooLarge: () => e("invalid_request", 90023, "The request body is too large.", 413),
} as const;
