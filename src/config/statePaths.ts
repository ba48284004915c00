// Where shipwatch keeps what outlives a run.
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** $XDG_STATE_HOME/shipwatch/audit.jsonl, else ~/.local/state/shipwatch/audit.jsonl. */
export function defaultAuditPath(env: NodeJS.ProcessEnv = process.env): string {
  const state =
    env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'shipwatch', 'audit.jsonl');
}

/** The demo world records to its own file, so practice never mixes with production history. */
export const demoAuditPath = (env: NodeJS.ProcessEnv = process.env): string =>
  join(dirname(defaultAuditPath(env)), 'audit-demo.jsonl');
