/**
 * One error type for everything that goes wrong between Crosslink and Azure Resource Manager.
 *
 * The SDKs fail in several shapes: a RestError with Azure's error code and the HTTP status (two
 * different RestError classes, from core-rest-pipeline and from the TypeSpec runtime the newer
 * App Service SDK uses), a plain Error when a long-running operation ends Failed ("The
 * long-running operation has failed. <code>. <message>"), and network errors without a status.
 * `toAzureError` turns all of them into an AzureError that keeps Azure's own code and message
 * (for logs and support) and adds `userMessage`: what went wrong and what to do, in plain words.
 *
 * Nothing here keeps the SDK's error object: it holds the request, whose headers carry the
 * bearer token. Messages are scrubbed of anything token-like before they are stored.
 * ARM's x-ms-correlation-request-id and x-ms-request-id are kept on every AzureError: support asks for them.
 */
import { currentAzureClientRequestId } from "./client-request-id";

import { rememberedErrorBody } from "./error-bodies";

/** What Crosslink was doing when Azure failed; picks the words of the user message. */
export type AzureOperation =
  | "listSubscriptions"
  | "listVirtualNetworks"
  | "createPrivateEndpoint"
  | "getPrivateEndpoint"
  | "deletePrivateEndpoint"
  | "endpointDetails"
  | "listManageableResources"
  | "getManageableResource"
  | "listConnections"
  | "setConnectionState"
  | "deleteConnection"
  | "readProviderRegistration"
  | "registerResourceProvider";

export type ErrorContext = {
  operation: AzureOperation;
  /** Whose rights the call used: the signed-in user's (delegated) or Crosslink's own identity. */
  actor: "user" | "provider";
  subscriptionId?: string;
  /** The resource the operation is about (endpoint, target, subnet), for messages. */
  resourceId?: string;
  /** The subnet an endpoint goes into, for placement messages. */
  subnetId?: string;
};

/** Codes lib/azure itself produces (Azure's own codes pass through unchanged). */
export const LOCAL_ERROR_CODES = {
  /** No HTTP answer: connection refused/reset, DNS, TLS. */
  network: "NetworkError",
  /** A long-running operation failed without naming a code. */
  operationFailed: "OperationFailed",
  /** Azure answered with a shape Crosslink does not understand (see schemas.ts). */
  unexpectedResponse: "UnexpectedResponse",
  /** An ID handed to lib/azure is not one it can act on. */
  invalidResourceId: "InvalidResourceId",
  /** Crosslink's own identity could not get an ARM token. */
  providerCredential: "ProviderCredentialFailed",
} as const;

export type AzureErrorInit = {
  status: number | null;
  code: string;
  message: string;
  userMessage: string;
  retryable: boolean;
  requestId?: string | null;
  correlationId?: string | null;
  clientRequestId?: string | null;
};

export class AzureError extends Error {
  override readonly name = "AzureError";
  /** HTTP status of Azure's answer; null when there was none (network) or it was not HTTP (LRO, shape). */
  readonly status: number | null;
  /** Azure's error code (AuthorizationFailed, ...) or one of LOCAL_ERROR_CODES. */
  readonly code: string;
  /** What to show a person: what went wrong and what to do. */
  readonly userMessage: string;
  /** True when the same call may succeed later without anyone changing anything. */
  readonly retryable: boolean;
  /** Azure's x-ms-request-id, for support tickets. */
  readonly requestId: string | null;
  /** ARM's x-ms-correlation-request-id: the id Azure support asks for first. */
  readonly correlationId: string | null;
  /** The x-ms-client-request-id Crosslink sent (its own request or job id). */
  readonly clientRequestId: string | null;

  constructor(init: AzureErrorInit) {
    super(scrub(init.message));
    this.status = init.status;
    this.code = init.code;
    this.userMessage = scrub(init.userMessage);
    this.retryable = init.retryable;
    this.requestId = init.requestId ?? null;
    this.correlationId = init.correlationId ?? null;
    this.clientRequestId = init.clientRequestId ?? currentAzureClientRequestId() ?? null;
  }

  /** What logs and API answers get: never the SDK's request (and so never a token). */
  toJSON(): AzureErrorInit & { name: string } {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      userMessage: this.userMessage,
      retryable: this.retryable,
      requestId: this.requestId,
      correlationId: this.correlationId,
      clientRequestId: this.clientRequestId,
    };
  }
}

