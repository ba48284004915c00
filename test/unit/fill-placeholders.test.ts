import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { fillStep, parseFills } from '../../src/config/fillPlaceholders.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';

const step: ChecklistStepDef = {
  id: 'rb-3',
  title: 'Pull v1.X.Y',
  phase: 'pre',
  kind: 'command',
  command: { run: 'docker pull repo/app:v1.X.Y && echo v1.X.Y <cluster>', timeoutMs: 60_000, expect: {} },
  placeholders: ['v1.X.Y', '<cluster>'],
};

describe('runbook placeholders', () => {
  it('parses NAME=value pairs over the config map; the value may contain =', () => {
    expect(parseFills(['v1.X.Y=v1.4.2', 'TOKEN=a=b'], { 'v1.X.Y': 'v0', '<cluster>': 'prod' })).toEqual({
      'v1.X.Y': 'v1.4.2',
      TOKEN: 'a=b',
      '<cluster>': 'prod',
    });
  });

  it('refuses a pair without a name, saying what it expects', () => {
    expect(() => parseFills(['v1.4.2'])).toThrow(UsageError);
    expect(() => parseFills(['=x'])).toThrow(/expected PLACEHOLDER=value, e\.g\. --fill v1\.X\.Y=v1\.4\.2/);
  });

  it('fills every occurrence in the command and title; unfilled placeholders stay and keep the step refused', () => {
    const half = fillStep(step, { 'v1.X.Y': 'v1.4.2' });
    expect(half.command?.run).toBe('docker pull repo/app:v1.4.2 && echo v1.4.2 <cluster>');
    expect(half.title).toBe('Pull v1.4.2');
    expect(half.placeholders).toEqual(['<cluster>']);
    expect(half.note).toContain('filled: v1.X.Y=v1.4.2');
    const full = fillStep(half, { '<cluster>': 'prod' });
    expect(full.placeholders).toEqual([]);
    expect(full.command?.run).toBe('docker pull repo/app:v1.4.2 && echo v1.4.2 prod');
  });

  it('leaves a step without matching placeholders untouched', () => {
    expect(fillStep(step, { OTHER: 'x' })).toBe(step);
  });
});
