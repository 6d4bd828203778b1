// `npm start`: install what is missing, then run Crosslink with the local world (scripts/local-world/run.ts).
import { ensureInstalled, runTs } from "./bootstrap.mjs";

ensureInstalled();
runTs("scripts/local-world/run.ts", process.argv.slice(2));
