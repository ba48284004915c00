import stripAnsi from 'strip-ansi';

// Log content is data: an escape sequence in a log line must never reach the terminal as a command
// (clear screen, retitle the window, move the cursor over the header). strip-ansi removes complete
// sequences; whatever control characters remain (lone ESC, BEL, CR, C1) are shown as visible escapes.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function sanitizeLine(text: string): string {
  return stripAnsi(text)
    .replace(/\t/g, '  ')
    .replace(/\r?\n/g, ' ⏎ ')
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
