/**
 * Writes the generated webhook documentation: a JSON Schema and an example per event type
 * (docs/webhooks/schemas/<type>.v1.json, docs/webhooks/examples/<type>.json) and the event table
 * and examples in docs/webhooks.md. Run after changing the payload or the examples:
 *
 *   npm run webhooks:schemas
 *
 * Files in those two folders that no event type produces any more are removed.
 */
import fs from "node:fs";
import path from "node:path";
import { EXAMPLE_DIR, SCHEMA_DIR, WEBHOOK_DOC, generatedWebhookFiles, withGeneratedDocSections } from "../lib/notify/messages/webhook-docs";

const ROOT = path.resolve(__dirname, "..");

const files = generatedWebhookFiles();
const wanted = new Set(files.map((f) => f.path));
let changed = 0;

for (const dir of [SCHEMA_DIR, EXAMPLE_DIR]) {
  fs.mkdirSync(path.join(ROOT, dir), { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, dir))) {
    if (!wanted.has(`${dir}/${name}`)) {
      fs.rmSync(path.join(ROOT, dir, name));
      console.log(`removed ${dir}/${name}`);
      changed++;
    }
  }
}

const docPath = path.join(ROOT, WEBHOOK_DOC);
for (const file of [...files, { path: WEBHOOK_DOC, content: withGeneratedDocSections(fs.readFileSync(docPath, "utf8")) }]) {
  const target = path.join(ROOT, file.path);
  const before = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
  if (before === file.content) continue;
  fs.writeFileSync(target, file.content);
  console.log(`wrote ${file.path}`);
  changed++;
}

console.log(changed === 0 ? "webhook docs: up to date" : `webhook docs: ${changed} file(s) changed`);
