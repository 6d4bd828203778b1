import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "../notification-types";
import { exampleFacts } from "./example-facts";
import { webhookJsonSchema } from "./webhook-docs";
import { webhookPayload, webhookPayloadSchema } from "./webhook-payload";

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validators = new Map(NOTIFICATION_TYPES.map((t) => [t, ajv.compile(webhookJsonSchema(t))]));

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("webhookPayload", () => {
  it.each(NOTIFICATION_TYPES)("%s: the payload matches its zod schema exactly and its JSON Schema", (type) => {
    const payload = webhookPayload(exampleFacts(type));
    expect(payload.type).toBe(type);
    expect(payload.data.schemaVersion).toBe(1);
    // Parsing strips unknown keys: equality means the payload has no field the schema doesn't document.
    expect(webhookPayloadSchema(type).parse(payload)).toEqual(payload);
    const validate = validators.get(type)!;
    expect(validate(clone(payload)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("projects the request with the documented fields only", () => {
    const payload = webhookPayload(exampleFacts("request.pending"));
    expect(payload).toMatchObject({ type: "request.pending", timestamp: "2026-03-02T09:15:12.000Z" });
    if (!("request" in payload.data)) throw new Error("a request event carries its request");
    expect(Object.keys(payload.data.request).sort()).toEqual(
      ["consumer", "createdAt", "decisionNote", "endpoint", "id", "message", "previousState", "privateDnsZone", "privateIps", "requesterName", "state", "stateReason", "target", "url"].sort(),
    );
    expect(payload.data.request.endpoint).toEqual({
      resourceId: expect.stringMatching(/\/privateEndpoints\/pe-contoso-orders$/),
      name: "pe-contoso-orders",
    });
    expect(payload.data.request.url).toBe("https://crosslink.example.com/provider/requests/cm8r4k2qv0007lb08h3x9d5ty");
    expect(payload.data.eventId).toBe(exampleFacts("request.pending").eventId);
  });

  it("names an endpoint after its resource ID when the name isn't stored", () => {
    const facts = exampleFacts("request.pending");
    const payload = webhookPayload({ ...facts, request: { ...facts.request!, endpointName: null } });
    expect("request" in payload.data && payload.data.request.endpoint?.name).toBe("pe-contoso-orders");
  });

  it("gives route messages their route instead of a request", () => {
    const payload = webhookPayload(exampleFacts("route.disabled"));
    expect(payload.data).toMatchObject({ route: { name: "Contoso platform team", reason: "The receiver answered 410 Gone" } });
    expect("request" in payload.data).toBe(false);
  });

  it("refuses a payload that lacks a required field, in zod and in the JSON Schema", () => {
    const payload = webhookPayload(exampleFacts("request.approved"));
    for (const remove of [(p: typeof payload) => delete (p.data as { eventId?: string }).eventId, (p: typeof payload) => delete (p.data as { request?: { state?: string } }).request!.state]) {
      const broken = clone(payload);
      remove(broken);
      expect(webhookPayloadSchema("request.approved").safeParse(broken).success).toBe(false);
      expect(validators.get("request.approved")!(broken)).toBe(false);
    }
  });

  it("refuses a payload of another type or state", () => {
    const approved = webhookPayload(exampleFacts("request.approved"));
    expect(validators.get("request.pending")!(clone(approved))).toBe(false);
    const stillPending = clone(approved) as { data: { request: { state: string } } };
    stillPending.data.request.state = "Pending";
    expect(validators.get("request.approved")!({ ...stillPending, type: "request.approved" })).toBe(false);
  });

  it("requires the wait on reminders and the action on action events", () => {
    const reminder = clone(webhookPayload(exampleFacts("request.reminder"))) as { data: { waitingHours: number | null } };
    reminder.data.waitingHours = null;
    expect(validators.get("request.reminder")!(reminder)).toBe(false);
    const refused = clone(webhookPayload(exampleFacts("request.action_failed"))) as { data: { action: string | null } };
    refused.data.action = null;
    expect(validators.get("request.action_failed")!(refused)).toBe(false);
  });

  it("refuses facts that lack what their type needs", () => {
    expect(() => webhookPayload({ ...exampleFacts("request.pending"), request: null })).toThrow(/needs its request/);
    expect(() => webhookPayload({ ...exampleFacts("route.test"), route: null })).toThrow(/needs its route/);
  });
});
