// The one registry of actions and keys. The key bar, the `?` overlay and the README key table are
// generated from it; handlers live in src/ui/keyActions.ts, keyed by the same ids.
import { selectConfirmRefusal, selectPlan } from '../app/selectors.js';
import { pinnable } from '../domain/rollback.js';
import { PANES, PANE_TITLES, type AppState } from '../app/state.js';
import { openableRow } from './rowItems.js';

export type Context = 'global' | 'dialog' | 'confirm' | 'help' | 'filter' | 'output' | 'timeline' | 'picker' | 'view';
export type Category = 'General' | 'Navigation' | 'Release' | 'Logs' | 'Checklist' | 'Dialog';

export interface KeyAction {
  id: string;
  /** Normalised key names, see Press in src/ui/keyChunks.ts: 'r', 'tab', 'shift+tab', 'up', 'return', 'escape', … */
  keys: string[];
  /** Short label for the key bar; absent = not on the key bar. */
  label?: string;
  description: string;
  category: Category;
  context: Context;
  /** Changes production: needs a confirmation and is disabled in read-only mode. */
  dangerous?: boolean;
  disabledReason?: (s: AppState) => string | undefined;
  /**
   * Where the key means this action, when another action of the context shares the key (Enter runs a
   * step on the Checklist and opens a row elsewhere). A key goes to the first action whose `when`
   * holds; when none does, to the first bound, whose disabled reason then says why.
   */
  when?: (s: AppState) => boolean;
}

const focusActions: KeyAction[] = PANES.map((pane, i) => ({
  id: `pane.focus.${pane}`,
  keys: [String(i + 1)],
  description: `Focus the ${PANE_TITLES[pane]} pane`,
  category: 'Navigation',
  context: 'global',
}));

const onChecklist = (s: AppState) => (s.ui.focus === 'checklist' ? undefined : 'focus the Checklist pane (7) first');
const checklistFocused = (s: AppState) => s.ui.focus === 'checklist';
const stepRunning = (s: AppState) => Object.values(s.checklist.results).some((r) => r.status === 'running');

