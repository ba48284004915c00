// src/ui — the terminal: the keymap registry (help and the key bar come from it), input, hooks, the
// containers (containers/: one per pane and dialog, each subscribed to its slice), the panes and
// dialogs (plain props), text formatting and theme. Imports app (state, selectors, commands) and
// domain; never an adapter, the SDK or node I/O. Mounted by the CLI's dashboard command.

import { Box } from 'ink';
import React from 'react';
import { selectPlan } from '../app/selectors.js';
import { confirmRefusal } from '../domain/rollback.js';
import type { Overlay } from '../app/state.js';
import type { Context } from './keymap.js';
import { dispatchKey, type ActionContext } from './keyActions.js';
import { useAppEnv } from './AppEnv.js';
import { HeaderContainer } from './containers/HeaderContainer.js';
import { ConfirmStepContainer } from './containers/ConfirmStepContainer.js';
import { DetailContainer } from './containers/DetailContainer.js';
import { FilterPrompt } from './dialogs/FilterPrompt.js';
import { HelpOverlay } from './dialogs/HelpOverlay.js';
import { PRIORITY, useKeyHandler } from './input.js';
import { KeyBar } from './KeyBar.js';
import { computeLayout, type Layout } from './layout.js';
import { PaneSlot } from './containers/PaneSlot.js';
import { RollbackDialogContainer } from './containers/RollbackDialogContainer.js';
import { StepOutputContainer } from './containers/StepOutputContainer.js';
import { TimelineContainer } from './containers/TimelineContainer.js';
import { PickerContainer } from './containers/PickerContainer.js';
import { ViewContainer } from './containers/ViewContainer.js';
import { ViewDetailContainer } from './containers/ViewDetailContainer.js';
import { isView } from './views/views.js';
import { useAppState, useStoreApi } from './StoreContext.js';
import { TooSmall } from './TooSmall.js';
import { useTerminalSize } from './useTerminalSize.js';

const CONTEXT_OF: Record<Overlay, Context> = {
  none: 'global',
  help: 'help',
  rollback: 'dialog',
  confirmStep: 'confirm',
  filter: 'filter',
  output: 'output',
  timeline: 'timeline',
  picker: 'picker',
  // A row's detail scrolls and closes with the keys of a step's output: one view, two doors.
  detail: 'output',
  verdict: 'view',
  signatures: 'view',
  tasks: 'view',
};

// Each handler checks the overlay in the store when the key arrives, not the one of the last
// render: a key pressed just after another opened or closed a view goes where the screen now says.
function useKeys(ctx: ActionContext): void {
  const { store } = ctx;
  const overlay = () => store.getState().ui.overlay;
  useKeyHandler(PRIORITY.dashboard, (key) => overlay() === 'none' && dispatchKey('global', key, ctx));
  // Help, the output and detail views, the timeline, the picker and the list views swallow every
  // key; only theirs do anything.
  useKeyHandler(PRIORITY.help, (key) => {
    const o = overlay();
    if (o !== 'help' && o !== 'output' && o !== 'detail' && o !== 'timeline' && o !== 'picker' && !isView(o))
      return false;
    dispatchKey(CONTEXT_OF[o], key, ctx);
    return true;
  });
  useKeyHandler(PRIORITY.dialog, (key) => {
    const s = store.getState();
    if (s.ui.overlay === 'confirmStep') return dispatchKey('confirm', key, ctx);
    if (s.ui.overlay !== 'rollback') return false;
    // Refused or already under way: the dialog only informs, and any key closes it. A wait for fresh
    // data is not a refusal: y then says so (the key's disabled reason) and the dialog stays.
    if (confirmRefusal(selectPlan(s), s.rollback)) store.dispatch({ type: 'ui/overlay', overlay: 'none' });
    else dispatchKey('dialog', key, ctx);
    return true;
  });
  // The prompt takes text: typed, typed ahead with Enter in the same read ("cart\r"), or pasted. A
  // press's input is printable text only (keyChunks drops controls), so the draft drawn in the key
  // bar cannot move the cursor or break a border.
  useKeyHandler(
    PRIORITY.filter,
    (key, input) => {
      if (overlay() !== 'filter') return false;
      if (dispatchKey('filter', key, ctx)) return true;
      const draft = store.getState().ui.filterDraft;
      if (key === 'backspace') store.dispatch({ type: 'ui/filterDraft', text: [...draft].slice(0, -1).join('') });
      else if (input) store.dispatch({ type: 'ui/filterDraft', text: draft + input });
      return true;
    },
    true,
    { text: true },
  );
}

function Body({ layout, overlay }: { layout: Exclude<Layout, { mode: 'too-small' }>; overlay: Overlay }) {
  const { ascii, demo } = useAppEnv();
  const focus = useAppState((s) => s.ui.focus);
  const logFollow = useAppState((s) => s.logs.follow?.mode);
  const detailOf = useAppState((s) => s.ui.detail?.pane);
  const { body } = layout;
  if (overlay === 'help')
    return <HelpOverlay width={body.width} height={body.height} ascii={ascii} demo={demo} logFollow={logFollow} />;
  if (overlay === 'output') return <StepOutputContainer width={body.width} height={body.height} />;
  if (overlay === 'detail' && (isView(detailOf) || detailOf === 'rollback'))
    return <ViewDetailContainer width={body.width} height={body.height} />;
  if (overlay === 'detail') return <DetailContainer width={body.width} height={body.height} />;
  if (isView(overlay)) return <ViewContainer view={overlay} width={body.width} height={body.height} />;
  if (overlay === 'timeline') return <TimelineContainer width={body.width} height={body.height} />;
  if (overlay === 'picker') return <PickerContainer width={body.width} height={body.height} />;
  if (overlay === 'confirmStep') return <ConfirmStepContainer width={body.width} height={body.height} />;
  if (overlay === 'rollback') return <RollbackDialogContainer width={body.width} height={body.height} />;
  if (layout.mode === 'single') return <PaneSlot id={focus} width={body.width} height={body.height} />;
  return (
    <Box flexDirection="column" width={body.width} height={body.height}>
      {layout.rows.map((row) => (
        <Box key={row.panes[0]!.id} flexDirection="row" height={row.height}>
          {row.panes.map((p) => (
            <PaneSlot key={p.id} id={p.id} width={p.width} height={row.height} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

function Footer({ overlay, width }: { overlay: Overlay; width: number }) {
  const store = useStoreApi();
  const notice = useAppState((s) => s.ui.notice);
  const draft = useAppState((s) => s.ui.filterDraft);
  // Disabled reasons depend on focus and read-only mode: subscribe so the bar follows them.
  useAppState((s) => s.ui.focus);
  useAppState((s) => s.readOnly);
  if (overlay === 'filter') return <FilterPrompt draft={draft} />;
  return <KeyBar context={CONTEXT_OF[overlay]} state={store.getState()} notice={notice} width={width} />;
}

export function App() {
  const { commands, quit } = useAppEnv();
  const store = useStoreApi();
  const { cols, rows } = useTerminalSize();
  const overlay = useAppState((s) => s.ui.overlay);
  useKeys({ store, commands, quit });
  const layout = computeLayout(cols, rows);
  if (layout.mode === 'too-small') return <TooSmall cols={cols} rows={rows} />;
  return (
    <Box flexDirection="column" width={layout.frame.width} height={layout.frame.height} overflow="hidden">
      <HeaderContainer width={layout.frame.width} />
      <Body layout={layout} overlay={overlay} />
      <Footer overlay={overlay} width={layout.frame.width} />
    </Box>
  );
}
