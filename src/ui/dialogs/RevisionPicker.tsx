import { Text } from 'ink';
import { OverlayFrame } from './OverlayFrame.js';
import { refKey } from '../../domain/model.js';
import type { PickableRevision } from '../../domain/rollback.js';
import { ago, fit, shortDigest } from '../format.js';
import { theme } from '../theme.js';

export interface RevisionPickerProps {
  rows: readonly PickableRevision[];
  selected: number;
  now: number;
  width: number;
  height: number;
  ascii: boolean;
}

/** `R`: every other ACTIVE revision of the family, to go further back than `r` does; Enter opens the dialog. */
export function RevisionPicker({ rows, selected, now, width, height, ascii }: RevisionPickerProps) {
  const room = Math.max(1, height - 4);
  const at = Math.min(selected, Math.max(0, rows.length - 1));
  const from = Math.max(0, Math.min(at - room + 1, rows.length - room));
  return (
    <OverlayFrame width={width} height={height} ascii={ascii} color={theme.warn}>
      <Text bold wrap="truncate-end">
        Roll back to which revision? · ↑↓ select · Enter opens the rollback dialog · Esc closes
      </Text>
      {rows.length === 0 && <Text color={theme.dim}>no other ACTIVE revision of the family</Text>}
      {rows.slice(from, from + room).map((r, i) => (
        <Text key={refKey(r.ref)} wrap="truncate-end" inverse={from + i === at}>
          {`${from + i === at ? '>' : ' '} ${fit(refKey(r.ref), 12)} ${fit(r.imageTags.join(',') || '?', 20)} `}
          <Text color={theme.dim}>{fit(r.digests.map(shortDigest).join(',') || 'digest not recorded', 18)} </Text>
          {r.lastServedAt !== undefined ? `served ${ago(r.lastServedAt, now)}` : ''}
          {r.isPrevious ? <Text color={theme.accent}> · served before the release (r)</Text> : ''}
        </Text>
      ))}
    </OverlayFrame>
  );
}
