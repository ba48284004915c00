// What a shell command would do, judged from its words before it runs: a runbook's `terraform apply`
// or `aws ecs update-service` changes production and must be confirmed with `y`; in --read-only mode
// only commands made entirely of known read-only programs run. A judgement of text, not a sandbox:
// anything not recognised is "unknown", and read-only mode refuses unknown commands too.

export interface CommandRisk {
  /** 'changes': something in it writes (asks y); 'unknown': not recognised; 'reads': only known readers. */
  kind: 'changes' | 'unknown' | 'reads';
  /** The writing operations found, e.g. ['terraform apply', 'aws ecs update-service']. */
  changes: string[];
  /** Programs not recognised, e.g. ['bash validate_secrets.sh']. */
  unknown: string[];
}

const AWS_WRITE =
  /^(create|update|delete|put|start|stop|run|register|deregister|terminate|modify|attach|detach|tag|untag|execute|invoke|publish|send|reboot|restore|set|enable|disable|import|cancel|reset|associate|disassociate|authorize|revoke|apply|remove|add|copy|replace|submit|rotate|restart|purge|batch-(?!get))/;
const AWS_S3_WRITE = new Set(['cp', 'mv', 'rm', 'sync', 'mb', 'rb']);

/** Program → subcommands that write (true: every use writes). */
const WRITES: Record<string, true | string[]> = {
  terraform: ['apply', 'destroy', 'import', 'taint', 'untaint', 'state', 'force-unlock', 'workspace'],
  tofu: ['apply', 'destroy', 'import', 'taint', 'untaint', 'state', 'force-unlock'],
  kubectl: [
    'apply',
    'delete',
    'create',
    'scale',
    'rollout',
    'patch',
    'edit',
    'replace',
    'set',
    'label',
    'annotate',
    'drain',
    'cordon',
    'exec',
  ],
  helm: ['install', 'upgrade', 'uninstall', 'rollback', 'delete'],
  git: ['push'],
  docker: ['push', 'rm', 'rmi', 'kill', 'stop'],
  ecs: true,
  'ecs-cli': true,
  copilot: true,
};

/** Programs (and, where listed, the only subcommands) known to read without writing anything remote. */
const READS: Record<string, true | string[]> = Object.fromEntries([
  ...'jq grep egrep fgrep awk head tail cat echo printf date whoami test [ wc sort uniq cut tr sleep true false cd pwd ls dig nslookup host ping env column tee base64 sha256sum md5sum basename dirname nc'
    .split(' ')
    .map((p) => [p, true]),
  ['terraform', ['validate', 'plan', 'show', 'output', 'fmt', 'version', 'providers', 'init']],
  ['git', ['log', 'status', 'diff', 'show', 'rev-parse', 'branch', 'describe', 'fetch', 'remote', 'tag']],
  ['kubectl', ['get', 'describe', 'logs', 'top', 'version']],
  ['docker', ['ps', 'images', 'inspect', 'logs', 'version', 'manifest']],
] as [string, true | string[]][]);

function words(segment: string): string[] {
  const w = segment.trim().split(/\s+/).filter(Boolean);
  // Leading VAR=value assignments, sudo, time, env and command prefixes do not change what runs.
  while (
    w.length &&
    (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0]!) || ['sudo', 'time', 'command', 'exec', 'nohup'].includes(w[0]!))
  )
    w.shift();
  return w;
}

function judgeCurl(w: string[]): 'changes' | 'reads' {
  const method = w.findIndex((x) => x === '-X' || x === '--request');
  const m = method >= 0 ? w[method + 1]?.toUpperCase().replace(/['"]/g, '') : undefined;
  const writesBody = w.some(
    (x) => /^(-d|--data\S*|-F|--form|-T|--upload-file|--json)$/.test(x) || /^-X(POST|PUT|PATCH|DELETE)$/i.test(x),
  );
  return (m && !['GET', 'HEAD', 'OPTIONS'].includes(m)) || writesBody ? 'changes' : 'reads';
}

function judge(w: string[]): { changes?: string; unknown?: string } {
  const [prog, sub, op] = [w[0] ?? '', w[1] ?? '', w[2] ?? ''];
  const name = prog.split('/').pop()!;
  if (!name) return {};
  if (name === 'aws') {
    // Global flags may come first: find the service and operation words.
    const rest = w
      .slice(1)
      .filter((x, i, a) => !x.startsWith('-') && !(a[i - 1]?.startsWith('--') && !a[i - 1]!.includes('=')));
    const [svc = '', action = ''] = rest;
    if (svc === 's3') return AWS_S3_WRITE.has(action) ? { changes: `aws s3 ${action}` } : {};
    return AWS_WRITE.test(action)
      ? { changes: `aws ${svc} ${action}` }
      : /^(describe|list|get|wait|head|tail|filter|search|lookup|query|scan|sts)/.test(action) || action === ''
        ? {}
        : { unknown: `aws ${svc} ${action}` };
  }
  if (name === 'curl' || name === 'wget')
    return name === 'curl' && judgeCurl(w) === 'changes'
      ? { changes: `curl ${w.find((x) => /^-X/.test(x)) ? 'with a write method' : 'sending data'}` }
      : {};
  if (name === 'xargs')
    return judge(
      words(
        w
          .slice(1)
          .filter((x) => !x.startsWith('-'))
          .join(' '),
      ),
    );
  if (name === 'sed') return w.some((x) => /^-i/.test(x)) ? { unknown: 'sed -i' } : {};
  const writes = WRITES[name];
  if (writes === true || (writes && writes.includes(sub)))
    return { changes: `${name} ${writes === true ? '' : sub}`.trim() };
  const reads = READS[name];
  if (reads === true || (reads && reads.includes(sub))) return {};
  void op;
  return { unknown: [prog, sub].filter(Boolean).join(' ') };
}

export function commandRisk(run: string): CommandRisk {
  // Line continuations join; $( ) and backticks open commands of their own; heredoc bodies are data.
  const text = run
    .replace(/\\\n/g, ' ')
    .replace(/<<-?\s*'?(\w+)'?[\s\S]*?\n\1\b/g, '')
    // A quoted argument is one word whatever it holds (a jq filter's `|`), unless "…$(…)…" runs a command.
    .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, (q) =>
      q.startsWith('"') && /\$\(|`/.test(q) ? q : q.slice(1, -1).replace(/[\s|;&()`$]+/g, '_') || '_',
    );
  const segments = text.split(/\n|;|&&|\|\||\||\$\(|`|\)/);
  const changes = new Set<string>();
  const unknown = new Set<string>();
  for (const seg of segments) {
    const w = words(seg.replace(/^[\s(!{]+/, ''));
    if (!w.length || w[0]!.startsWith('#')) continue;
    const r = judge(w);
    if (r.changes) changes.add(r.changes);
    if (r.unknown) unknown.add(r.unknown);
  }
  return {
    kind: changes.size ? 'changes' : unknown.size ? 'unknown' : 'reads',
    changes: [...changes],
    unknown: [...unknown],
  };
}

/** HTTP steps: only GET, HEAD and OPTIONS count as reading. */
export const httpMethodReads = (method: string): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
