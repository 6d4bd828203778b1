import { z } from "zod";

/**
 * Opaque keyset cursors for (createdAt, id) ordered lists: stable under inserts, and each page
 * costs an index seek instead of an OFFSET scan (the provider inbox holds 100,000s of requests).
 */
const cursorSchema = z.object({ t: z.string().datetime(), id: z.string().min(1).max(64) });
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ t: c.createdAt.toISOString(), id: c.id })).toString("base64url");
}

/** A malformed cursor means "from the start", never an error page. */
export function decodeCursor(raw: string | undefined | null): Cursor | undefined {
  if (!raw || raw.length > 200) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.id } : undefined;
  } catch {
    return undefined;
  }
}

/** The Prisma condition for "after this cursor" in the given direction. */
export function afterCursor(c: Cursor | undefined, direction: "desc" | "asc") {
  if (!c) return {};
  const op = direction === "desc" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: c.createdAt } }, { createdAt: c.createdAt, id: { [op]: c.id } }] };
}
