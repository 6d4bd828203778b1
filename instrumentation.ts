/**
 * Runs once when the Next.js server starts. Configuration is validated here so a server started
 * without the runner (plain `next start`) also refuses to run with a missing or invalid setting,
 * naming the variable, instead of failing on the first request. Then the background worker and the
 * database housekeeping start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("./lib/config");
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // The outbox workers carry out recorded work (Azure calls, events, deliveries) and resume what a restart interrupted.
  const { getSharedServices } = await import("./lib/services");
  const services = getSharedServices();
  services.worker.start();
  // Requests left Pending remind the provider's routes, then escalate (checked every minute).
  const { startReminderSweep } = await import("./lib/notify/reminders");
  startReminderSweep(services.db, services.config.notify.reminderAfterHours, () => services.worker.kick());
  // Planner statistics and expired sessions, now and hourly.
  const { startHousekeeping } = await import("./lib/db/housekeeping");
  startHousekeeping(services.db);
}
