import { Text } from 'ink';
import { compileFilter } from '../../domain/logLines.js';
import { theme } from '../theme.js';

/** Replaces the key bar while the user types a log filter. */
export function FilterPrompt({ draft }: { draft: string }) {
  const problem = draft ? compileFilter(draft).error : undefined;
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        /{' '}
      </Text>
      {draft}
      <Text inverse> </Text>
      <Text color={problem ? theme.bad : theme.dim}>
        {problem ? `  ${problem}` : '  Enter apply · Esc cancel · text or /regex/'}
      </Text>
    </Text>
  );
}
