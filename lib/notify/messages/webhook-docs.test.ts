import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "../notification-types";
import { EXAMPLE_DIR, SCHEMA_DIR, WEBHOOK_DOC, examplePath, generatedWebhookFiles, schemaPath, withGeneratedDocSections } from "./webhook-docs";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const STALE = "The committed webhook docs differ from what the code generates: run `npm run webhooks:schemas` and commit the result.";

describe("the generated webhook docs", () => {
  it("are committed as the script writes them (schemas, examples)", () => {
    for (const file of generatedWebhookFiles()) {
      expect(fs.existsSync(path.join(ROOT, file.path)), `${file.path} is missing. ${STALE}`).toBe(true);
      expect(read(file.path), `${file.path}: ${STALE}`).toBe(file.content);
    }
    const wanted = new Set(generatedWebhookFiles().map((f) => f.path));
    for (const dir of [SCHEMA_DIR, EXAMPLE_DIR]) {
      for (const name of fs.readdirSync(path.join(ROOT, dir))) expect(wanted.has(`${dir}/${name}`), `${dir}/${name} is left over. ${STALE}`).toBe(true);
    }
  });

  it("are in step with the doc's event table and examples", () => {
    const doc = read(WEBHOOK_DOC);
    expect(doc, STALE).toBe(withGeneratedDocSections(doc));
    const blocks = [...doc.matchAll(/^### `([a-z._]+)`\n\n[^\n]*\n\n```json\n([\s\S]*?)\n```/gm)];
    expect(blocks.map((b) => b[1])).toEqual([...NOTIFICATION_TYPES]);
    for (const [, type, body] of blocks) expect(JSON.parse(body!)).toEqual(JSON.parse(read(examplePath(type as (typeof NOTIFICATION_TYPES)[number]))));
  });

  it("has an example for every type that validates against the committed JSON Schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const type of NOTIFICATION_TYPES) {
      const validate = ajv.compile(JSON.parse(read(schemaPath(type))));
      const example = JSON.parse(read(examplePath(type)));
      expect(validate(example), `${type}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const other = NOTIFICATION_TYPES.find((t) => t !== type)!;
      expect(validate({ ...example, type: other })).toBe(false);
    }
  });

  it("refuses the doc when a generated section's markers are gone", () => {
    expect(() => withGeneratedDocSections("# Webhooks\n")).toThrow(/markers/);
  });
});

describe("the doc's verification snippet without a library", () => {
  async function loadSnippet(): Promise<(secret: string, headers: Record<string, string>, body: string) => unknown> {
    const doc = read(WEBHOOK_DOC);
    const code = doc.match(/```js\n(import \{ createHmac[\s\S]*?)\n```/)?.[1];
    if (!code) throw new Error("docs/webhooks.md lost its verification snippet without a library");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-snippet-")), "verify.mjs");
    fs.writeFileSync(file, code);
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyCrosslinkWebhook: (secret: string, headers: Record<string, string>, body: string) => unknown };
    return mod.verifyCrosslinkWebhook;
  }

  const secret = `whsec_${Buffer.from("a route's secret of 32 bytes....").toString("base64")}`;
  const oldSecret = `whsec_${Buffer.from("the previous secret of the route").toString("base64")}`;
  const body = read(examplePath("request.pending")).trim();
  const id = "cm8s03x5hw0001lb08q2v7r9mk";

  function headers(signWith: string[], at = new Date()): Record<string, string> {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return {
      "webhook-id": id,
      "webhook-timestamp": timestamp,
      "webhook-signature": signWith.map((s) => new Webhook(s).sign(id, new Date(Number(timestamp) * 1000), body)).join(" "),
    };
  }

  it("accepts what standardwebhooks signs, also with two signatures during a rotation", async () => {
    const verify = await loadSnippet();
    expect(verify(secret, headers([secret]), body)).toEqual(JSON.parse(body));
    expect(verify(secret, headers([secret, oldSecret]), body)).toEqual(JSON.parse(body));
    expect(verify(oldSecret, headers([secret, oldSecret]), body)).toEqual(JSON.parse(body));
    // And the library agrees with the snippet.
    expect(new Webhook(secret).verify(body, headers([oldSecret, secret]))).toEqual(JSON.parse(body));
  });

  it("refuses a changed body, another secret, an old timestamp and missing headers", async () => {
    const verify = await loadSnippet();
    expect(() => verify(secret, headers([secret]), body.replace("Pending", "Approved"))).toThrow(/signature/);
    expect(() => verify(secret, headers([oldSecret]), body)).toThrow(/signature/);
    expect(() => verify(secret, headers([secret], new Date(Date.now() - 10 * 60_000)), body)).toThrow(/timestamp/);
    expect(() => verify(secret, { ...headers([secret]), "webhook-timestamp": "soon" }, body)).toThrow(/timestamp/);
    expect(() => verify(secret, { "webhook-id": id }, body)).toThrow(/missing/);
  });
});
