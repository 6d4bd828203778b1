import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box";

describe("SecretBox", () => {
  const box = new SecretBox("a-session-secret-of-at-least-32-chars!", "msal-token-cache");

  it("round-trips and never stores the plaintext", () => {
    const sealed = box.seal('{"RefreshToken":{"secret":"rt-123"}}');
    expect(sealed).not.toContain("rt-123");
    expect(box.open(sealed)).toBe('{"RefreshToken":{"secret":"rt-123"}}');
    expect(box.seal("same")).not.toBe(box.seal("same")); // fresh IV each time
  });

  it("refuses tampered data, other keys and other purposes", () => {
    const sealed = box.seal("hello");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(box.open(parts.join("."))).toBeNull();
    expect(new SecretBox("another-secret-of-at-least-32-characters", "msal-token-cache").open(sealed)).toBeNull();
    expect(new SecretBox("a-session-secret-of-at-least-32-chars!", "other").open(sealed)).toBeNull();
    expect(box.open("garbage")).toBeNull();
  });
});