/** "Azure correlation ID …, request ID …" for people to quote to support; "" when there are none. */
export function supportIdsOf(err: { correlationId?: string | null; requestId?: string | null }): string {
  const parts = [err.correlationId ? `Azure correlation ID ${err.correlationId}` : null, err.requestId ? `request ID ${err.requestId}` : null].filter(Boolean);
  return parts.join(", ");
}

/** The user message with the support ids appended, for where failures are recorded (timeline, last error). */
export function userMessageWithSupportIds(err: { userMessage: string; correlationId?: string | null; requestId?: string | null }): string {
  const ids = supportIdsOf(err);
  return ids ? `${err.userMessage} (${ids})` : err.userMessage;
}

/**
 * Also true for an AzureError made by another copy of this module: Next.js bundles the server's
 * instrumentation (which owns the shared services and worker) apart from the routes, so the same
 * class can exist twice in one process and instanceof alone would miss errors crossing between them.
 */
export function isAzureError(err: unknown): err is AzureError {
  if (err instanceof AzureError) return true;
  const e = err as { name?: unknown; userMessage?: unknown; retryable?: unknown } | null;
  return typeof e === "object" && e !== null && e.name === "AzureError" && typeof e.userMessage === "string" && typeof e.retryable === "boolean";
}

// ---------------------------------------------------------------- reading SDK errors

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Removes anything that looks like a bearer token from text that may end up in logs. */
export function scrub(text: string): string {
  return text.replace(BEARER, "Bearer [redacted]").replace(JWT_LIKE, "[redacted token]");
}

