// Where shipwatch keeps what outlives a run.
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** $XDG_CONFIG_HOME/shipwatch/config.yaml, else ~/.config/shipwatch/config.yaml: the config an on-call keeps. */
export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const config =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'shipwatch', 'config.yaml');
}

/** $XDG_STATE_HOME/shipwatch/audit.jsonl, else ~/.local/state/shipwatch/audit.jsonl. */
export function defaultAuditPath(env: NodeJS.ProcessEnv = process.env): string {
  const state =
    env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'shipwatch', 'audit.jsonl');
}

/** The demo world records to its own file, so practice never mixes with production history. */
export const demoAuditPath = (env: NodeJS.ProcessEnv = process.env): string =>
  join(dirname(defaultAuditPath(env)), 'audit-demo.jsonl');

/** One file per watched service: the release it was watching. Names are made safe for a file name. */
export function releasePath(
  t: { region?: string; cluster: string; service: string; profile?: string; endpointUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  const safe = (x: string) => x.replace(/[^A-Za-z0-9._-]/g, '_');
  // An endpoint (moto, a local emulator) is another world than the account behind the same names.
  const where = [t.endpointUrl ? safe(t.endpointUrl) : '', t.region ?? 'default-region', t.cluster, t.service]
    .filter(Boolean)
    .map(safe)
    .join('-');
  return join(dirname(defaultAuditPath(env)), 'releases', `${where}.json`);
}
