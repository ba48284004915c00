// The table (and the JSON document) that npm run bench prints.
import { fmt, targetText, verdict } from './figures.mjs';
import { machineText } from './machine.mjs';

const pad = (s, n) => String(s).padEnd(n);

export function table(doc) {
  const out = [machineText(doc.machine), `${doc.settings}`, ''];
  const rows = [['case', 'figure', 'value', 'target', 'result']];
  for (const c of doc.cases) {
    if (c.error) rows.push([c.name, `FAILED: ${c.error.split('\n')[0]}`, '', '', '']);
    c.figures.forEach((f, i) =>
      rows.push([i || c.error ? '' : c.name, f.label, fmt(f.value, f.unit), targetText(f), verdict(f)]),
    );
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)) + 2);
  for (const [i, r] of rows.entries()) {
    // A blank line between cases, so each reads as a block.
    if (i > 1 && r[0]) out.push('');
    out.push(
      r
        .map((cell, j) => (j === 2 ? String(cell).padStart(w[j] - 2) + '  ' : pad(cell, w[j])))
        .join('')
        .trimEnd(),
    );
  }
  const notes = doc.cases.filter((c) => c.notes?.length);
  if (notes.length) {
    out.push('', 'notes:');
    for (const c of notes) for (const n of c.notes) out.push(`  ${c.name}: ${n}`);
  }
  const missed = doc.missed;
  out.push('', missed.length ? `MISSED ${missed.length} target(s): ${missed.join(', ')}` : 'every target met');
  if (missed.length) out.push('', 'why missed here:');
  for (const m of missed) out.push(`  ${m}: ${doc.why[m] ?? 'NO REASON RECORDED: a regression to look into'}`);
  if (doc.failures.length) out.push(`failed runs: ${doc.failures.join('; ')}`);
  return out.join('\n');
}
