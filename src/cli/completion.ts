// Shell completion, generated from the commander definitions the CLI parses with: a flag added there
// is offered here without a second list to keep. Target names are asked of `shipwatch targets
// --names` when Tab is pressed, so they follow the config file as it is edited.
import type { Argument, Command, Option } from 'commander';

export type ValueKind =
  { kind: 'file' } | { kind: 'target' } | { kind: 'choice'; choices: string[] } | { kind: 'word' };

export interface FlagSpec {
  names: string[];
  /** Absent: a switch that takes no value. */
  value?: ValueKind;
}

export interface CommandSpec {
  /** '' for the dashboard itself. */
  name: string;
  flags: FlagSpec[];
  /** What the first word that is not a flag completes to. */
  positional?: ValueKind;
}

function valueOf(o: Option): ValueKind | undefined {
  if (!o.required && !o.optional) return undefined;
  if (o.argChoices?.length) return { kind: 'choice', choices: o.argChoices };
  if (o.long === '--target') return { kind: 'target' };
  // The argument's own name in the definition says what it is: `--config <file>`, `--file <path>`.
  return /<(file|path)>/.test(o.flags) ? { kind: 'file' } : { kind: 'word' };
}

function positionalOf(a: Argument | undefined): ValueKind | undefined {
  if (!a) return undefined;
  if (a.argChoices?.length) return { kind: 'choice', choices: a.argChoices };
  return a.name() === 'target' ? { kind: 'target' } : { kind: 'word' };
}

export function commandSpec(name: string, program: Command): CommandSpec {
  const flags = program.options
    .filter((o) => !o.hidden)
    .map((o): FlagSpec => ({ names: [o.short, o.long].filter((n): n is string => !!n), value: valueOf(o) }));
  return {
    name,
    flags: [...flags, { names: ['-h', '--help'] }],
    positional: positionalOf(program.registeredArguments[0]),
  };
}

const words = (xs: string[]) => xs.join(' ');
const flagWords = (c: CommandSpec) => words(c.flags.flatMap((f) => f.names));

/** The `compgen` that completes a value of this kind. */
function reply(v: ValueKind): string {
  switch (v.kind) {
    case 'file':
      return 'COMPREPLY=($(compgen -f -- "$cur"))';
    case 'target':
      return 'COMPREPLY=($(compgen -W "$(_shipwatch_targets)" -- "$cur"))';
    case 'choice':
      return `COMPREPLY=($(compgen -W "${words(v.choices)}" -- "$cur"))`;
    case 'word':
      return 'COMPREPLY=()';
  }
}

/** What the word after a value-taking flag completes to; a free value (a name, a number) completes to nothing. */
function valueCase(c: CommandSpec, indent: string): string {
  const arms = new Map<string, string[]>();
  for (const f of c.flags) if (f.value) arms.set(reply(f.value), [...(arms.get(reply(f.value)) ?? []), ...f.names]);
  if (!arms.size) return '';
  const lines = [...arms].map(([body, names]) => `${indent}  ${names.join('|')}) ${body}; return 0;;`);
  return `${indent}case "$prev" in\n${lines.join('\n')}\n${indent}esac\n`;
}

/** A subcommand's own first word that is not a flag (`completion bash`, `report prod-api`). */
function positionalIf(c: CommandSpec, indent: string): string {
  if (!c.positional || c.positional.kind === 'word') return '';
  return `${indent}if [[ $COMP_CWORD -eq 2 && "$cur" != -* ]]; then ${reply(c.positional)}; return 0; fi\n`;
}

/** The bash function; zsh runs the same one through bashcompinit, so both shells complete alike. */
export function bashFunction(main: CommandSpec, subs: CommandSpec[]): string {
  const subArms = subs.map(
    (s) => `    ${s.name})\n${valueCase(s, '      ')}${positionalIf(s, '      ')}      flags="${flagWords(s)}";;`,
  );
  return `_shipwatch_targets() {
  # The names in the config file this command line would read (its --config, if any).
  local i config=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ "\${COMP_WORDS[i]}" == --config ]] && config=(--config "\${COMP_WORDS[i + 1]}")
  done
  "\${COMP_WORDS[0]}" targets --names "\${config[@]}" 2>/dev/null
}

_shipwatch() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD - 1]}" flags
  COMPREPLY=()
  case "\${COMP_WORDS[1]}" in
${subArms.join('\n')}
    *)
${valueCase(main, '      ')}      flags="${flagWords(main)}"
      if [[ $COMP_CWORD -eq 1 && "$cur" != -* ]]; then
        COMPREPLY=($(compgen -W "${words(subs.map((s) => s.name))} $(_shipwatch_targets)" -- "$cur"))
        return 0
      fi;;
  esac
  [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  return 0
}
`;
}

export function completionScript(shell: 'bash' | 'zsh', main: CommandSpec, subs: CommandSpec[]): string {
  const body = bashFunction(main, subs);
  if (shell === 'bash')
    return `# shipwatch completion for bash. Install: shipwatch completion bash > ~/.local/share/bash-completion/completions/shipwatch
${body}complete -F _shipwatch shipwatch
`;
  return `# shipwatch completion for zsh. Install, in ~/.zshrc: source <(shipwatch completion zsh)
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit
${body}complete -F _shipwatch shipwatch
`;
}
