import { describe, expect, it } from "vitest";
import { inboxDataUrl, inboxHref, parseInboxView } from "./inbox-url";

/** The inbox's view in the URL, and the data endpoint's URL the list loads from for it. */
describe("parseInboxView", () => {
  it("defaults to the Pending tab, newest first, 25 per page", () => {
    expect(parseInboxView({})).toEqual({ state: "Pending", sort: "newest", size: 25, resource: undefined, tenant: undefined, q: undefined, cursor: undefined, before: undefined, plain: false });
  });

  it.each([
    ["10", 10],
    ["1", 1],
    ["100", 100],
    ["0", 25],
    ["101", 25],
    ["2.5", 25],
    ["", 25],
    ["ten", 25],
  ])("takes size=%j as %i rows per page", (size, expected) => {
    expect(parseInboxView({ size }).size).toBe(expected);
  });

  it("keeps a cursor over before", () => {
    expect(parseInboxView({ cursor: "a", before: "b" })).toMatchObject({ cursor: "a", before: undefined });
  });
});

describe("inboxHref", () => {
  const view = parseInboxView({ state: "Approved", q: "orders", size: "10", cursor: "c1" });

  it("keeps the view and size, and starts paging over unless told", () => {
    expect(inboxHref(view)).toBe("/provider?state=Approved&q=orders&size=10");
    expect(inboxHref(view, { before: "c0" })).toBe("/provider?state=Approved&q=orders&before=c0&size=10");
  });

  it("leaves the defaults out", () => {
    expect(inboxHref(parseInboxView({}))).toBe("/provider");
  });

  it("keeps the plain view (no JavaScript) across filters and pages", () => {
    const plain = parseInboxView({ plain: "1", q: "orders" });
    expect(plain.plain).toBe(true);
    expect(inboxHref(plain, { cursor: "c1" })).toBe("/provider?q=orders&cursor=c1&plain=1");
    expect(parseInboxView({ plain: "yes" }).plain).toBe(false);
  });
});

describe("inboxDataUrl", () => {
  it("asks the endpoint for the same filters and page, with the size as limit", () => {
    const view = parseInboxView({ state: "Approved", q: "orders", tenant: "t1", sort: "oldest", size: "10", before: "c0" });
    const url = new URL(inboxDataUrl(view), "http://x");
    expect(url.pathname).toBe("/api/v1/provider/requests");
    expect(Object.fromEntries(url.searchParams)).toEqual({ state: "Approved", q: "orders", tenant: "t1", sort: "oldest", before: "c0", limit: "10" });
    expect(new URL(inboxDataUrl(parseInboxView({ plain: "1" })), "http://x").searchParams.has("plain")).toBe(false);
  });

  it("names the Pending tab (the endpoint's default is every state) and leaves the state out for all", () => {
    expect(new URL(inboxDataUrl(parseInboxView({})), "http://x").searchParams.get("state")).toBe("Pending");
    expect(new URL(inboxDataUrl(parseInboxView({ state: "all" })), "http://x").searchParams.has("state")).toBe(false);
  });
});
