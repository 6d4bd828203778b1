/**
 * Request bodies: read with a size cap, parsed as JSON with ARM's InvalidRequestContent error.
 */
import type { IncomingMessage } from "node:http";
import { Errors } from "./errors";

export const MAX_BODY_BYTES = 4 * 1024 * 1024; // ARM's request size limit is 4 MB

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => (tooLarge ? reject(Errors.requestTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** Describes a JSON.parse failure in the words ARM (Newtonsoft) uses. */
function describeJsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : 0;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const col = at - before.lastIndexOf("\n");
  const ch = text[at] ?? "";
  return ch
    ? `Unexpected character encountered while parsing value: ${ch}. Path '', line ${line}, position ${col}.`
    : `Unexpected end when deserializing object. Path '', line ${line}, position ${col}.`;
}

/** Parses a JSON body; empty → undefined. */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType && !/json/i.test(contentType) && !/^text\/plain/i.test(contentType)) {
    throw Errors.unsupportedMediaType(contentType);
  }
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw Errors.invalidRequestContent(describeJsonError(text, err));
  }
}
