import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

const sizeOf = (stdout: NodeJS.WriteStream) => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });

/** Columns and rows of the terminal, updated live on resize. */
export function useTerminalSize(): { cols: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
