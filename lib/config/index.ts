export { getConfig, loadConfig, ConfigError, resetConfigForTests } from "./load-config";
export type { AppConfig } from "./schema";
