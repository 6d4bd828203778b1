/**
 * ARM-shaped errors: `{"error":{"code","message"[,"target","details"]}}` with the status codes and
 * message texts Azure uses. Messages that quote real Azure wording are marked (Azure); the others
 * are the local ARM's best reconstruction and are listed in README.md under "choices".
 */

export type ErrorDetail = { code: string; message: string; target?: string };

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
    readonly target?: string,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; target?: string; details?: ErrorDetail[] } } {
    const error: { code: string; message: string; target?: string; details?: ErrorDetail[] } = {
      code: this.code,
      message: this.message,
    };
    if (this.target) error.target = this.target;
    if (this.details) error.details = this.details;
    return { error };
  }
}

function bearerChallenge(authorizationUri: string, description: string): Record<string, string> {
  return {
    "WWW-Authenticate": `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${description}"`,
  };
}

/** .NET's "M/d/yyyy h:mm:ss AM" UTC form that ARM prints in token-expiry messages. */
function armTime(d: Date): string {
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

export const ALLOWED_AUDIENCES_TEXT =
  "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";

export const Errors = {
  // ---- protocol
  missingApiVersion: () =>
    new ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."), // (Azure)
  invalidApiVersion: (version: string, supported: string[]) =>
    new ArmError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions are '${supported.join(",")}'.`, // (Azure)
    ),
  noRegisteredProvider: (version: string, type: string, location: string, supported: string[], locations: string[]) =>
    new ArmError(
      400,
      "NoRegisteredProviderFound",
      `No registered resource provider found for location '${location}' and API version '${version}' for type '${type}'. The supported api-versions are '${supported.join(", ")}'. The supported locations are '${locations.join(", ")}'.`, // (Azure)
    ),
  invalidResourceNamespace: (ns: string) =>
    new ArmError(400, "InvalidResourceNamespace", `The resource namespace '${ns}' is invalid.`), // (Azure)
  invalidResourceType: (type: string, ns: string, version: string) =>
    new ArmError(
      400,
      "InvalidResourceType",
      `The resource type '${type}' could not be found in the namespace '${ns}' for api version '${version}'.`, // (Azure)
    ),
  pathNotFound: (path: string) => new ArmError(404, "NotFound", `The requested path '${path}' is not an Azure Resource Manager operation the local ARM serves.`),
  methodNotAllowed: (method: string) =>
    new ArmError(405, "MethodNotAllowed", `The requested resource does not support http method '${method}'.`),
  invalidSubscriptionId: (id: string) =>
    new ArmError(400, "InvalidSubscriptionId", `The provided subscription identifier '${id}' is malformed or invalid.`), // (Azure)
  invalidRequestContent: (detail: string) =>
    new ArmError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${detail}'.`, // (Azure)
    ),
  requestTooLarge: (limit: number) =>
    new ArmError(413, "RequestContentTooLarge", `The request content size exceeds the maximum size of ${limit} bytes.`),
  unsupportedMediaType: (ct: string) =>
    new ArmError(415, "UnsupportedMediaType", `The content media type '${ct}' is not supported. Only 'application/json' is supported.`), // (Azure)

  // ---- authentication (401)
  missingAuthHeader: (authUri: string) =>
    new ArmError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing.", // (Azure)
      undefined,
      bearerChallenge(authUri, "The authentication failed because of missing 'Authorization' header."),
    ),
  invalidAuthHeader: (authUri: string) =>
    new ArmError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is provided in an invalid format.", // (Azure)
      undefined,
      bearerChallenge(authUri, "The authentication failed because of invalid 'Authorization' header."),
    ),
  invalidToken: (authUri: string) =>
    new ArmError(
      401,
      "InvalidAuthenticationToken",
      "The access token is invalid.", // (Azure)
      undefined,
      bearerChallenge(authUri, "The access token is invalid."),
    ),
  expiredToken: (authUri: string, exp: Date, now: Date) =>
    new ArmError(
      401,
      "ExpiredAuthenticationToken",
      `The access token expiry UTC time '${armTime(exp)}' is earlier than current UTC time '${armTime(now)}'.`, // (Azure)
      undefined,
      bearerChallenge(authUri, "The access token has expired."),
    ),
  wrongAudience: (authUri: string, aud: string) =>
    new ArmError(
      401,
      "InvalidAuthenticationTokenAudience",
      `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences ${ALLOWED_AUDIENCES_TEXT}.`, // (Azure)
      undefined,
      bearerChallenge(authUri, "The access token has been obtained for wrong audience or resource."),
    ),
  wrongTenant: (authUri: string, tokenIssuer: string, subscriptionTenantIssuer: string, loginUri: string) =>
    new ArmError(
      401,
      "InvalidAuthenticationTokenTenant",
      `The access token is from the wrong issuer '${tokenIssuer}'. It must match the tenant '${subscriptionTenantIssuer}' associated with this subscription. Please use the authority (URL) '${loginUri}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`, // (Azure)
      undefined,
      bearerChallenge(authUri, "The access token is from the wrong issuer."),
    ),

  /**
   * A user's write with a token whose sign-in had no second factor, while MFA is required for
   * writes: 401 with a claims challenge (error="insufficient_claims", claims = base64 of the claims
   * JSON Entra must satisfy). The claims and the body code are what Azure CLI shows for ARM's
   * mandatory MFA; the message text is the local ARM's reconstruction.
   */
  mfaRequired: (authUri: string, claimsJson: string, resourceName: string) =>
    new ArmError(
      401,
      "RequestDisallowedByPolicy",
      `Resource '${resourceName}' was disallowed by policy. Reasons: 'Multifactor authentication is required to create, update or delete Azure resources. Sign in again with a second factor (the access token's sign-in did not include one).'`,
      undefined,
      {
        "WWW-Authenticate": `Bearer authorization_uri="${authUri}", error="insufficient_claims", claims="${Buffer.from(claimsJson, "utf8").toString("base64")}"`,
      },
    ),

  // ---- authorization (403)
  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    new ArmError(
      403,
      "AuthorizationFailed",
      `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`, // (Azure)
    ),
  linkedAuthorizationFailed: (
    client: string,
    objectId: string,
    action: string,
    scope: string,
    linkedAction: string,
    linkedScope: string,
  ) =>
    new ArmError(
      403,
      "LinkedAuthorizationFailed",
      `The client '${client}' with object id '${objectId}' has permission to perform action '${action}' on scope '${scope}'; however, it does not have permission to perform action '${linkedAction}' on the linked scope(s) '${linkedScope}' or the linked scope(s) are invalid.`, // (Azure)
    ),

  // ---- lookup
  subscriptionNotFound: (id: string) =>
    new ArmError(404, "SubscriptionNotFound", `The subscription '${id}' could not be found.`), // (Azure)
  resourceGroupNotFound: (rg: string) =>
    new ArmError(404, "ResourceGroupNotFound", `Resource group '${rg}' could not be found.`), // (Azure)
  resourceNotFound: (type: string, name: string, rg: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`, // (Azure)
    ),
  /** Network RP's answer for a missing child resource (subnet, connection). */
  networkChildNotFound: (id: string) => new ArmError(404, "NotFound", `Resource ${id} not found.`), // (Azure)
  /**
   * A consumer subscription not on a Private Link Service's visibility list. The code and wording
   * Azure uses are unconfirmed (README, known differences); the status follows other refusals of
   * a linked resource in a private endpoint's body.
   */
  privateLinkServiceNotVisible: (plsId: string, subscriptionId: string) =>
    new ArmError(
      400,
      "PrivateLinkServiceNotVisibleToSubscription",
      `Private link service ${plsId} is not visible to subscription ${subscriptionId}. The owner of the private link service must add the subscription to the service's visibility list.`,
    ),
  missingSubscriptionRegistration: (ns: string) =>
    new ArmError(
      409,
      "MissingSubscriptionRegistration",
      `The subscription is not registered to use namespace '${ns}'. See https://aka.ms/rps-not-found for how to register subscriptions.`, // (Azure)
    ),

  // ---- resource bodies
  locationRequired: () => new ArmError(400, "LocationRequired", "The location property is required for this definition."), // (Azure)
  locationNotAvailable: (location: string, type: string, available: string[]) =>
    new ArmError(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${location}' is not available for resource type '${type}'. List of available regions for the resource type is '${available.join(",")}'.`, // (Azure)
    ),
  invalidResourceLocation: (name: string, existing: string, rg: string, requested: string) =>
    new ArmError(
      400,
      "InvalidResourceLocation",
      `The resource '${name}' already exists in location '${existing}' in resource group '${rg}'. A resource with the same name cannot be created in location '${requested}'. Please select a new resource name.`, // (Azure)
    ),
  invalidResourceName: (name: string) =>
    new ArmError(
      400,
      "InvalidResourceName",
      `Resource name ${name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`, // (Azure)
    ),
  /** Network RP: the body does not fit the schema. */
  invalidRequestFormat: (details: ErrorDetail[]) =>
    new ArmError(400, "InvalidRequestFormat", "Cannot parse the request.", details), // (Azure)
  badRequest: (message: string, details?: ErrorDetail[]) => new ArmError(400, "BadRequest", message, details),
  linkedInvalidPropertyId: (value: string, path: string) =>
    new ArmError(
      400,
      "LinkedInvalidPropertyId",
      `Property id '${value}' at path '${path}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`, // (Azure)
    ),
  invalidResourceReference: (referenced: string, referencedBy: string, notFoundId: string) =>
    new ArmError(
      400,
      "InvalidResourceReference",
      `Resource ${referenced} referenced by resource ${referencedBy} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`, // (Azure)
      [{ code: "NotFound", message: `Resource ${notFoundId} not found.` }],
    ),
  preconditionFailed: () =>
    new ArmError(412, "PreconditionFailed", "The condition specified using HTTP conditional header(s) is not met."), // (Azure)
  conflict: (code: string, message: string) => new ArmError(409, code, message),

  // ---- throttling and faults
  throttled: (kind: "read" | "write", scopeText: string, principal: string, retryAfterSeconds: number) =>
    new ArmError(
      429,
      "SubscriptionRequestsThrottled",
      `Number of '${kind}' requests for ${scopeText} actor '${principal}' exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`, // (Azure)
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    ),
  internal: () =>
    new ArmError(500, "InternalServerError", "Encountered internal server error. Diagnostic information: timestamp '" + new Date().toISOString() + "'."),
  unavailable: (retryAfterSeconds: number) =>
    new ArmError(
      503,
      "ServiceUnavailable",
      "The server (leader) is currently unable to handle the request due to a temporary overloading or maintenance of the server. Please retry the request later.",
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    ),
} as const;
