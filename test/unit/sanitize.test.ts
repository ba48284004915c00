import { describe, expect, it } from 'vitest';
import { sanitizeLine } from '../../src/domain/sanitize.js';

describe('sanitizeLine', () => {
  it('removes escape sequences that would clear the screen, retitle or recolour the terminal', () => {
    expect(sanitizeLine('ua=\u001b[2J\u001b[Hx')).toBe('ua=x');
    expect(sanitizeLine('\u001b]0;pwned\u0007title')).toBe('title');
    expect(sanitizeLine('\u001b[31mred\u001b[0m')).toBe('red');
  });

  it('shows remaining control characters visibly instead of sending them', () => {
    expect(sanitizeLine('bell\u0007 cr\r end\u001b')).toBe('bell\\x07 cr\\x0d end\\x1b');
    expect(sanitizeLine('c1\u0085')).toBe('c1\\x85');
    expect(sanitizeLine('a\tb\nc')).toBe('a  b ⏎ c');
  });

  it('leaves ordinary text, including non-ASCII, alone', () => {
    expect(sanitizeLine('GET /api/ü 200 12ms — ok')).toBe('GET /api/ü 200 12ms — ok');
  });
});
