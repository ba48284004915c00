import { Box, Text } from 'ink';
import { refKey } from '../../domain/model.js';
import { confirmRefusal, pinnable, type RollbackPlan } from '../../domain/rollback.js';
import { diffSummary, type TaskDefDiff } from '../../domain/taskdefDiff.js';
import { planDiff } from '../detail/diffDetail.js';
import { ago, shortDigest, utcTime } from '../format.js';
import { METHOD_TEXT } from '../rollbackText.js';
import { borderStyle, theme } from '../theme.js';
import type { RollbackOp } from '../../domain/rollback.js';

export interface RollbackDialogProps {
  service: string;
  cluster: string;
  plan: RollbackPlan;
  op: RollbackOp;
  now: number;
  width: number;
  ascii: boolean;
  /** Why `y` would not act now (confirmRefusal with the data's age and what was shown); undefined: it may. */
  blocked?: string;
  /** Age of the service data the plan is made of, wall ms. */
  dataAgeMs?: number;
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Text wrap="truncate-end">
    <Text color={theme.dim}>{label.padEnd(9)}</Text>
    {children}
  </Text>
);

/** Summary lines of what else differs the dialog has room for; `d` shows every line. */
const SUMMARY_LINES = 3;

/** What the rollback would change, or why it will not happen. Nothing changes before `y`. */
function Body({ plan, op, now, diff }: Pick<RollbackDialogProps, 'plan' | 'op' | 'now'> & { diff: TaskDefDiff }) {
  if (op.request && (op.phase === 'requesting' || op.phase === 'in-flight')) {
    const state = op.phase === 'requesting' ? 'requested' : 'ROLLING BACK';
    return (
      <>
        <Row label="status">{state}</Row>
        <Row label="rollback">{`${refKey(op.request.from)} → ${refKey(op.request.to)}`}</Row>
        {op.startedAt !== undefined && <Row label="started">{ago(op.startedAt, now)}</Row>}
      </>
    );
  }
  const { current, target, refusal, request } = plan;
  const summary = diffSummary(diff);
  return (
    <>
      {op.phase === 'failed' && op.request && (
        <Text wrap="truncate-end" color={theme.bad}>
          {`last try ${refKey(op.request.from)} → ${refKey(op.request.to)} FAILED: ${op.error ?? ''}`}
        </Text>
      )}
      {plan.release && (
        <Row label="release">{`${refKey(plan.release.released.ref)}  T+0 ${utcTime(plan.release.t0)}`}</Row>
      )}
      {current && <Row label="current">{`${refKey(current.ref)}  ${current.imageTags.join(', ')}`}</Row>}
      {target && <Row label="target">{`${refKey(target.ref)}  ${target.imageTags.join(', ')}`}</Row>}
      {target && <Row label="from">{target.source}</Row>}
      {target?.lastServedAt !== undefined && <Row label="served">{ago(target.lastServedAt, now)}</Row>}
      {target?.servedImages?.map((i) => (
        <Row
          key={i.container}
          label="digest"
        >{`${i.container}: ${i.digest ? shortDigest(i.digest) : 'not recorded'}`}</Row>
      ))}
      {target && target.mutableTags.length > 0 && (
        <Text wrap="wrap" color={theme.warn}>
          {`tag ${target.mutableTags.join(', ')} can point elsewhere now: UpdateService pulls what it names today${target.servedImages?.length ? ', not the digest above' : ''}`}
        </Text>
      )}
      {diff.images.map((d) => (
        <Row key={d.container} label="image">{`${d.container}: ${d.from ?? '(none)'} → ${d.to ?? '(none)'}`}</Row>
      ))}
      {diff.envOnlyCurrent.length > 0 && <Row label="env -">{diff.envOnlyCurrent.join(', ')}</Row>}
      {diff.envOnlyTarget.length > 0 && <Row label="env +">{diff.envOnlyTarget.join(', ')}</Row>}
      {summary.slice(0, SUMMARY_LINES).map((line, i) => (
        <Row key={i} label={i === 0 ? 'changes' : ''}>
          {line}
        </Row>
      ))}
      {summary.length > SUMMARY_LINES && (
        <Row label="">{`… ${summary.length - SUMMARY_LINES} more (d shows every line)`}</Row>
      )}
      {request && <Row label="method">{METHOD_TEXT[request.method]}</Row>}
      {refusal && (
        <Text wrap="truncate-end" color={theme.bad}>
          {`Cannot roll back: ${refusal}`}
        </Text>
      )}
    </>
  );
}

export function RollbackDialog(p: RollbackDialogProps) {
  const canConfirm = !p.blocked;
  const waiting = p.blocked && !confirmRefusal(p.plan, p.op) ? p.blocked : undefined;
  const diff = planDiff(p.plan);
  const hasDiff = diff.lines.length > 0;
  return (
    <Box
      flexDirection="column"
      borderStyle={borderStyle(p.ascii)}
      borderColor={theme.warn}
      width={p.width}
      paddingX={1}
    >
      <Text bold wrap="truncate-end">{`Roll back ${p.service} on ${p.cluster}?`}</Text>
      <Body plan={p.plan} op={p.op} now={p.now} diff={diff} />
      {p.dataAgeMs !== undefined && (
        <Row label="data">{`${Math.round(p.dataAgeMs / 1000)}s old (asked again when this opened)`}</Row>
      )}
      {waiting && (
        <Text wrap="truncate-end" color={theme.warn}>
          {waiting}
        </Text>
      )}
      <Text wrap="truncate-end">
        {canConfirm ? (
          <>
            <Text bold color={theme.bad}>
              y
            </Text>
            <Text>{p.op.phase === 'failed' ? ' try again now' : ' roll back now'}</Text>
            {pinnable(p.plan).images && (
              <>
                <Text> · </Text>
                <Text bold color={theme.bad}>
                  p
                </Text>
                <Text> pin by digest, then roll back</Text>
              </>
            )}
            {hasDiff && <Text> · d whole diff</Text>}
            <Text> · any other key cancels</Text>
          </>
        ) : (
          <Text color={theme.dim}>
            {waiting
              ? `y not yet (see above)${hasDiff ? ' · d whole diff' : ''} · any other key cancels`
              : 'any key closes'}
          </Text>
        )}
      </Text>
    </Box>
  );
}
