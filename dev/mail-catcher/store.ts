import fs from "node:fs";
import path from "node:path";
import { caughtMailSchema, type CaughtMail, type ListQuery, listQuerySchema, toSummary, type MailList } from "./api";

export const DEFAULT_MAX_MESSAGES = 2000;

/**
 * The caught mail: the newest messages in memory, each also appended to a JSON Lines file so a
 * restart of the local world keeps them. The file is rewritten with only the kept messages when
 * it has grown to twice that many lines, so it never grows without bound.
 */
export class MailStore {
  private messages: CaughtMail[] = [];
  private linesInFile = 0;

  constructor(
    private readonly file: string | null,
    private readonly maxMessages = DEFAULT_MAX_MESSAGES,
  ) {
    if (file) this.load(file);
  }

  add(mail: CaughtMail): void {
    this.messages.push(mail);
    if (this.messages.length > this.maxMessages) this.messages.splice(0, this.messages.length - this.maxMessages);
    if (!this.file) return;
    fs.appendFileSync(this.file, JSON.stringify(mail) + "\n");
    this.linesInFile += 1;
    if (this.linesInFile >= 2 * this.maxMessages) this.rewrite();
  }

  /** Newest first. */
  list(query: ListQuery = {}): MailList {
    const q = listQuerySchema.parse(query);
    const to = q.to?.toLowerCase();
    const subject = q.subject?.toLowerCase();
    const since = q.since ? Date.parse(q.since) : undefined;
    const matching: CaughtMail[] = [];
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (to && !m.to.some((address) => address.toLowerCase().includes(to))) continue;
      if (subject && !m.subject.toLowerCase().includes(subject)) continue;
      if (since !== undefined && Date.parse(m.receivedAt) < since) continue;
      matching.push(m);
    }
    return { messages: matching.slice(0, q.limit).map(toSummary), total: matching.length };
  }

  get(id: string): CaughtMail | undefined {
    return this.messages.find((m) => m.id === id);
  }

  get size(): number {
    return this.messages.length;
  }

  clear(): void {
    this.messages = [];
    if (this.file) this.rewrite();
  }

  private load(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let content = "";
    try {
      content = fs.readFileSync(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    const lines = content.split("\n").filter((line) => line.trim() !== "");
    for (const line of lines) {
      // A line cut short by a crash (or edited by hand) is skipped, not fatal.
      const parsed = caughtMailSchema.safeParse(safeJson(line));
      if (parsed.success) this.messages.push(parsed.data);
    }
    this.messages = this.messages.slice(-this.maxMessages);
    this.linesInFile = lines.length;
    if (lines.length !== this.messages.length) this.rewrite();
  }

  /** Replaces the file with the kept messages; a crash halfway leaves the old file whole. */
  private rewrite(): void {
    const file = this.file!;
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, this.messages.map((m) => JSON.stringify(m) + "\n").join(""));
    fs.renameSync(temporary, file);
    this.linesInFile = this.messages.length;
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
