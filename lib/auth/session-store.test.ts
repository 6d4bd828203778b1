import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/support/test-db";
import type { Db } from "../db/client";
import { createSession, deleteExpiredSessions, deleteSessionByToken, hashSessionToken, principalFromSessionToken } from "./session-store";

let db: Db;
let cleanup: () => Promise<void>;
let userId: string;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await db.tenant.create({ data: { id: "22222222-2222-4222-8222-222222222222", displayName: "Fabrikam" } });
  const user = await db.user.create({
    data: { tenantId: "22222222-2222-4222-8222-222222222222", objectId: "oid-1", username: "felix@fabrikam.onmicrosoft.com", displayName: "Felix Fischer" },
  });
  userId = user.id;
});
afterEach(() => cleanup());

async function newSession(ttlHours = 8) {
  return createSession(db, { userId, tenantId: "22222222-2222-4222-8222-222222222222", roles: ["consumer"], homeAccountId: "h", tokenCache: "", ttlHours });
}

describe("server-side sessions", () => {
  it("stores only the hash of the cookie value and resolves the principal", async () => {
    const { token, id } = await newSession();
    expect(id).toBe(hashSessionToken(token));
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    const principal = await principalFromSessionToken(db, token);
    expect(principal).toMatchObject({ userId, tenantName: "Fabrikam", name: "Felix Fischer", roles: ["consumer"] });
  });

  it("treats tampered, malformed and unknown cookies as signed out", async () => {
    const { token } = await newSession();
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const value of [tampered, token + "x", "", "not a token", undefined, null]) {
      expect(await principalFromSessionToken(db, value)).toBeNull();
    }
  });

  it("signs out an expired session and deletes it", async () => {
    const { token, id } = await newSession();
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await principalFromSessionToken(db, token)).toBeNull();
    expect(await db.session.count()).toBe(0);
  });

  it("deletes on sign-out, and sweeps expired sessions", async () => {
    const a = await newSession();
    const b = await newSession();
    expect(await deleteSessionByToken(db, a.token)).toMatchObject({ userId });
    expect(await principalFromSessionToken(db, a.token)).toBeNull();
    await db.session.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await deleteExpiredSessions(db)).toBe(1);
  });
});
