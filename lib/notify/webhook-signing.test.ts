import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { newWebhookSecret, signedHeaders } from "./webhook-signing";

const body = JSON.stringify({ type: "request.pending", data: { id: "r1" } });

describe("webhook signing", () => {
  it("signs so that the standardwebhooks library verifies the body with the route's secret", () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], "msg_1", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("makes secrets of 32 random bytes with the whsec_ prefix, different each time", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it("during a rotation signs with both secrets: receivers on either verify", () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([newSecret, oldSecret], "msg_2", new Date(), body);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(body, headers)).toBeTruthy();
    expect(new Webhook(newSecret).verify(body, headers)).toBeTruthy();
  });

  it("does not verify with another secret, a changed body or a changed id", () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], "msg_3", new Date(), body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body.replace("r1", "r2"), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_4" })).toThrow(WebhookVerificationError);
  });

  it("keeps the id and the timestamp in seconds", () => {
    const at = new Date("2026-12-02T10:00:00.750Z");
    const headers = signedHeaders([newWebhookSecret()], "msg_5", at, body);
    expect(headers["webhook-id"]).toBe("msg_5");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
  });
});
