// The interactive dashboard: store, poller and Ink, torn down cleanly on every exit path.
import type { VerdictPlan } from '../domain/health/verdictPlan.js';
import { EXIT } from './exit.js';
import { render } from 'ink';
import type { Backend, PollIntervals } from '../domain/backend.js';
import { AuditLog, localWho } from '../app/auditLog.js';
import { Controller } from '../app/controller.js';
import { awsStepEnv, commandRunner, type StepEnv } from '../checklist/steps/command.js';
import { runHttpStep } from '../checklist/steps/http.js';
import type { ChecklistStepDef } from '../domain/model.js';
import { initialState } from '../app/reducers/rootReducer.js';
import { createStore } from '../app/store.js';
import { App } from '../ui/App.js';
import { AppEnvContext, appEnvOf } from '../ui/AppEnv.js';
import { InputProvider } from '../ui/input.js';
import { StoreProvider } from '../ui/StoreContext.js';
import type { ReleaseMemory } from './releaseMemory.js';
import { enableBracketedPaste, enterAltScreen } from './terminal.js';
import { firstRequestWritten } from './firstRequest.js';

export interface RunOptions {
  backend: Backend;
  intervals: PollIntervals;
  checklist: ChecklistStepDef[];
  ascii: boolean;
  readOnly: boolean;
  bell: boolean;
  altScreen: boolean;
  logCapacity: number;
  verdictPlan: VerdictPlan;
  /** The configured log group and filter, for the detail view's copy-ready commands. */
  logs?: { logGroup?: string; logFilterPattern?: string };
  notice?: string;
  auditPath: string;
  release: ReleaseMemory;
  /** The AWS target's profile and endpoint, for command steps' environment (the region is the backend's). */
  aws?: { profile?: string; endpointUrl?: string };
}

/** A runbook's `aws …` step acts on what the dashboard watches; the demo's target is not a real one. */
const stepEnv = (o: RunOptions): StepEnv =>
  o.backend.kind === 'aws' ? awsStepEnv({ region: o.backend.target.region, ...o.aws }) : {};

export async function runDashboard(o: RunOptions): Promise<number> {
  const store = createStore(
    initialState({
      readOnly: o.readOnly,
      logCapacity: o.logCapacity,
      verdictPlan: o.verdictPlan,
      checklist: o.checklist,
      notice: [o.notice, o.release.problem].filter(Boolean).join(' · ') || undefined,
      ...o.release.init,
    }),
  );
  const { cluster, service } = o.backend.target;
  const audit = new AuditLog(
    o.auditPath,
    { cluster, service, backend: o.backend.kind },
    () => localWho(store.getState().identity.data?.arn),
    // An append may run inside a store listener: the notice goes out after the current dispatch.
    { onRepair: (notice) => queueMicrotask(() => store.dispatch({ type: 'ui/notice', notice })) },
  );
  // Refused credentials before anything was read: leave, and main says the one line (status 3).
  let fatal: Error | undefined;
  const controller = new Controller(o.backend, store, o.intervals, {
    onFatal: (e) => {
      fatal = e;
      instance?.unmount();
    },
    audit,
    runners: { http: runHttpStep, command: commandRunner(stepEnv(o)) },
    // BEL moves no cursor, so it is safe to write beside Ink's frame.
    onAttention: o.bell ? () => process.stdout.write('\u0007') : undefined,
    onRelease: (release) => {
      const problem = o.release.save(release);
      if (problem) store.dispatch({ type: 'ui/notice', notice: problem });
    },
  });
  const restoreScreen = o.altScreen ? enterAltScreen(process.stdout) : enableBracketedPaste(process.stdout);
  let instance: ReturnType<typeof render> | undefined;
  const quit = () => instance?.unmount();
  const onSignal = (signal: NodeJS.Signals) => {
    quit();
    restoreScreen();
    process.exit(signal === 'SIGINT' ? EXIT.sigint : signal === 'SIGHUP' ? EXIT.sighup : EXIT.sigterm);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);
  // Against AWS the service read goes out before the first (synchronous, cold) render, not after it.
  const requestOut = o.backend.kind === 'demo' ? undefined : firstRequestWritten();
  controller.start();
  await requestOut;
  instance = render(
    <StoreProvider store={store}>
      <AppEnvContext.Provider value={appEnvOf(controller, { ascii: o.ascii, quit, ...o.logs })}>
        <InputProvider active={Boolean(process.stdin.isTTY)}>
          <App />
        </InputProvider>
      </AppEnvContext.Provider>
    </StoreProvider>,
    // Ink redraws at most 10 times a second and only the lines that changed: a log flood
    // then costs a few hundred bytes per frame, not a repaint.
    { incrementalRendering: true, maxFps: 10, exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    controller.stop();
    restoreScreen();
  }
  if (fatal) throw fatal;
  return 0;
}
