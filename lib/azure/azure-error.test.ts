/**
 * toAzureError on the error shapes the SDKs produce, for codes the local world cannot produce
 * for a user (every demo user owns their subscription) and for the wording of each message.
 */
import { RestError } from "@azure/arm-appservice";
import { describe, expect, it } from "vitest";
import { AzureError, isNotFound, scrub, toAzureError, type ErrorContext } from "./azure-error";

const SUB = "bbbb2222-0000-4000-8000-000000000002";
const RG_SCOPE = `/subscriptions/${SUB}/resourceGroups/rg-fabrikam-network`;

/** A RestError as core-client builds it from Azure's `{error:{code,message}}` answer. */
function restError(status: number, code: string, message: string, requestId = "req-1"): RestError {
  const headers = new Map([["x-ms-request-id", requestId]]);
  return new RestError(message, {
    statusCode: status,
    code,
    response: { status, headers: { get: (n: string) => headers.get(n) }, bodyAsText: JSON.stringify({ error: { code, message } }) } as never,
  });
}

const consumerCreate: ErrorContext = { operation: "createPrivateEndpoint", actor: "user", subscriptionId: SUB };

function mapped(err: unknown, ctx: ErrorContext = consumerCreate): AzureError {
  const out = toAzureError(err, ctx);
  expect(out).toBeInstanceOf(AzureError);
  return out as AzureError;
}

