// What each keymap action does. Pure dispatches and app commands; no drawing.
import type { AppCommands } from '../app/controller.js';
import { selectPickable, selectPlan } from '../app/selectors.js';
import type { TaskDefRef } from '../domain/model.js';
import { planKey } from '../domain/rollback.js';
import { PANES } from '../app/state.js';
import type { Store } from '../app/store.js';
import { actionForKey, type Context } from './keymap.js';

export interface ActionContext {
  store: Store;
  commands: AppCommands;
  quit: () => void;
}

type Handler = (ctx: ActionContext) => void;

/** The rollback dialog, for `r`'s target or one picked with `R`: a fresh read, and what it showed is what `y` does. */
function openRollback({ store, commands }: ActionContext, pick: TaskDefRef | undefined): void {
  store.dispatch({ type: 'ui/rollbackPick', pick });
  store.dispatch({ type: 'ui/rollbackShown', plan: planKey(selectPlan(store.getState())) });
  store.dispatch({ type: 'ui/overlay', overlay: 'rollback' });
  commands.refreshService();
}

function scroll(ctx: ActionContext, delta: number): void {
  const { focus } = ctx.store.getState().ui;
  if (focus === 'logs') ctx.store.dispatch({ type: 'logs/scroll', delta });
  else if (focus === 'checklist') ctx.store.dispatch({ type: 'checklist/select', delta });
  else ctx.store.dispatch({ type: 'ui/scroll', delta });
}

const handlers: Record<string, Handler> = {
  'app.help': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'help' }),
  'app.quit': ({ quit }) => quit(),
  'pane.next': ({ store }) => store.dispatch({ type: 'ui/focusNext', delta: 1 }),
  'pane.prev': ({ store }) => store.dispatch({ type: 'ui/focusNext', delta: -1 }),
  ...Object.fromEntries(
    PANES.map((pane) => [
      `pane.focus.${pane}`,
      ({ store }: ActionContext) => store.dispatch({ type: 'ui/focus', pane }),
    ]),
  ),
  'scroll.up': (ctx) => scroll(ctx, -1),
  'scroll.down': (ctx) => scroll(ctx, 1),
  // `r` opens the dialog; the dialog itself explains a refusal or shows a rollback already under way.
  // The dialog asks for a fresh service read, and remembers what it showed: `y` acts on exactly that.
  'release.rollback': (ctx) => openRollback(ctx, undefined),
  'release.pick': ({ store, commands }) => {
    store.dispatch({ type: 'ui/pickerSelect', delta: -store.getState().ui.pickerSelected });
    store.dispatch({ type: 'ui/overlay', overlay: 'picker' });
    commands.refreshService();
  },
  'picker.up': ({ store }) => store.dispatch({ type: 'ui/pickerSelect', delta: -1 }),
  'picker.down': ({ store }) => store.dispatch({ type: 'ui/pickerSelect', delta: 1 }),
  'picker.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  'picker.choose': (ctx) => {
    const s = ctx.store.getState();
    const rows = selectPickable(s);
    const row = rows[Math.min(s.ui.pickerSelected, rows.length - 1)];
    if (row) openRollback(ctx, row.ref);
  },
  'logs.filter': ({ store }) => {
    store.dispatch({ type: 'ui/filterDraft', text: store.getState().logView.filter });
    store.dispatch({ type: 'ui/overlay', overlay: 'filter' });
  },
  'logs.pause': ({ store }) => store.dispatch({ type: 'logs/togglePause' }),
  'logs.errorsOnly': ({ store }) => store.dispatch({ type: 'logs/toggleErrorsOnly' }),
  'checklist.run': ({ commands }) => commands.runSelected(),
  'checklist.runAll': ({ commands }) => void commands.runAutomatic(),
  'checklist.cancel': ({ commands }) => void commands.cancelSteps(),
  'checklist.tick': ({ commands }) => commands.tickSelected(),
  'checklist.output': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'output' }),
  'output.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  'release.timeline': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'timeline' }),
  'timeline.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  // The timeline's scroll counts back from the newest event, like the logs.
  'timeline.up': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: 1 }),
  'timeline.down': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: -1 }),
  'output.up': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: -1 }),
  'output.down': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: 1 }),
  // Ctrl-C while a step runs stops the step, not the dashboard: the on-call keeps their view.
  'app.interrupt': (ctx) => {
    if (ctx.commands.cancelSteps())
      ctx.store.dispatch({ type: 'ui/notice', notice: 'step cancelled (Ctrl-C again quits)' });
    else ctx.quit();
  },
  // The runner reads the plan when called: close the dialog (which forgets a picked revision) after.
  'dialog.confirm': ({ store, commands }) => {
    void commands.confirmRollback();
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
  },
  'dialog.pin': ({ store, commands }) => {
    void commands.pinAndRollback();
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
  },
  'dialog.cancel': ({ store }) => {
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
    store.dispatch({ type: 'ui/notice', notice: 'rollback cancelled: nothing changed' });
  },
  'confirm.run': ({ store, commands }) => {
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
    commands.runSelected(true);
  },
  'confirm.cancel': ({ store }) => {
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
    store.dispatch({ type: 'ui/notice', notice: 'not run: nothing changed' });
  },
  'help.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  'filter.apply': ({ store }) => {
    store.dispatch({ type: 'logs/setFilter', filter: store.getState().ui.filterDraft.trim() });
    store.dispatch({ type: 'ui/overlay', overlay: 'none' });
  },
  'filter.cancel': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
};

/** Runs the action bound to `key` in `context`; returns false when the key means nothing there. */
export function dispatchKey(context: Context, key: string, ctx: ActionContext): boolean {
  const action = actionForKey(context, key);
  if (!action) return false;
  const reason = action.disabledReason?.(ctx.store.getState());
  if (reason) {
    ctx.store.dispatch({ type: 'ui/notice', notice: `${action.label ?? action.id}: ${reason}` });
    return true;
  }
  const run = handlers[action.id];
  if (!run) return false;
  run(ctx);
  return true;
}

export const hasHandler = (id: string): boolean => id in handlers;
