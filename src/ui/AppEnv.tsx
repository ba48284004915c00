import { createContext, useContext } from 'react';
import type { Controller } from '../app/controller.js';

/** What the app's containers need besides the store: fixed for the life of the app. */
export interface AppEnv {
  controller: Controller;
  ascii: boolean;
  quit: () => void;
}

export const AppEnvContext = createContext<AppEnv | null>(null);

export function useAppEnv(): AppEnv {
  const env = useContext(AppEnvContext);
  if (!env) throw new Error('useAppEnv outside <AppEnvContext.Provider>');
  return env;
}
