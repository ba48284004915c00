// Flags → the config file that applies → the chosen target → Settings: one path for the dashboard,
// the snapshot and `shipwatch report`.
import type { CliOptions } from '../config/flagsSchema.js';
import { loadConfig } from '../config/load.js';
import { resolveSettings, type Settings } from '../config/settings.js';
import { chooseTarget } from '../config/target.js';
import { SUBCOMMAND_NAMES } from './commands.js';

export function settingsFromArgs(o: CliOptions, cwd = process.cwd(), env = process.env): Settings {
  const loaded = loadConfig(o.config, cwd, env);
  const chosen = chooseTarget(
    loaded,
    { name: o.target, flagsNameService: o.demo || Boolean(o.cluster || o.service) },
    SUBCOMMAND_NAMES,
  );
  return resolveSettings(o, chosen.config, loaded.file, chosen.name);
}
