/**
 * The app's background workers alone, in a process of their own, for tests that kill it: built
 * from the environment exactly as the server builds them (lib/services.ts), started, and left
 * running until the process is killed. Prints "ready" once started.
 */
import { loadConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { createServices } from "../../lib/services";

const config = loadConfig();
const services = createServices(createDb(config.databaseUrl), config);
services.worker.start();
console.log("ready");
setInterval(() => undefined, 60_000); // stay alive until killed
