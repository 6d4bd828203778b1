/**
 * The webhook documentation that is generated, so it can't drift from the code: a JSON Schema
 * and an example per event type (docs/webhooks/schemas, docs/webhooks/examples), and the event
 * table and examples in docs/webhooks.md (between the GENERATED markers; the rest of the page
 * is written by hand). `npm run webhooks:schemas` writes them; a test fails when the committed
 * files differ from what it would write.
 */
import { z } from "zod";
import { NOTIFICATION_TYPE_LABELS, NOTIFICATION_TYPES, type NotificationType } from "../notification-types";
import { exampleFacts } from "./example-facts";
import { WEBHOOK_SCHEMA_VERSION, webhookPayload, webhookPayloadSchema } from "./webhook-payload";

export const WEBHOOK_DOC = "docs/webhooks.md";
export const SCHEMA_DIR = "docs/webhooks/schemas";
export const EXAMPLE_DIR = "docs/webhooks/examples";

export const schemaPath = (type: NotificationType) => `${SCHEMA_DIR}/${type}.v${WEBHOOK_SCHEMA_VERSION}.json`;
export const examplePath = (type: NotificationType) => `${EXAMPLE_DIR}/${type}.json`;

/**
 * The JSON Schema (draft 2020-12) of a type's payload. Written for what receivers accept
 * ("input"): objects don't forbid unknown properties, because v1 may gain fields.
 */
export function webhookJsonSchema(type: NotificationType): Record<string, unknown> {
  return z.toJSONSchema(webhookPayloadSchema(type), { io: "input" }) as Record<string, unknown>;
}

/** The example webhook body of a type. */
export function webhookExample(type: NotificationType): unknown {
  return webhookPayload(exampleFacts(type));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated file but the doc: path (from the repository root) → content. */
export function generatedWebhookFiles(): { path: string; content: string }[] {
  return NOTIFICATION_TYPES.flatMap((type) => [
    { path: schemaPath(type), content: json(webhookJsonSchema(type)) },
    { path: examplePath(type), content: json(webhookExample(type)) },
  ]);
}

const SECTIONS = {
  "event-types": () =>
    [
      "| Type | When | Schema | Example |",
      "|---|---|---|---|",
      ...NOTIFICATION_TYPES.map(
        (t) =>
          `| \`${t}\` | ${NOTIFICATION_TYPE_LABELS[t].description} | [${t}.v${WEBHOOK_SCHEMA_VERSION}.json](webhooks/schemas/${t}.v${WEBHOOK_SCHEMA_VERSION}.json) | [${t}.json](webhooks/examples/${t}.json) |`,
      ),
    ].join("\n"),
  examples: () =>
    NOTIFICATION_TYPES.map((t) => [`### \`${t}\``, "", NOTIFICATION_TYPE_LABELS[t].description, "", "```json", JSON.stringify(webhookExample(t), null, 2), "```"].join("\n")).join(
      "\n\n",
    ),
} as const;

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: npm run webhooks:schemas writes this part -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The doc with its generated sections written anew; throws when a section's markers are missing. */
export function withGeneratedDocSections(doc: string): string {
  let out = doc;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const from = out.indexOf(begin(name));
    const to = out.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`${WEBHOOK_DOC} lacks the markers of the generated section "${name}": ${begin(name)} … ${end(name)}`);
    out = `${out.slice(0, from + begin(name).length)}\n\n${make()}\n\n${out.slice(to)}`;
  }
  return out;
}

