// What each keymap action does. Pure dispatches and app commands; no drawing.
import type { AppCommands } from '../app/controller.js';
import { selectPickable, selectPlan, selectTimeline } from '../app/selectors.js';
import type { TaskDefRef } from '../domain/model.js';
import { planKey } from '../domain/rollback.js';
import { PANES, type PaneId, type ViewId } from '../app/state.js';
import type { Store } from '../app/store.js';
import { actionForKey, type Context } from './keymap.js';
import { cursorIndex, openableRow, paneItems, timelineIndex } from './rowItems.js';
import { isView, viewKeys } from './views/views.js';

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

/** Moves the focused pane's row cursor; it keeps to its row (by key) as the list refreshes under it. */
function scroll(ctx: ActionContext, delta: number): void {
  const s = ctx.store.getState();
  const { focus } = s.ui;
  if (focus === 'logs') ctx.store.dispatch({ type: 'logs/scroll', delta });
  else if (focus === 'checklist') ctx.store.dispatch({ type: 'checklist/select', delta });
  else {
    const items = paneItems(s, focus);
    if (items.length === 0) return void ctx.store.dispatch({ type: 'ui/scroll', delta });
    moveCursor(ctx, focus, items, delta);
  }
}

/** Moves a pane's or a view's cursor over its rows' keys, stopping at either end. */
function moveCursor({ store }: ActionContext, pane: PaneId | ViewId, items: readonly string[], delta: number): void {
  if (items.length === 0) return;
  const index = Math.max(0, Math.min(items.length - 1, cursorIndex(store.getState().ui.cursor[pane], items) + delta));
  store.dispatch({ type: 'ui/cursor', pane, key: items[index]!, index });
}

/** The open list view's cursor, one row at a time. */
function moveInView(ctx: ActionContext, delta: number): void {
  const s = ctx.store.getState();
  const view = s.ui.overlay;
  if (isView(view)) moveCursor(ctx, view, viewKeys(s, view), delta);
}

/** PgUp and PgDn move by the page the view last drew (one row before it has). */
const page = ({ store }: ActionContext, sign: 1 | -1) =>
  store.dispatch({ type: 'ui/outputScroll', delta: sign * Math.max(1, store.getState().ui.outputPage ?? 1) });

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
  'row.open': ({ store }) => {
    const s = store.getState();
    const row = openableRow(s, s.ui.focus);
    if (row) store.dispatch({ type: 'ui/detail', row });
  },
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
  // A timeline line's detail goes back to the timeline, on the line it opened; a view's row to its
  // view (its cursor is still on the row); the rollback diff to the dialog, where y still asks.
  'output.close': ({ store }) => {
    const { detail } = store.getState().ui;
    if (detail && (isView(detail.pane) || detail.pane === 'rollback'))
      return void store.dispatch({ type: 'ui/overlay', overlay: detail.pane });
    if (detail?.pane !== 'timeline') return void store.dispatch({ type: 'ui/overlay', overlay: 'none' });
    store.dispatch({ type: 'ui/overlay', overlay: 'timeline' });
    const back = selectTimeline(store.getState()).length - 1 - Number(detail.key);
    store.dispatch({ type: 'ui/outputScroll', delta: Math.max(0, back) });
  },
  'release.timeline': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'timeline' }),
  'release.verdict': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'verdict' }),
  'release.signatures': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'signatures' }),
  'release.tasks': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'tasks' }),
  'view.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  'view.up': (ctx) => moveInView(ctx, -1),
  'view.down': (ctx) => moveInView(ctx, 1),
  'view.open': ({ store }) => {
    const s = store.getState();
    const view = s.ui.overlay;
    if (!isView(view)) return;
    const items = viewKeys(s, view);
    const key = items[cursorIndex(s.ui.cursor[view], items)];
    if (key !== undefined) store.dispatch({ type: 'ui/detail', row: { pane: view, key } });
  },
  // The whole diff, read only: y and p are not keys of the detail view, so nothing acts from there.
  'dialog.diff': ({ store }) => store.dispatch({ type: 'ui/detail', row: { pane: 'rollback', key: 'diff' } }),
  'timeline.close': ({ store }) => store.dispatch({ type: 'ui/overlay', overlay: 'none' }),
  'timeline.open': ({ store }) => {
    const s = store.getState();
    const length = selectTimeline(s).length;
    if (length > 0)
      store.dispatch({
        type: 'ui/detail',
        row: { pane: 'timeline', key: String(timelineIndex(length, s.ui.outputScroll)) },
      });
  },
  // The timeline's scroll counts back from the newest event, like the logs.
  'timeline.up': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: 1 }),
  'timeline.down': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: -1 }),
  'output.up': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: -1 }),
  'output.down': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: 1 }),
  'output.pageUp': (ctx) => page(ctx, -1),
  'output.pageDown': (ctx) => page(ctx, 1),
  'output.home': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: -Infinity }),
  'output.end': ({ store }) => store.dispatch({ type: 'ui/outputScroll', delta: Infinity }),
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
  const action = actionForKey(context, key, ctx.store.getState());
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
