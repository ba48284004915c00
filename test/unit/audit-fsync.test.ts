// The audit log's durability, seen through an injected fs layer: each entry is written and fsynced
// on its own descriptor before append returns, the tail check reads one byte, and a rollback's
// `requested` entry is on disk, fsynced, before the backend is asked. Removing the fsync from
// AuditLog.append turns these red; the kill -9 e2e test cannot tell.
import * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, readAudit, type AuditFs } from '../../src/app/auditLog.js';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { AWS_INTERVALS } from '../../src/config/settings.js';
import type { RollbackRequest } from '../../src/domain/model.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { ref } from '../helpers/service.js';

interface Call {
  op: 'open' | 'fstat' | 'read' | 'write' | 'fsync' | 'close';
  fd: number;
  /** What a write wrote; how many bytes a read asked for. */
  text?: string;
  length?: number;
}

/** node:fs, with every call append makes on the file recorded in order. */
function recordingFs(): { fs: AuditFs; calls: Call[] } {
  const calls: Call[] = [];
  const fs: AuditFs = {
    mkdirSync: nodeFs.mkdirSync,
    openSync: ((...args: Parameters<typeof nodeFs.openSync>) => {
      const fd = nodeFs.openSync(...args);
      calls.push({ op: 'open', fd });
      return fd;
    }) as AuditFs['openSync'],
    fstatSync: ((fd: number) => {
      calls.push({ op: 'fstat', fd });
      return nodeFs.fstatSync(fd);
    }) as AuditFs['fstatSync'],
    readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      calls.push({ op: 'read', fd, length });
      return nodeFs.readSync(fd, buffer, offset, length, position);
    }) as AuditFs['readSync'],
    writeSync: ((fd: number, text: string) => {
      calls.push({ op: 'write', fd, text });
      return nodeFs.writeSync(fd, text);
    }) as AuditFs['writeSync'],
    fsyncSync: (fd) => {
      calls.push({ op: 'fsync', fd });
      nodeFs.fsyncSync(fd);
    },
    closeSync: (fd) => {
      calls.push({ op: 'close', fd });
      nodeFs.closeSync(fd);
    },
  };
  return { fs, calls };
}

const who = () => ({ user: 'jane', host: 'bastion-1' });
const context = { cluster: 'demo', service: 'web', backend: 'demo' };
const tempPath = () => join(mkdtempSync(join(tmpdir(), 'audit-fsync-')), 'audit.jsonl');

describe('audit log fsync', () => {
  it('opens, checks the tail, writes, fsyncs and closes the same descriptor, for every append', () => {
    const { fs, calls } = recordingFs();
    const log = new AuditLog(tempPath(), context, who, { fs });
    log.append({ kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM' });
    log.append({ kind: 'alarm', alarm: 'web-5xx', from: 'ALARM', to: 'OK' });
    const ops = calls.map((c) => c.op);
    // The first append finds an empty file (no byte to read); the second reads its last byte.
    expect(ops).toEqual([
      'open',
      'fstat',
      'write',
      'fsync',
      'close',
      'open',
      'fstat',
      'read',
      'write',
      'fsync',
      'close',
    ]);
    for (const append of [calls.slice(0, 5), calls.slice(5)]) expect(new Set(append.map((c) => c.fd)).size).toBe(1);
    expect(calls.filter((c) => c.op === 'write').map((c) => JSON.parse(c.text!).to)).toEqual(['ALARM', 'OK']);
  });

  it('checks the tail with one byte, however long the file is', () => {
    const path = tempPath();
    writeFileSync(path, `${'{"x":1}\n'.repeat(50_000)}`);
    const { fs, calls } = recordingFs();
    new AuditLog(path, context, who, { fs }).append({ kind: 'alarm', alarm: 'a', to: 'OK' });
    expect(calls.filter((c) => c.op === 'read').map((c) => c.length)).toEqual([1]);
  });

  it('the rollback `requested` entry is on disk and fsynced before the backend is asked', async () => {
    const path = tempPath();
    const { fs, calls } = recordingFs();
    const backend = new FakeBackend();
    let atCall: { onDisk: string; calls: Call[] } | undefined;
    backend.rollback = async (request: RollbackRequest) => {
      atCall = { onDisk: readFileSync(path, 'utf8'), calls: [...calls] };
      return { method: request.method };
    };
    const store = createStore(initialState({}));
    store.dispatch({ type: 'source/loaded', source: 'identity', data: await backend.getIdentity(), at: Date.now() });
    store.dispatch({ type: 'source/loaded', source: 'service', data: backend.world.service, at: Date.now() });
    const audit = new AuditLog(path, context, who, { fs });
    await new Controller(backend, store, AWS_INTERVALS, { audit }).confirmRollback();

    expect(atCall, 'the backend was asked to roll back').toBeDefined();
    const onDisk = readAudit(path).entries;
    expect(onDisk.map((e) => e.kind === 'rollback' && e.phase)).toEqual(['requested', 'accepted']);
    const lines = atCall!.onDisk.split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ kind: 'rollback', phase: 'requested', from: ref(42), to: ref(41) }),
    ]);
    // The write that put it there was followed by an fsync and close of its descriptor, before the call.
    const ops = atCall!.calls.map((c) => c.op);
    const write = atCall!.calls.findIndex((c) => c.op === 'write' && c.text?.includes('"requested"'));
    expect(write).toBeGreaterThan(-1);
    expect(ops.slice(write)).toEqual(['write', 'fsync', 'close']);
    expect(atCall!.calls[write + 1]!.fd).toBe(atCall!.calls[write]!.fd);
  });
});
