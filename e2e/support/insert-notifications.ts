/**
 * Writes in-app notifications for a signed-in-before user of the e2e world, as the notification
 * fan-out would, so the bell and the notifications page can be tested on their own. Runs in its
 * own process (tsx) with the e2e world's environment (see in-app.ts, which starts it).
 *
 * Input: one JSON argument { username, rows: [{ title, body?, requestId?, eventType?, minutesAgo? }] }.
 * Output: the last stdout line is JSON { ids } (in the order given).
 */
import { loadConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { insertInAppNotifications } from "../../lib/notify/in-app/testing";

type Input = { username: string; rows: { title: string; body?: string; requestId?: string; eventType?: string; minutesAgo?: number }[] };

async function main() {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const db = createDb(loadConfig(process.env).databaseUrl);
  try {
    const user = await db.user.findFirst({ where: { username: input.username } });
    if (!user) throw new Error(`no user ${input.username}: sign them in first`);
    const now = Date.now();
    const ids = await insertInAppNotifications(
      db,
      input.rows.map((r) => ({ ...r, userId: user.id, createdAt: new Date(now - (r.minutesAgo ?? 0) * 60_000) })),
    );
    console.log(JSON.stringify({ ids }));
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
