import { Text } from 'ink';
import { sparkline } from './sparklineText.js';

export interface SparklineProps {
  values: readonly number[];
  width: number;
  color?: string;
  ascii?: boolean;
}

/** A sparkline as an inline Text, so it can sit inside a row's truncating Text. */
export function Sparkline({ values, width, color, ascii = false }: SparklineProps) {
  return <Text color={color}>{sparkline(values, width, ascii)}</Text>;
}