export const KEYMAP: readonly KeyAction[] = [
  { id: 'app.help', keys: ['?'], label: 'help', description: 'Show all keys', category: 'General', context: 'global' },
  { id: 'app.quit', keys: ['q'], label: 'quit', description: 'Quit shipwatch', category: 'General', context: 'global' },
  {
    id: 'app.interrupt',
    keys: ['ctrl+c'],
    description: 'Cancel running checklist steps; quit when none is running',
    category: 'General',
    context: 'global',
  },
  {
    id: 'pane.next',
    keys: ['tab'],
    label: 'pane',
    description: 'Focus the next pane',
    category: 'Navigation',
    context: 'global',
  },
  {
    id: 'pane.prev',
    keys: ['shift+tab'],
    description: 'Focus the previous pane',
    category: 'Navigation',
    context: 'global',
  },
  ...focusActions,
  {
    id: 'scroll.up',
    keys: ['up', 'k'],
    description: 'Move the row cursor up: alarm, deployment, event, stopped task, log line, checklist step',
    category: 'Navigation',
    context: 'global',
  },
  {
    id: 'scroll.down',
    keys: ['down', 'j'],
    description: 'Move the row cursor down (the pane scrolls to keep it in view)',
    category: 'Navigation',
    context: 'global',
  },
  {
    id: 'row.open',
    keys: ['return', 'o'],
    label: 'detail',
    description:
      "Open the selected row in full, with its aws command and console link (on the Rollout pane: its deployment; on the Checklist: o shows the step's output)",
    category: 'Navigation',
    context: 'global',
    when: (s) => !checklistFocused(s),
    disabledReason: (s) => (openableRow(s, s.ui.focus) ? undefined : 'no row to open in this pane'),
  },
  {
    id: 'release.rollback',
    keys: ['r'],
    label: 'rollback',
    description: 'Roll the service back to the revision serving before (asks to confirm)',
    category: 'Release',
    context: 'global',
    dangerous: true,
    disabledReason: (s) => (s.readOnly ? 'read-only' : undefined),
  },
  {
    id: 'release.pick',
    keys: ['R'],
    label: 'pick revision',
    description: 'Pick another revision to roll back to (further back than r goes; asks to confirm)',
    category: 'Release',
    context: 'global',
    dangerous: true,
    disabledReason: (s) => (s.readOnly ? 'read-only' : undefined),
  },
  {
    id: 'picker.choose',
    keys: ['return'],
    label: 'choose',
    description: 'Roll back to the selected revision (the dialog asks to confirm)',
    category: 'Release',
    context: 'picker',
    dangerous: true,
  },
  {
    id: 'picker.up',
    keys: ['up', 'k'],
    description: 'Select the newer revision',
    category: 'Release',
    context: 'picker',
  },
  {
    id: 'picker.down',
    keys: ['down', 'j'],
    description: 'Select the older revision',
    category: 'Release',
    context: 'picker',
  },
  {
    id: 'picker.close',
    keys: ['escape', 'q'],
    label: 'close',
    description: 'Close the picker: nothing is changed',
    category: 'Release',
    context: 'picker',
  },
  {
    id: 'release.timeline',
    keys: ['t'],
    label: 'timeline',
    description: 'The release from T+0: deployments, breaker, alarms, checks, rollbacks and who',
    category: 'Release',
    context: 'global',
  },
  {
    id: 'timeline.close',
    keys: ['escape', 't', 'q'],
    label: 'close',
    description: 'Close the timeline',
    category: 'Release',
    context: 'timeline',
  },
  {
    id: 'timeline.open',
    keys: ['return', 'o'],
    label: 'detail',
    description: 'Open the selected line of the timeline in full',
    category: 'Release',
    context: 'timeline',
  },
  {
    id: 'timeline.up',
    keys: ['up', 'k'],
    description: 'Move the timeline cursor up, towards T+0',
    category: 'Release',
    context: 'timeline',
  },
  {
    id: 'timeline.down',
    keys: ['down', 'j'],
    description: 'Move the timeline cursor down, towards now',
    category: 'Release',
    context: 'timeline',
  },
  {
    id: 'release.verdict',
    keys: ['v'],
    label: 'verdict',
    description:
      'The release verdict in full: score, every reason, each metric against its baseline, ECS and alarms beside it',
    category: 'Release',
    context: 'global',
  },
  {
    id: 'release.signatures',
    keys: ['E'],
    label: 'signatures',
    description: 'Error signatures, new since T+0 first: lines after and before T+0, rate per minute, first seen',
    category: 'Release',
    context: 'global',
  },
  {
    id: 'release.tasks',
    keys: ['T'],
    label: 'tasks',
    description:
      "Tasks and target health: each target group's targets by state, then every task, stopped ones with why",
    category: 'Release',
    context: 'global',
  },
  {
    id: 'view.close',
    keys: ['escape', 'q'],
    label: 'close',
    description: 'Close the verdict, error signatures or tasks view',
    category: 'Release',
    context: 'view',
  },
  {
    id: 'view.open',
    keys: ['return', 'o'],
    label: 'detail',
    description: 'Open the selected row of the view in full, with its aws command',
    category: 'Release',
    context: 'view',
  },
  {
    id: 'view.up',
    keys: ['up', 'k'],
    description: "Move the view's cursor up",
    category: 'Release',
    context: 'view',
  },
  {
    id: 'view.down',
    keys: ['down', 'j'],
    description: "Move the view's cursor down",
    category: 'Release',
    context: 'view',
  },
  {
    id: 'logs.filter',
    keys: ['/'],
    label: 'filter',
    description: 'Filter log lines (text, or /regex/)',
    category: 'Logs',
    context: 'global',
  },
  {
    id: 'logs.pause',
    keys: ['p'],
    label: 'pause',
    description: 'Pause or follow the logs',
    category: 'Logs',
    context: 'global',
  },
  {
    id: 'logs.errorsOnly',
    keys: ['e'],
    label: 'errors',
    description: 'Show only ERROR/PANIC lines, or all',
    category: 'Logs',
    context: 'global',
  },
  {
    id: 'checklist.run',
    keys: ['c', 'return'],
    label: 'run step',
    description: 'Run (or tick) the selected checklist step',
    category: 'Checklist',
    context: 'global',
    when: checklistFocused,
    disabledReason: onChecklist,
  },
  {
    id: 'checklist.runAll',
    keys: ['a'],
    label: 'checks',
    description: 'Run the automatic checks (HTTP and built-in) in order, stop at the first failure',
    category: 'Checklist',
    context: 'global',
  },
  {
    id: 'checklist.cancel',
    keys: ['x'],
    label: 'cancel step',
    description: 'Cancel the running step (kills every process it started)',
    category: 'Checklist',
    context: 'global',
    disabledReason: (s) => (stepRunning(s) ? undefined : 'no step is running'),
  },
  {
    id: 'checklist.tick',
    keys: ['space'],
    description: 'Tick (or untick) the selected manual step',
    category: 'Checklist',
    context: 'global',
    disabledReason: onChecklist,
  },
  {
    id: 'checklist.output',
    keys: ['o'],
    label: 'output',
    description: "Show the selected step's definition and full output",
    category: 'Checklist',
    context: 'global',
    when: checklistFocused,
    disabledReason: onChecklist,
  },
  {
    id: 'output.close',
    keys: ['escape', 'o', 'q'],
    label: 'close',
    description: "Close the detail view (a row's or a step's output)",
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.up',
    keys: ['up', 'k'],
    description: 'Scroll the detail view up',
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.down',
    keys: ['down', 'j'],
    description: 'Scroll the detail view down',
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.pageUp',
    keys: ['pageup', 'b'],
    description: 'Scroll the detail view up a page',
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.pageDown',
    keys: ['pagedown', 'space'],
    label: 'page',
    description: 'Scroll the detail view down a page',
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.home',
    keys: ['home', 'g'],
    description: 'Go to the top of the detail view',
    category: 'General',
    context: 'output',
  },
  {
    id: 'output.end',
    keys: ['end', 'G'],
    description: 'Go to the end of the detail view',
    category: 'General',
    context: 'output',
  },
  {
    id: 'dialog.confirm',
    keys: ['y'],
    label: 'confirm',
    description: 'Confirm the rollback',
    category: 'Dialog',
    context: 'dialog',
    dangerous: true,
    disabledReason: selectConfirmRefusal,
  },
  {
    id: 'dialog.pin',
    keys: ['p'],
    label: 'pin and roll back',
    description: 'Copy the target with its images pinned by digest, then roll back to the copy',
    category: 'Dialog',
    context: 'dialog',
    dangerous: true,
    disabledReason: (s) => selectConfirmRefusal(s) ?? pinnable(selectPlan(s)).why,
  },
  {
    id: 'dialog.diff',
    keys: ['d'],
    label: 'diff',
    description: 'Show every difference between the current and the target revision (changes nothing; Esc comes back)',
    category: 'Dialog',
    context: 'dialog',
  },
  {
    id: 'dialog.cancel',
    keys: ['n', 'escape', 'any other key'],
    label: 'cancel',
    description: 'Cancel: nothing is changed',
    category: 'Dialog',
    context: 'dialog',
  },
  {
    id: 'confirm.run',
    keys: ['y'],
    label: 'run it',
    description: 'Run the command shown (it changes things, or is not known to only read)',
    category: 'Dialog',
    context: 'confirm',
    dangerous: true,
  },
  {
    id: 'confirm.cancel',
    keys: ['n', 'escape', 'any other key'],
    label: 'cancel',
    description: 'Do not run it: nothing is changed',
    category: 'Dialog',
    context: 'confirm',
  },
  {
    id: 'help.close',
    keys: ['escape', '?', 'q'],
    label: 'close',
    description: 'Close the help',
    category: 'General',
    context: 'help',
  },
  {
    id: 'filter.apply',
    keys: ['return'],
    label: 'apply',
    description: 'Apply the filter (empty clears it)',
    category: 'Logs',
    context: 'filter',
  },
  {
    id: 'filter.cancel',
    keys: ['escape'],
    label: 'cancel',
    description: 'Leave the filter unchanged',
    category: 'Logs',
    context: 'filter',
  },
];

