import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The one door is enforced by lint (eslint.config.mjs): anywhere in lib/ but the request writer,
 * code that writes ConnectionRequest rows — through Prisma or in SQL — fails `npm run lint`.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const eslint = new ESLint({ cwd: ROOT });

async function doorErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const WRITES = [
  "export const f = (db: any) => db.connectionRequest.update({ where: { id: 'x' }, data: { state: 'Approved' } });",
  "export const f = (tx: any) => tx.connectionRequest.create({ data: {} });",
  "export const f = (tx: any) => tx.connectionRequest.updateMany({ where: {}, data: {} });",
  'export const f = (db: any) => db.$executeRaw`UPDATE "ConnectionRequest" SET "state" = ${"Approved"}`;',
  'export const f = (db: any) => db.$executeRaw`INSERT INTO "ConnectionRequest" ("id") VALUES (1)`;',
];

describe("the one door", () => {
  it("refuses writes to ConnectionRequest anywhere in lib/ but the request writer", { timeout: 60_000 }, async () => {
    for (const code of WRITES) {
      expect(await doorErrors("lib/connections/sneaky.ts", code), code).toEqual([expect.stringContaining("request-writer.ts")]);
      expect(await doorErrors("lib/connections/request-writer.ts", code), code).toEqual([]);
    }
  });

  it("lets reads through", { timeout: 60_000 }, async () => {
    const reads = [
      "export const f = (db: any) => db.connectionRequest.findMany({ where: {} });",
      'export const f = (db: any) => db.$queryRaw`SELECT * FROM "ConnectionRequest" cr WHERE cr."state" = ${"Pending"}`;',
    ];
    for (const code of reads) expect(await doorErrors("lib/connections/reader.ts", code), code).toEqual([]);
  });
});
