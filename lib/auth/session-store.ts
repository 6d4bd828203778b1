import crypto from "node:crypto";
import { z } from "zod";
import type { Db, DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { readRows, sqliteDate } from "../db/read-connection";
import type { Principal } from "./principal";
import { ROLES } from "./roles";

/**
 * Server-side sessions. The browser gets 32 random bytes (base64url) in an httpOnly cookie; the
 * database keeps only their SHA-256, so neither a leaked database nor a log line can be replayed
 * as a cookie. A tampered, unknown or expired cookie simply finds no session.
 */

export const SESSION_COOKIE = "crosslink_session";
/** With https the __Host- prefix pins the cookie to this host and path, and requires Secure. */
export const SECURE_SESSION_COOKIE = "__Host-crosslink_session";

export function sessionCookieName(appBaseUrl: string): string {
  return appBaseUrl.startsWith("https://") ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export function hashSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

const rolesSchema = z.array(z.enum(ROLES));

export async function createSession(
  db: DbOrTx,
  input: { userId: string; tenantId: string; roles: string[]; homeAccountId: string; tokenCache: string; ttlHours: number },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const id = hashSessionToken(token);
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await db.session.create({
    data: {
      id,
      userId: input.userId,
      tenantId: input.tenantId,
      roles: JSON.stringify(rolesSchema.parse(input.roles)),
      homeAccountId: input.homeAccountId,
      tokenCache: input.tokenCache,
      expiresAt,
    },
  });
  return { token, id, expiresAt };
}

/** The principal behind a cookie value, or null (no cookie, malformed, unknown, expired). */
export async function principalFromSessionToken(db: Db, token: string | undefined | null): Promise<Principal | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  return principalFromSessionId(db, hashSessionToken(token));
}

/** One joined row per session lookup: session, user and tenant (only what a principal needs). */
const sessionRowSchema = z.object({
  userId: z.string(),
  tenantId: z.string(),
  roles: z.string(),
  expiresAt: sqliteDate,
  lastSeenAt: sqliteDate,
  objectId: z.string(),
  displayName: z.string(),
  username: z.string(),
  tenantName: z.string(),
});

/**
 * The principal of a stored session (background jobs act with the session that asked for them).
 * Runs on every request, so it is one hand-written join on the read connection rather than
 * Prisma's nested include (three queries and ~5 ms of CPU through the query compiler).
 */
export async function principalFromSessionId(db: Db, id: string): Promise<Principal | null> {
  const rows = readRows(db, Prisma.sql`
    SELECT s."userId", s."tenantId", s."roles", s."expiresAt", s."lastSeenAt",
           u."objectId", u."displayName", u."username", t."displayName" AS "tenantName"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "Tenant" t ON t."id" = u."tenantId"
    WHERE s."id" = ${id}`);
  if (rows.length === 0) return null;
  const session = sessionRowSchema.parse(rows[0]);
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const roles = rolesSchema.safeParse(JSON.parse(session.roles));
  return {
    sessionId: id,
    userId: session.userId,
    tenantId: session.tenantId,
    tenantName: session.tenantName,
    objectId: session.objectId,
    name: session.displayName,
    username: session.username,
    roles: roles.success ? roles.data : ["consumer"],
  };
}

export async function deleteSessionByToken(db: Db, token: string | undefined | null): Promise<{ homeAccountId: string; userId: string } | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({ where: { id }, select: { homeAccountId: true, userId: true } });
  await db.session.deleteMany({ where: { id } });
  return session;
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const flows = await db.authFlow.deleteMany({ where: { expiresAt: { lte: now } } });
  return sessions.count + flows.count;
}
