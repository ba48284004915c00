// Named targets (`targets: { prod-api: {…} }`): which one a run watches, and its keys over the top level's.
import { UsageError } from '../domain/errors.js';
import { didYouMean } from '../domain/nearest.js';
import type { LoadedConfig } from './load.js';
import type { ShipwatchConfig } from './schema.js';

export const targetNames = (c: ShipwatchConfig): string[] => Object.keys(c.targets ?? {});

export interface ChosenTarget {
  /** The top level with the chosen target's keys over it; no `targets` left in it. */
  config: ShipwatchConfig;
  /** The target's name, when one was chosen. */
  name?: string;
}

export interface TargetChoice {
  /** `shipwatch NAME` or `-t NAME`. */
  name?: string;
  /** --cluster/--service/--demo on the command line name what to watch without a target. */
  flagsNameService: boolean;
}

function unknownTarget(name: string, loaded: LoadedConfig, others: readonly string[]): UsageError {
  if (!loaded.file)
    return new UsageError(
      `unknown target "${name}": no config file found (looked in ${loaded.searched.join(', ')})\n` +
        `shipwatch init --cluster CLUSTER --service SERVICE --name ${name} writes one.`,
    );
  const names = targetNames(loaded.config);
  const list = names.length ? `its targets: ${names.join(', ')}` : 'it has no targets: section';
  return new UsageError(
    `unknown target "${name}" in ${loaded.file}${didYouMean(name, [...names, ...others])}\n(${list}; shipwatch targets lists them)`,
  );
}

/**
 * A key set in the target replaces the same key at the top level, whole (a target's `thresholds:`
 * is its thresholds, not a merge). `others` are names that are not targets (the subcommands), so a
 * typo of `audit` is pointed at it too.
 */
export function chooseTarget(loaded: LoadedConfig, choice: TargetChoice, others: readonly string[] = []): ChosenTarget {
  const { targets, ...top } = loaded.config;
  if (choice.name) {
    const entry = targets?.[choice.name];
    if (!entry) throw unknownTarget(choice.name, loaded, others);
    return { config: { ...top, ...entry }, name: choice.name };
  }
  const names = Object.keys(targets ?? {});
  // Watching a default nobody named is how the wrong service gets rolled back: ask which one.
  if (names.length && !top.cluster && !top.service && !choice.flagsNameService)
    throw new UsageError(
      `${loaded.file} names ${names.length} target${names.length === 1 ? '' : 's'} (${names.join(', ')}): ` +
        `choose one, e.g. shipwatch ${names[0]}, or --demo for the demo world`,
    );
  return { config: top };
}
