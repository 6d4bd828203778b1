// `npm test`: install what is missing (dependencies, Chromium), then lint, typecheck, drift check,
// unit/integration tests and browser tests (scripts/test/run-all.ts).
import { ensureChromium, ensureInstalled, runTs } from "./bootstrap.mjs";

ensureInstalled();
process.env.CHROMIUM_PATH = ensureChromium();
runTs("scripts/test/run-all.ts", process.argv.slice(2));
