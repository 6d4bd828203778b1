import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/provider", "/provider"],
    ["/requests?state=Pending#top", "/requests?state=Pending#top"],
    ["//evil.example/x", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["provider", "/"],
    ["/auth/callback?code=x", "/"],
    ["/a\nb", "/"],
    ["", "/"],
    [undefined, "/"],
    [42, "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
