/**
 * Runs Crosslink with the local world: local Entra ID, local Azure Resource Manager, the local
 * mail catcher and the app.
 *   tsx scripts/local-world/run.ts [--dev] [--fresh] [--app-port N] [--entra-port N] [--arm-port N]
 *     [--smtp-port N] [--mail-port N] [--data-dir DIR] [--quiet]
 * --verbose also shows the local Entra ID's request log.
 * --client-credential certificate runs the app with its local client certificate instead of its
 * client secret (ENTRA_CLIENT_CREDENTIAL=certificate), as production should.
 * `npm start` runs it after installing dependencies; Playwright runs it on other ports for tests.
 */
import path from "node:path";
import { spawnSync } from "node:child_process";
import { parseRunOptions } from "./options";
import { prepareLocalWorld } from "./prepare";
import { Supervisor, waitForUrl } from "./processes";
import { buildIsCurrent, recordBuild } from "./next-build";
import { banner } from "./banner";

const ROOT = path.resolve(__dirname, "..", "..");
const started = Date.now();
const log = (line: string) => console.log(line);

async function main() {
  const options = parseRunOptions(process.argv.slice(2), ROOT);
  const { env, certs, urls } = await prepareLocalWorld(ROOT, options, log);

  const supervisor = new Supervisor((message) => {
    console.error(`\n✖ ${message} Stopping the local world.`);
    void supervisor.stopAll(1);
  });
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const next = path.join(ROOT, "node_modules/.bin/next");

  log(`• Starting the local Entra ID on ${urls.entra} and the local Azure Resource Manager on ${urls.arm}…`);
  // The local Entra ID logs a JSON line per request on stdout: shown only with --verbose.
  supervisor.start("entra", tsx, ["dev/entra/main.ts"], env, { quiet: options.quiet || !options.verbose });
  supervisor.start("arm", tsx, ["dev/arm/main.ts"], env, { quiet: options.quiet });
  log(`• Starting the local mail catcher (SMTP on localhost:${options.smtpPort})…`);
  supervisor.start("mail", tsx, ["dev/mail-catcher/main.ts"], env, { quiet: options.quiet });

  if (!options.dev && !buildIsCurrent(ROOT)) {
    log("• Building the app (next build; skipped next time unless the code changes)…");
    const build = spawnSync(next, ["build"], { cwd: ROOT, env, stdio: options.quiet ? "ignore" : "inherit" });
    if (build.status !== 0) {
      console.error("✖ next build failed.");
      return supervisor.stopAll(1);
    }
    recordBuild(ROOT);
  }

  log(`• Starting Crosslink on ${urls.app}…`);
  supervisor.start("app", next, [options.dev ? "dev" : "start", "--port", String(options.appPort)], env, { quiet: options.quiet });

  await Promise.all([
    waitForUrl(`${urls.entra}/common/v2.0/.well-known/openid-configuration`, { caFile: certs.caFile, timeoutMs: 60_000 }),
    waitForUrl(`${urls.arm}/subscriptions?api-version=2021-10-01`, { caFile: certs.caFile, timeoutMs: 60_000 }),
    waitForUrl(`${urls.mail}/api/health`, { timeoutMs: 60_000 }),
    waitForUrl(`${urls.app}/api/health`, { timeoutMs: 120_000 }),
  ]);
  log(banner(urls, Date.now() - started));
}

main().catch((err) => {
  console.error(`\n✖ ${(err as Error).message}`);
  process.exit(1);
});
