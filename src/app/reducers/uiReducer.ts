import type { Action } from '../actions.js';
import { PANES, type PaneId, type UiState } from '../state.js';

export const initialUi: UiState = {
  focus: 'deployments',
  overlay: 'none',
  scroll: Object.fromEntries(PANES.map((p) => [p, 0])) as Record<PaneId, number>,
  filterDraft: '',
  checklistSelected: 0,
  outputScroll: 0,
  pickerSelected: 0,
};

export function uiReducer(ui: UiState, action: Action, checklistLength: number): UiState {
  switch (action.type) {
    case 'ui/focus':
      return { ...ui, focus: action.pane, notice: undefined };
    case 'ui/focusNext': {
      const i = PANES.indexOf(ui.focus);
      const next = PANES[(i + action.delta + PANES.length) % PANES.length]!;
      return { ...ui, focus: next, notice: undefined };
    }
    case 'ui/scroll': {
      const current = ui.scroll[ui.focus];
      return { ...ui, scroll: { ...ui.scroll, [ui.focus]: Math.max(0, current + action.delta) } };
    }
    case 'ui/overlay':
      // A revision picked with R belongs to the dialog it opened: leaving it forgets the pick.
      return {
        ...ui,
        overlay: action.overlay,
        notice: undefined,
        outputScroll: 0,
        rollbackPick: action.overlay === 'rollback' ? ui.rollbackPick : undefined,
      };
    case 'ui/outputScroll':
      return { ...ui, outputScroll: Math.max(0, ui.outputScroll + action.delta) };
    case 'ui/filterDraft':
      return { ...ui, filterDraft: action.text };
    case 'ui/notice':
      return { ...ui, notice: action.notice };
    case 'ui/rollbackShown':
      return { ...ui, rollbackShown: action.plan };
    case 'ui/rollbackPick':
      return { ...ui, rollbackPick: action.pick };
    case 'ui/pickerSelect':
      return { ...ui, pickerSelected: Math.max(0, ui.pickerSelected + action.delta) };
    case 'checklist/select': {
      const max = Math.max(0, checklistLength - 1);
      return { ...ui, checklistSelected: Math.min(max, Math.max(0, ui.checklistSelected + action.delta)) };
    }
    default:
      return ui;
  }
}
