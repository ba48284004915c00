import { Box, Text } from 'ink';
import { OverlayFrame } from './OverlayFrame.js';
import { helpRows } from '../keymap.js';
import { theme } from '../theme.js';
import type { LogFollow } from '../../domain/backend.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  ascii: boolean;
  /** The demo world says so: its keys change nothing real. */
  demo: boolean;
  /** How logs are followed now: the one choice here with a per-minute charge. */
  logFollow?: LogFollow['mode'];
}

/** What following the logs costs, said where the on-call looks for what shipwatch does. */
export function logCostLine(mode: LogFollow['mode'] | undefined): string | undefined {
  if (mode === 'live-tail')
    return 'logs: CloudWatch Live Tail, $0.01 per session-minute (omit --live-tail to poll for free)';
  if (mode === 'polling')
    return 'logs: polling FilterLogEvents, no request charge (--live-tail: Live Tail, $0.01 per session-minute)';
  return undefined;
}

/**
 * Every key from the registry, the dashboard's own first (the ones reached from where help was
 * opened), then those of dialogs and views; two columns when one would not fit. A terminal too
 * short for them all says how many are left out and where they are, rather than cutting silently.
 */
export function HelpOverlay({ width, height, ascii, demo, logFollow }: HelpOverlayProps) {
  const cost = logCostLine(logFollow);
  const all = helpRows().filter((r) => r.context !== 'help');
  const ordered = [...all.filter((r) => r.context === 'global'), ...all.filter((r) => r.context !== 'global')];
  const footer = (cost ? 1 : 0) + (demo ? 1 : 0);
  const room = Math.max(1, height - 4 - footer);
  const columns = ordered.length > room ? 2 : 1;
  const fits = ordered.length <= room * columns;
  const rows = fits ? ordered : ordered.slice(0, room * columns);
  const perColumn = Math.min(room, Math.ceil(rows.length / columns));
  const colWidth = Math.floor((width - 4) / columns);
  const keyWidth = 10;
  return (
    <OverlayFrame width={width} height={height} ascii={ascii}>
      <Text bold wrap="truncate-end">
        Keys (Esc, ? or q closes)
      </Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={colWidth}>
            {rows.slice(c * perColumn, (c + 1) * perColumn).map((r) => (
              <Text key={`${r.context}:${r.keys}`} wrap="truncate-end">
                <Text bold color={r.dangerous ? theme.bad : theme.accent}>
                  {r.keys.padEnd(keyWidth)}
                </Text>
                {r.context === 'global' ? '' : `(${r.context}) `}
                {r.description}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      {!fits && (
        <Text wrap="truncate-end" color={theme.dim}>
          {`… ${ordered.length - rows.length} more keys: a taller terminal shows them, and README "Keys" lists all`}
        </Text>
      )}
      {cost && (
        <Text wrap="truncate-end" color={theme.dim}>
          {cost}
        </Text>
      )}
      {demo && (
        <Text wrap="truncate-end" color={theme.dim}>
          demo world: makes no AWS requests
        </Text>
      )}
    </OverlayFrame>
  );
}
