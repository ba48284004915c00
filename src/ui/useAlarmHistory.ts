import { useEffect, useState } from 'react';
import { errorMessage } from '../domain/errors.js';
import { useAppEnv } from './AppEnv.js';
import type { AlarmHistory } from './detail/alarmDetail.js';

/**
 * The alarm's state changes since T+0, read once when its detail view opens (one request, on
 * demand, not a polled source); the read is abandoned when the view closes or moves to another alarm.
 */
const LOADING: AlarmHistory = { status: 'loading' };

export function useAlarmHistory(name: string | undefined): AlarmHistory {
  const { commands } = useAppEnv();
  const [history, setHistory] = useState<{ name?: string; value: AlarmHistory }>({ value: LOADING });
  useEffect(() => {
    if (name === undefined) return;
    const abort = new AbortController();
    commands.alarmHistory(name, abort.signal).then(
      (transitions) => !abort.signal.aborted && setHistory({ name, value: { status: 'ok', transitions } }),
      (e: unknown) => !abort.signal.aborted && setHistory({ name, value: { status: 'error', error: errorMessage(e) } }),
    );
    return () => abort.abort();
  }, [commands, name]);
  // An answer for the alarm shown before is not this one's.
  return history.name === name ? history.value : LOADING;
}
