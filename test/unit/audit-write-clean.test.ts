// The audit file is read with tail and less as well as `shipwatch audit`: what an entry quotes from
// outside (a step's first line of output, an AWS message) is written without control sequences.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/app/auditLog.js';

const HOSTILE = 'out\u001b]0;PWNED\u0007\u009d52;c;AA\u009c \u202eevil\u202c\u200b end';

describe('audit log: written clean', () => {
  it('a checklist summary holding escapes, C1 and bidi controls reaches the file as visible text', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-clean-')), 'audit.jsonl');
    const log = new AuditLog(path, { cluster: 'prod', service: 'web', backend: 'aws' }, () => ({
      user: 'jane',
      host: 'bastion-1',
    }));
    log.append({
      kind: 'checklist',
      step: 's1',
      title: 'smoke',
      phase: 'post',
      stepKind: 'command',
      status: 'failed',
      summary: HOSTILE,
    });
    const raw = readFileSync(path, 'utf8');
    // JSON.stringify would write ESC as \u001b, which `jq -r` turns back into ESC; C1 and bidi it writes raw.
    expect(raw).not.toMatch(/\\u001b|\\u0007|[\u0080-\u009f\u202a-\u202e\u200b]/);
    expect(JSON.parse(raw).summary).toContain('evil');
  });
});
