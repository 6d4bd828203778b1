import type { Db } from "@/lib/db/client";

/**
 * Opens a transaction that writes a tenant row ("uncommitted"), then waits as a transaction
 * awaiting between statements does, until `finish` is called: it then commits, or rolls back
 * (rejecting `done` with "rolled back on purpose") when asked to.
 */
export function holdTransaction(db: Db, options: { rollBack: boolean }) {
  let wrote!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const done = db.$transaction(async (tx) => {
    await tx.tenant.create({ data: { id: "uncommitted", displayName: "Uncommitted" } });
    wrote();
    await finished;
    if (options.rollBack) throw new Error("rolled back on purpose");
  });
  return { written, finish, done };
}
