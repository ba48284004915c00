import { createContext, useContext } from 'react';
import type { AppCommands, Controller } from '../app/controller.js';
import type { PollIntervals, Target } from '../domain/backend.js';

/** The backend's clock read once a second: every reader updates in the same tick. */
export interface Tick {
  get(): number;
  subscribe(listener: () => void): () => void;
}

/** What containers need besides the store, fixed for the life of the app: no backend, no controller. */
export interface AppEnv {
  ascii: boolean;
  target: Target;
  demo: boolean;
  watchWindowMs: number;
  /** The backend's clock now (the demo's runs faster than wall time). */
  now: () => number;
  tick: Tick;
  /** For staleness: a slice is stale after twice its interval. */
  intervals: PollIntervals;
  /** What keys start beyond a store dispatch: rollback, checklist steps. */
  commands: AppCommands;
  quit: () => void;
  /** The configured log group and filter pattern, for a log line's commands and links (the serving task definition's group otherwise). */
  logGroup?: string;
  logFilterPattern?: string;
}

/** The environment of an app driven by `controller`; the dashboard and the tests build it the same way. */
export function appEnvOf(
  controller: Controller,
  o: { ascii: boolean; quit: () => void; logGroup?: string; logFilterPattern?: string },
): AppEnv {
  const { backend } = controller;
  return {
    ascii: o.ascii,
    target: backend.target,
    demo: backend.kind === 'demo',
    watchWindowMs: backend.watchWindowMs,
    now: () => backend.now(),
    tick: controller.ticker,
    intervals: controller.intervals,
    commands: controller,
    quit: o.quit,
    logGroup: o.logGroup,
    logFilterPattern: o.logFilterPattern,
  };
}

export const AppEnvContext = createContext<AppEnv | null>(null);

export function useAppEnv(): AppEnv {
  const env = useContext(AppEnvContext);
  if (!env) throw new Error('useAppEnv outside <AppEnvContext.Provider>');
  return env;
}
