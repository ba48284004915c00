import { Text } from 'ink';
import type { AppState } from '../app/state.js';
import { displayKey, KEYMAP, type Context } from './keymap.js';
import { theme } from './theme.js';

export interface KeyBarProps {
  context: Context;
  state: AppState;
  notice?: string;
  width: number;
}

/** Generated from the keymap: the labelled actions of the context, disabled ones with their reason. */
export function KeyBar({ context, state, notice }: KeyBarProps) {
  if (notice) {
    return (
      <Text wrap="truncate-end" color={theme.warn}>
        {notice}
      </Text>
    );
  }
  // A disabled dangerous action stays visible with its reason; other disabled ones just step aside.
  const items = KEYMAP.filter((a) => a.context === context && a.label && (a.dangerous || !a.disabledReason?.(state)));
  return (
    <Text wrap="truncate-end">
      {items.map((a, i) => {
        const reason = a.disabledReason?.(state);
        const key = a.keys.slice(0, 1).map(displayKey).join('/');
        return (
          <Text key={a.id} color={reason ? theme.dim : undefined}>
            {i > 0 ? '  ' : ''}
            <Text bold={!reason} color={reason ? theme.dim : a.dangerous ? theme.bad : theme.accent}>
              {key}
            </Text>
            {` ${a.label}${reason ? ` (${reason})` : ''}`}
          </Text>
        );
      })}
    </Text>
  );
}
