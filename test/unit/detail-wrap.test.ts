import { describe, expect, test } from 'vitest';
import { shellWords } from '../../src/ui/detail/awsLinks.js';
import { hardWrap, wrapCommand, wrapWords } from '../../src/ui/detail/wrap.js';

describe('detail wrapping', () => {
  test('hardWrap cuts at the width, keeps every character, never splits a wide one', () => {
    expect(hardWrap('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(hardWrap('short', 10)).toEqual(['short']);
    expect(hardWrap('日本語テキスト', 5)).toEqual(['日本', '語テ', 'キス', 'ト']);
    expect(hardWrap('', 4)).toEqual(['']);
  });

  test('wrapWords breaks prose at spaces, keeps line breaks, cuts a word wider than the row', () => {
    expect(wrapWords('Threshold Crossed: 1 datapoint [2.3] was greater', 20)).toEqual([
      'Threshold Crossed: 1',
      'datapoint [2.3] was',
      'greater',
    ]);
    expect(wrapWords('one\ntwo three', 20)).toEqual(['one', 'two three']);
    expect(wrapWords('ResourceInitializationError: x', 10)).toEqual(['ResourceIn', 'itializati', 'onError: x']);
  });

  test('wrapCommand: one row when it fits; else between words, options with their values, ` \\` continuations', () => {
    const words = shellWords([
      'aws',
      'ecs',
      'describe-tasks',
      '--cluster',
      'prod',
      '--tasks',
      '0f3c1a2b9d8e4f00aa11bb22cc33dd44',
      '--region',
      'eu-west-1',
    ]);
    expect(wrapCommand(words, 120)).toEqual([words.join(' ')]);
    const rows = wrapCommand(words, 40);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(40);
    expect(rows).toEqual([
      'aws ecs describe-tasks --cluster prod \\',
      '  --tasks \\',
      '  0f3c1a2b9d8e4f00aa11bb22cc33dd44 \\',
      '  --region eu-west-1',
    ]);
    // An option and its value share a row when that row has room for both.
    expect(wrapCommand(words, 60)).toEqual([
      'aws ecs describe-tasks --cluster prod \\',
      '  --tasks 0f3c1a2b9d8e4f00aa11bb22cc33dd44 \\',
      '  --region eu-west-1',
    ]);
    // Pasted back, the rows are the command: the continuations join them.
    expect(rows.join('\n').replace(/ \\\n {2}/g, ' ')).toBe(words.join(' '));
  });

  test('wrapCommand cuts inside a word only when the word alone is wider than a row', () => {
    const rows = wrapCommand(['aws', 'logs', '--log-group-name', 'x'.repeat(30)], 20);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(20);
    expect(rows.join('')).toContain('x'.repeat(16));
  });
});
