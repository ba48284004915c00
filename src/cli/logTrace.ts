// For the benchmark suite's lost/duplicate count: with SHIPWATCH_TRACE_LOGS=FILE the dashboard
// appends one line per log event the backend hands it — `receivedAtMs<TAB>eventTimestampMs<TAB>message`
// — since a log flood scrolls most lines past between two frames and the screen cannot be counted.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Backend } from '../domain/backend.js';

export function tracedLogs(backend: Backend, file: string | undefined): Backend {
  if (!file) return backend;
  const fd = openSync(file, 'a');
  return {
    ...backend,
    now: () => backend.now(),
    getLogs: async (query, signal) => {
      const page = await backend.getLogs(query, signal);
      if (page.events.length) {
        const at = Date.now();
        writeSync(fd, page.events.map((e) => `${at}\t${e.timestamp}\t${e.message}\n`).join(''));
      }
      return page;
    },
    close: () => {
      backend.close();
      closeSync(fd);
    },
  };
}
