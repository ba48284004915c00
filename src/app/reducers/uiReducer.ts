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
  cursor: {},
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
        detail: action.overlay === 'detail' ? ui.detail : undefined,
        outputPage: undefined,
        outputMax: undefined,
      };
    case 'ui/outputScroll': {
      // Clamped to what the view last drew, once it has said (a view just opened has not yet).
      const next = Math.min(ui.outputMax ?? Number.MAX_SAFE_INTEGER, ui.outputScroll + action.delta);
      return { ...ui, outputScroll: Math.max(0, next) };
    }
    case 'ui/outputView':
      if (ui.outputPage === action.page && ui.outputMax === action.max) return ui;
      return {
        ...ui,
        outputPage: action.page,
        outputMax: action.max,
        outputScroll: Math.min(ui.outputScroll, action.max),
      };
    case 'ui/cursor':
      return { ...ui, cursor: { ...ui.cursor, [action.pane]: { key: action.key, index: action.index } } };
    case 'ui/detail':
      return {
        ...ui,
        overlay: 'detail',
        detail: action.row,
        notice: undefined,
        outputScroll: 0,
        outputPage: undefined,
        outputMax: undefined,
      };
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