describe("Azure's error codes become plain words", () => {
  it("AuthorizationFailed for a consumer creating an endpoint: the subscription, the group and the role to ask for", () => {
    const e = mapped(
      restError(
        403,
        "AuthorizationFailed",
        `The client 'felix@fabrikam.onmicrosoft.com' with object id 'f0' does not have authorization to perform action 'Microsoft.Network/privateEndpoints/write' over scope '${RG_SCOPE}/providers/Microsoft.Network/privateEndpoints/pe' or the scope is invalid.`,
      ),
    );
    expect(e).toMatchObject({ status: 403, code: "AuthorizationFailed", retryable: false, requestId: "req-1" });
    expect(e.userMessage).toBe(
      `Your account does not have permission to create private endpoints in resource group rg-fabrikam-network of subscription ${SUB} (missing permission: Microsoft.Network/privateEndpoints/write). Ask an owner of the subscription for Network Contributor on the resource group.`,
    );
    expect(e.message).toContain("does not have authorization"); // Azure's message kept
  });

  it("LinkedAuthorizationFailed on the subnet: join permission on the VNet's group", () => {
    const e = mapped(
      restError(
        403,
        "LinkedAuthorizationFailed",
        `The client 'x' with object id 'y' has permission to perform action 'Microsoft.Network/privateEndpoints/write' on scope '${RG_SCOPE}/providers/Microsoft.Network/privateEndpoints/pe'; however, it does not have permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s) '${RG_SCOPE}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-endpoints' or the linked scope(s) are invalid.`,
      ),
    );
    expect(e.code).toBe("LinkedAuthorizationFailed");
    expect(e.userMessage).toBe(
      "Your account may create the endpoint but not place it in subnet snet-endpoints (missing Microsoft.Network/virtualNetworks/subnets/join/action). Ask for Network Contributor on the virtual network's resource group.",
    );
  });

  it("LinkedAuthorizationFailed on the target's approval: file a manual request instead", () => {
    const e = mapped(
      restError(
        403,
        "LinkedAuthorizationFailed",
        "The client 'x' with object id 'y' has permission to perform action 'a' on scope 's'; however, it does not have permission to perform action 'Microsoft.Web/sites/privateEndpointConnectionsApproval/action' on the linked scope(s) '/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/contoso-orders' or the linked scope(s) are invalid.",
      ),
    );
    expect(e.userMessage).toMatch(/no right to approve its connection to contoso-orders\. Send a manual connection request/);
  });

  it("expired or invalid tokens: sign in again (user) / check the app's settings (provider)", () => {
    expect(mapped(restError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than current UTC time.")).userMessage).toBe(
      "Your Azure sign-in is no longer valid. Sign in again and retry.",
    );
    const provider = mapped(restError(401, "InvalidAuthenticationToken", "bad"), { operation: "setConnectionState", actor: "provider" });
    expect(provider.userMessage).toMatch(/ENTRA|client secret/);
    expect(provider.userMessage).toMatch(/ARM_ENDPOINT/);
  });

  it("SubscriptionNotFound, ResourceGroupNotFound and MissingSubscriptionRegistration say what to check or run", () => {
    expect(mapped(restError(404, "SubscriptionNotFound", `The subscription '${SUB}' could not be found.`)).userMessage).toMatch(
      new RegExp(`^Subscription ${SUB} was not found\\.`),
    );
    expect(mapped(restError(404, "ResourceGroupNotFound", "Resource group 'rg-gone' could not be found.")).userMessage).toBe(
      `Resource group rg-gone was not found in subscription ${SUB}. Check the name, or create the resource group first.`,
    );
    const reg = mapped(restError(409, "MissingSubscriptionRegistration", "The subscription is not registered to use namespace 'Microsoft.Network'."));
    expect(reg.userMessage).toContain(`az provider register --namespace Microsoft.Network --subscription ${SUB}`);
  });

  it("429 and 5xx are retryable, other 4xx are not", () => {
    expect(mapped(restError(429, "SubscriptionRequestsThrottled", "Number of 'read' requests exceeded")).retryable).toBe(true);
    expect(mapped(restError(503, "ServiceUnavailable", "try later"))).toMatchObject({ retryable: true, status: 503 });
    expect(mapped(restError(409, "AnotherOperationInProgress", "busy")).retryable).toBe(true);
    const bad = mapped(restError(400, "SomethingNew", "Azure's explanation."));
    expect(bad).toMatchObject({ retryable: false, userMessage: "Azure refused the request: Azure's explanation." });
  });

  it("a code Azure's body does not carry falls back to the HTTP status", () => {
    const e = mapped(new RestError("Unexpected status code: 418", { statusCode: 418 }));
    expect(e.code).toBe("Http418");
    expect(e.requestId).toBeNull();
  });
});

describe("other failure shapes", () => {
  it("a failed long-running operation (core-lro's plain Error) keeps the operation's code", () => {
    const e = mapped(new Error("The long-running operation has failed. SubnetIsFull. Subnet snet has no free addresses."), {
      ...consumerCreate,
      subnetId: `${RG_SCOPE}/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-endpoints`,
    });
    expect(e).toMatchObject({ status: null, code: "SubnetIsFull", message: "Subnet snet has no free addresses.", retryable: false });
    expect(e.userMessage).toMatch(/^Subnet snet-endpoints has no free IP addresses left/);
    const bare = mapped(new Error("The long-running operation has failed"));
    expect(bare).toMatchObject({ code: "OperationFailed", retryable: true });
  });

  it("network errors without an answer become NetworkError", () => {
    const e = mapped(new RestError("socket hang up", { code: "ECONNRESET" }));
    expect(e).toMatchObject({ status: null, code: "NetworkError", retryable: true });
  });

  it("errors that are not Azure's are returned unchanged", () => {
    const bug = new TypeError("x is undefined");
    expect(toAzureError(bug, consumerCreate)).toBe(bug);
    const own = new AzureError({ status: 400, code: "C", message: "m", userMessage: "u", retryable: false });
    expect(toAzureError(own, consumerCreate)).toBe(own);
  });

  it("isNotFound is true only for 404s", () => {
    expect(isNotFound(restError(404, "NotFound", "gone"))).toBe(true);
    expect(isNotFound(mapped(restError(404, "ResourceNotFound", "gone")))).toBe(true);
    expect(isNotFound(restError(403, "AuthorizationFailed", "no"))).toBe(false);
    expect(isNotFound(new Error("404"))).toBe(false);
  });
});

describe("tokens never reach a message", () => {
  const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmZWxpeCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

  it("scrub removes JWTs and bearer values", () => {
    expect(scrub(`Authorization: Bearer ${jwt} and ${jwt}`)).toBe("Authorization: Bearer [redacted] and [redacted token]");
  });

  it("an Azure message that echoes a token is stored without it", () => {
    const e = mapped(restError(400, "BadRequest", `Bad header Bearer ${jwt}`));
    expect(JSON.stringify(e)).not.toContain(jwt);
    expect(e.message).not.toContain(jwt);
    expect(e.userMessage).not.toContain(jwt);
  });
});
