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

/** Every key from the registry, grouped by where it works; two columns when one would not fit. */
export function HelpOverlay({ width, height, ascii, demo, logFollow }: HelpOverlayProps) {
  const cost = logCostLine(logFollow);
  const rows = helpRows().filter((r) => r.context !== 'help');
  const room = Math.max(1, height - 4);
  const columns = rows.length > room ? 2 : 1;
  const perColumn = Math.ceil(rows.length / columns);
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
