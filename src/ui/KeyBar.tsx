import { Text } from 'ink';
import type { AppState } from '../app/state.js';
import { columns } from './format.js';
import { applies, displayKey, KEYMAP, type Context } from './keymap.js';
import { theme } from './theme.js';

export interface KeyBarProps {
  context: Context;
  state: AppState;
  notice?: string;
  width: number;
}

/**
 * Generated from the keymap: the labelled actions of the context, disabled ones with their reason.
 * As many whole items as the width holds, in registry order: a key is never cut from its label
 * (`?` lists every key).
 */
export function KeyBar({ context, state, notice, width }: KeyBarProps) {
  if (notice) {
    return (
      <Text wrap="truncate-end" color={theme.warn}>
        {notice}
      </Text>
    );
  }
  // A disabled dangerous action stays visible with its reason; other disabled ones just step aside,
  // and so does one that does not apply here (Enter opens a row, but runs a step on the Checklist).
  const offered = KEYMAP.filter(
    (a) => a.context === context && a.label && applies(a, state) && (a.dangerous || !a.disabledReason?.(state)),
  ).map((a) => {
    const reason = a.disabledReason?.(state);
    return { a, reason, key: displayKey(a.keys[0]!), text: ` ${a.label}${reason ? ` (${reason})` : ''}` };
  });
  let used = 0;
  let full = false;
  const items = offered.filter((item, i) => {
    const w = (i > 0 ? 2 : 0) + columns(item.key + item.text);
    full ||= i > 0 && used + w > width;
    used += w;
    return !full;
  });
  return (
    <Text wrap="truncate-end">
      {items.map(({ a, reason, key, text }, i) => (
        <Text key={a.id} color={reason ? theme.dim : undefined}>
          {i > 0 ? '  ' : ''}
          <Text bold={!reason} color={reason ? theme.dim : a.dangerous ? theme.bad : theme.accent}>
            {key}
          </Text>
          {text}
        </Text>
      ))}
    </Text>
  );
}