type RestErrorLike = Error & {
  statusCode?: number;
  code?: string;
  details?: unknown;
  response?: { status?: number; headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
};

function isRestErrorLike(err: unknown): err is RestErrorLike {
  return err instanceof Error && (err.name === "RestError" || typeof (err as RestErrorLike).statusCode === "number");
}

const NETWORK_CODES = new Set([
  "REQUEST_SEND_ERROR",
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

const LRO_FAILED = /^The long-running operation has failed(?:\.\s+([A-Za-z0-9_.]+)\.\s+([\s\S]*))?/;

/** Azure's `{error:{code,message}}` from a RestError, whichever SDK produced it. */
function bodyError(err: RestErrorLike, requestId: string | null): { code?: string; message?: string } {
  const details = err.details as { error?: { code?: unknown; message?: unknown } } | undefined;
  if (details?.error && typeof details.error === "object") {
    return { code: stringOr(details.error.code), message: stringOr(details.error.message) };
  }
  const text = err.response?.bodyAsText;
  if (text) {
    try {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (parsed.error) return { code: stringOr(parsed.error.code), message: stringOr(parsed.error.message) };
    } catch {
      // Not JSON: fall back to the error's own fields.
    }
  }
  // The App Service SDK's paging keeps no body; the client's pipeline remembered it (error-bodies.ts).
  return rememberedErrorBody(requestId) ?? {};
}

function stringOr(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * Turns an SDK failure into an AzureError. Errors that are not Azure's (a credential's
 * ReauthenticationRequired, a bug) are returned unchanged so callers can still tell them apart.
 */
export function toAzureError(err: unknown, ctx: ErrorContext): unknown {
  if (err instanceof AzureError) return err;
  if (isRestErrorLike(err)) {
    const status = err.statusCode ?? err.response?.status ?? null;
    const requestId = err.response?.headers?.get("x-ms-request-id") ?? null;
    const correlationId = err.response?.headers?.get("x-ms-correlation-request-id") ?? null;
    if (status === null || status === undefined || status <= 0) {
      return networkError(err.code ?? "unknown", err.message, requestId);
    }
    const body = bodyError(err, requestId);
    const code = body.code ?? err.code ?? `Http${status}`;
    const message = body.message ?? err.message;
    return fromAzure({ status, code, message, requestId, correlationId }, ctx);
  }
  if (err instanceof Error) {
    const lro = LRO_FAILED.exec(err.message);
    if (lro) {
      const code = lro[1] ?? LOCAL_ERROR_CODES.operationFailed;
      const message = lro[2]?.trim() || err.message;
      return fromLroFailure(code, message, ctx);
    }
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return networkError(code, err.message, null);
  }
  return err;
}

/** `throw rethrow(err, ctx)` in catch blocks: AzureError for Azure failures, the error itself otherwise. */
export function rethrow(err: unknown, ctx: ErrorContext): never {
  throw toAzureError(err, ctx);
}

/** True for Azure's "it is not there" answers (a GET of a deleted endpoint, a DELETE of a gone one). */
export function isNotFound(err: unknown): boolean {
  const e = err instanceof AzureError ? err : isRestErrorLike(err) ? err : undefined;
  if (!e) return false;
  const status = e instanceof AzureError ? e.status : (e.statusCode ?? null);
  return status === 404;
}

function networkError(code: string, message: string, requestId: string | null): AzureError {
  return new AzureError({
    status: null,
    code: LOCAL_ERROR_CODES.network,
    message: `${code}: ${message}`,
    userMessage: "Crosslink could not reach Azure Resource Manager (the connection failed after several attempts). Try again in a minute.",
    retryable: true,
    requestId,
  });
}

// ---------------------------------------------------------------- user messages

const VERBS: Record<AzureOperation, string> = {
  listSubscriptions: "list subscriptions",
  listVirtualNetworks: "read virtual networks",
  createPrivateEndpoint: "create private endpoints",
  getPrivateEndpoint: "read private endpoints",
  deletePrivateEndpoint: "delete private endpoints",
  endpointDetails: "read private endpoints and their network interfaces",
  listManageableResources: "list web apps and Private Link Services",
  getManageableResource: "read web apps and Private Link Services",
  listConnections: "read private endpoint connections",
  setConnectionState: "approve or reject private endpoint connections",
  deleteConnection: "remove private endpoint connections",
  readProviderRegistration: "read which resource providers are registered",
  registerResourceProvider: "register resource providers",
};

/** Where the repository publishes the provider identity's custom role (README: “Running on real Azure”). */
export const PROVIDER_ROLE_FILE = "deploy/azure/crosslink-provider-role.json";

/** The role to ask for, per operation and actor. */
function roleAdvice(ctx: ErrorContext): string {
  if (ctx.actor === "provider") {
    // One custom role holds every permission Crosslink's identity uses, and nothing more.
    return `Assign Crosslink's service principal the custom role defined in ${PROVIDER_ROLE_FILE} on the provider's subscription (see “Running on real Azure” in the README); if it is assigned, update the role from the current file.`;
  }
  switch (ctx.operation) {
    case "registerResourceProvider":
      return "Registering a resource provider needs the …/register/action permission on the subscription (Contributor and Owner have it). Ask an owner of the subscription to register it, in the Azure portal (Subscriptions → Resource providers) or with az provider register.";
    case "createPrivateEndpoint":
    case "deletePrivateEndpoint":
      return "Ask an owner of the subscription for Network Contributor on the resource group.";
    default:
      return "Ask an owner of the subscription for Reader (or Network Contributor) on it.";
  }
}

function who(ctx: ErrorContext): string {
  return ctx.actor === "user" ? "Your account" : "Crosslink's own identity (its service principal in the provider tenant)";
}

/** "subscription X (resource group Y)" from an ARM scope or ID. */
function whereFrom(scopeOrId: string | undefined, fallbackSubscription: string | undefined): string {
  const sub = /\/subscriptions\/([^/]+)/i.exec(scopeOrId ?? "")?.[1] ?? fallbackSubscription;
  const rg = /\/resourceGroups\/([^/]+)/i.exec(scopeOrId ?? "")?.[1];
  if (!sub) return "this subscription";
  return rg ? `resource group ${rg} of subscription ${sub}` : `subscription ${sub}`;
}

/** "subscription X", or "the subscription" when unknown. */
function subscription(sub: string | undefined): string {
  return sub ? `subscription ${sub}` : "the subscription";
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The last name in an ID: “snet-appservice”. */
function lastName(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const parts = id.replace(/\/+$/, "").split("/");
  return parts[parts.length - 1] || undefined;
}

type Answer = { status: number; code: string; message: string; requestId: string | null; correlationId: string | null };

function fromAzure(a: Answer, ctx: ErrorContext): AzureError {
  const make = (userMessage: string, retryable = false) =>
    new AzureError({ status: a.status, code: a.code, message: a.message, userMessage, retryable, requestId: a.requestId, correlationId: a.correlationId });
  const sub = ctx.subscriptionId ?? /\/subscriptions\/([^/]+)/i.exec(ctx.resourceId ?? "")?.[1];

  const known = userMessageFor(a.code, a.message, ctx, sub);
  if (known) return make(known.text, known.retryable ?? false);

  if (a.status === 429) {
    return make("Azure is throttling requests right now (too many in a short time). Crosslink already waited and retried; try again in a minute.", true);
  }
  if (a.status >= 500) {
    return make(`Azure had a temporary problem (HTTP ${a.status}, ${a.code}). Crosslink already retried; try again in a few minutes.`, true);
  }
  if (a.status === 404) {
    return make(`Azure could not find ${lastName(ctx.resourceId) ?? "the resource"}. It may have been deleted, or the ID may be wrong.`);
  }
  if (a.status === 401) return make(authMessage(ctx));
  if (a.status === 403) return make(`${who(ctx)} may not ${VERBS[ctx.operation]} in ${whereFrom(ctx.resourceId, sub)}. ${roleAdvice(ctx)}`);
  return make(`Azure refused the request: ${a.message}`);
}

function authMessage(ctx: ErrorContext): string {
  return ctx.actor === "user"
    ? "Your Azure sign-in is no longer valid. Sign in again and retry."
    : "Crosslink could not authenticate to Azure as its own identity. Check the app registration's client secret and the ARM settings (ARM_ENDPOINT, ARM_TOKEN_AUDIENCE).";
}

/** Code-specific messages. Returns undefined for codes without a specific message. */
function userMessageFor(code: string, message: string, ctx: ErrorContext, sub: string | undefined): { text: string; retryable?: boolean } | undefined {
  switch (code) {
    case "AuthorizationFailed": {
      const scope = /over scope '([^']+)'/.exec(message)?.[1];
      const action = /perform action '([^']+)'/.exec(message)?.[1];
      const missing = action ? ` (missing permission: ${action})` : "";
      return { text: `${who(ctx)} does not have permission to ${VERBS[ctx.operation]} in ${whereFrom(scope ?? ctx.resourceId, sub)}${missing}. ${roleAdvice(ctx)}` };
    }
    case "LinkedAuthorizationFailed": {
      const action = /perform action '([^']+)' on the linked scope/.exec(message)?.[1] ?? "";
      const linked = /linked scope\(s\) '([^']+)'/.exec(message)?.[1];
      const name = lastName(linked) ?? "a linked resource";
      if (/privateEndpointConnectionsApproval/i.test(action)) {
        return {
          text: `${who(ctx)} may create the endpoint but has no right to approve its connection to ${name}. Send a manual connection request and let the provider approve it.`,
        };
      }
      if (/subnets\/join/i.test(action)) {
        return {
          text: `${who(ctx)} may create the endpoint but not place it in subnet ${name} (missing ${action}). Ask for Network Contributor on the virtual network's resource group.`,
        };
      }
      return { text: `${who(ctx)} is missing the permission ${action || "needed"} on ${name}, which this request uses. ${roleAdvice(ctx)}` };
    }
    case "InvalidAuthenticationTokenTenant":
      return {
        text:
          ctx.actor === "user"
            ? `${capital(subscription(sub))} belongs to a different Microsoft Entra tenant than the one you signed in with. Pick one of your own subscriptions, or sign in with an account of the tenant that owns it.`
            : `Crosslink's identity belongs to the provider tenant and cannot act on ${subscription(sub)}, which belongs to another tenant.`,
      };
    case "ExpiredAuthenticationToken":
    case "InvalidAuthenticationToken":
    case "InvalidAuthenticationTokenAudience":
    case "AuthenticationFailed":
      return { text: authMessage(ctx) };
    case "SubscriptionNotFound":
      return { text: `${capital(subscription(sub))} was not found. Check the ID, and that the subscription is active and belongs to your tenant.` };
    case "InvalidSubscriptionId":
      return { text: `${sub ? `“${sub}” is not a valid subscription ID` : "The subscription ID is not valid"}: subscription IDs are GUIDs like 00000000-0000-0000-0000-000000000000.` };
    case "ResourceGroupNotFound": {
      const rg = /Resource group '([^']+)'/.exec(message)?.[1];
      return { text: `${rg ? `Resource group ${rg}` : "The resource group"} was not found in ${subscription(sub)}. Check the name, or create the resource group first.` };
    }
    case "ResourceNotFound":
    case "ParentResourceNotFound":
    case "NotFound": {
      // Azure names what is missing ("The Resource 'Microsoft.Web/sites/x' under resource group
      // 'rg' was not found", "Resource /subscriptions/… not found"): often not the resource
      // acted on, but one it refers to (the target of a new endpoint).
      const named = /Resource '([^']+)'/.exec(message)?.[1] ?? /^Resource (\/\S+) not found/.exec(message)?.[1];
      const missing = lastName(named) ?? lastName(ctx.resourceId) ?? "the resource";
      const hint = ctx.operation === "createPrivateEndpoint" ? "Check the target's resource ID and the subnet." : "It may have been deleted, or the ID may be wrong.";
      return { text: `Azure could not find ${missing}. ${hint}` };
    }
    case "RequestMessageTooLong": {
      const limit = /at most (\d+)/.exec(message)?.[1];
      return {
        text: `The request message is too long${limit ? `: this resource accepts at most ${limit} characters` : " for this resource"}. Shorten it and file the request again.`,
      };
    }
    case "PrivateEndpointCannotBeCreatedInSubnetThatHasDelegations": {
      const services = /delegations: \[([^\]]*)\]/.exec(message)?.[1];
      const subnet = lastName(ctx.subnetId) ?? /subnet (\S+\/subnets\/[^\s]+)/.exec(message)?.[1]?.split("/").pop() ?? "this subnet";
      return {
        text: `Subnet ${subnet} is delegated to ${services || "a service"}, and Azure does not allow private endpoints in a delegated subnet. Pick a subnet without delegations.`,
      };
    }
    case "InvalidResourceReference": {
      const referenced = /^Resource (\S+) referenced by/.exec(message)?.[1];
      return {
        text: `Azure could not use ${lastName(referenced) ?? "a referenced resource"}: it was not found in the endpoint's region. A private endpoint must be in the same region as its virtual network (the target may be anywhere); check the region and that the resource exists.`,
      };
    }
    case "InvalidPrivateLinkServiceConnectionGroupIds":
      return {
        text: "The target does not offer the sub-resource (group ID) that was asked for. A web app or function app uses “sites”; a deployment slot uses “sites-<slot name>”; a Private Link Service uses none.",
      };
    case "InvalidPrivateLinkServiceId":
      return { text: "The target cannot be reached through Private Link. Check the resource ID: it must be a web app, function app, slot or Private Link Service." };
    case "MissingSubscriptionRegistration": {
      const ns = /namespace '([^']+)'/.exec(message)?.[1] ?? "the resource provider";
      return {
        text: `${capital(subscription(sub))} is not registered for ${ns}, which a private endpoint to this target needs. Register it from the request form (“Register ${ns}”), or an owner can register it once: az provider register --namespace ${ns} --subscription ${sub ?? "<subscription>"}`,
      };
    }
    case "PrivateLinkServiceNotVisibleToSubscription": {
      // Azure's code for this refusal is unconfirmed; the local ARM uses this one (README).
      const pls = lastName(/service (\S+) is not visible/.exec(message)?.[1]) ?? "this Private Link Service";
      return {
        text: `The provider has not made ${pls} visible to ${subscription(sub)}, so Azure refuses endpoints to it from there. Ask the provider to add subscription ${sub ?? "<your subscription>"} to the service's visibility list, or use a subscription they have listed.`,
      };
    }
    case "SubnetIsFull":
      return { text: `${ctx.subnetId ? `Subnet ${lastName(ctx.subnetId)}` : "The subnet"} has no free IP addresses left. Pick another subnet, or free addresses in this one.` };
    case "AnotherOperationInProgress":
      return { text: "Another operation on this resource is still running in Azure. Wait a moment and try again.", retryable: true };
    case "InvalidResourceName":
      return { text: `Azure does not accept the name: ${message}` };
    case "SubscriptionRequestsThrottled":
    case "TooManyRequests":
      return {
        text: "Azure is throttling requests right now (too many in a short time). Crosslink already waited and retried; try again in a minute.",
        retryable: true,
      };
    default:
      return undefined;
  }
}

/** A long-running operation that Azure accepted and then reported Failed. */
function fromLroFailure(code: string, message: string, ctx: ErrorContext): AzureError {
  const known = code === LOCAL_ERROR_CODES.operationFailed ? undefined : userMessageFor(code, message, ctx, ctx.subscriptionId);
  const transient = code === LOCAL_ERROR_CODES.operationFailed || /InternalServerError|ServiceUnavailable|Timeout|RetryableError/i.test(code);
  return new AzureError({
    status: null,
    code,
    message,
    userMessage:
      known?.text ??
      `Azure accepted the request, but the operation failed (${code}). ${transient ? "This is usually temporary: try again." : "Check the resource in the Azure portal."}`,
    retryable: known?.retryable ?? transient,
  });
}