export const actionById = (id: string): KeyAction | undefined => KEYMAP.find((a) => a.id === id);

/** Whether an action's key means it in this state (see KeyAction.when). */
export const applies = (a: KeyAction, s: AppState | undefined): boolean => !a.when || !s || a.when(s);

/**
 * The action bound to a key in a context: of those sharing the key, the first that applies in `s`,
 * else the first; 'any other key' catches what nothing else claims.
 */
export function actionForKey(context: Context, key: string, s?: AppState): KeyAction | undefined {
  const inContext = KEYMAP.filter((a) => a.context === context);
  const bound = inContext.filter((a) => a.keys.includes(key));
  return bound.find((a) => applies(a, s)) ?? bound[0] ?? inContext.find((a) => a.keys.includes('any other key'));
}

/** How a key is written for people: 'shift+tab' → 'S-Tab', 'return' → 'Enter'. */
export function displayKey(key: string): string {
  const names: Record<string, string> = {
    tab: 'Tab',
    'shift+tab': 'S-Tab',
    return: 'Enter',
    escape: 'Esc',
    space: 'Space',
    'ctrl+c': 'Ctrl-C',
    up: '↑',
    down: '↓',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
  };
  return names[key] ?? key;
}

export interface HelpRow {
  keys: string;
  description: string;
  category: Category;
  context: Context;
  dangerous: boolean;
}

/** Rows for the help overlay and the README: one per action, the seven focus keys folded into one. */
export function helpRows(): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const a of KEYMAP) {
    if (a.id.startsWith('pane.focus.')) {
      if (a.id !== `pane.focus.${PANES[0]}`) continue;
      rows.push({
        keys: `1-${PANES.length}`,
        description: `Focus a pane: ${PANES.map((p) => PANE_TITLES[p]).join(', ')}`,
        category: a.category,
        context: a.context,
        dangerous: false,
      });
      continue;
    }
    rows.push({
      keys: a.keys.map(displayKey).join(' '),
      description: a.description,
      category: a.category,
      context: a.context,
      dangerous: !!a.dangerous,
    });
  }
  return rows;
}

/** The README's key table, checked against this registry by a test. */
export function keyTableMarkdown(): string {
  const lines = ['| Keys | Action | Where |', '| --- | --- | --- |'];
  for (const r of helpRows()) {
    const where = r.context === 'global' ? 'dashboard' : r.context;
    lines.push(`| \`${r.keys}\` | ${r.description}${r.dangerous ? ' **(changes AWS)**' : ''} | ${where} |`);
  }
  return lines.join('\n');
}
