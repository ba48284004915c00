// Release tools with subcommands: each lists what only reads and names what changes; any other
// subcommand is not known, so it asks.
import { bySubcommand, operands, optionValue, READS, type Judge, type Verdict } from './verdict.js';

const TF_READS = ['validate', 'plan', 'show', 'output', 'version', 'providers', 'graph', 'console'];
const TF_WRITES = ['apply', 'destroy', 'import', 'taint', 'untaint', 'force-unlock', 'refresh', 'init'];

export const terraform: Judge = (args, { name }) => {
  const [sub, sub2] = operands(args.filter((a) => !a.startsWith('-chdir')));
  // init writes .terraform and the lock file; fmt rewrites files unless it only checks.
  if (sub === 'fmt')
    return args.some((a) => a === '-check' || a === '-write=false') ? READS : [{ changes: `${name} fmt` }];
  if (sub === 'state' || sub === 'workspace')
    return ['list', 'show'].includes(sub2 ?? 'list') ? READS : [{ changes: `${name} ${sub} ${sub2}` }];
  return bySubcommand(name, sub, TF_READS, TF_WRITES);
};

const KUBECTL_READS = [
  'get',
  'describe',
  'logs',
  'top',
  'version',
  'explain',
  'api-resources',
  'api-versions',
  'cluster-info',
  'diff',
  'auth',
];
const KUBECTL_WRITES = [
  'apply',
  'delete',
  'create',
  'scale',
  'patch',
  'edit',
  'replace',
  'set',
  'label',
  'annotate',
  'drain',
  'cordon',
  'uncordon',
  'exec',
  'run',
  'expose',
  'autoscale',
  'taint',
  'cp',
];

export const kubectl: Judge = (args) => {
  const [sub, sub2] = operands(args, [
    '-n',
    '--namespace',
    '--context',
    '-l',
    '--selector',
    '-o',
    '--output',
    '-c',
    '--container',
  ]);
  if (sub === 'rollout')
    return ['status', 'history'].includes(sub2 ?? '') ? READS : [{ changes: `kubectl rollout ${sub2 ?? ''}`.trim() }];
  if (sub === 'config')
    return ['view', 'get-contexts', 'current-context', 'get-clusters'].includes(sub2 ?? '')
      ? READS
      : [{ changes: `kubectl config ${sub2 ?? ''}`.trim() }];
  return bySubcommand('kubectl', sub, KUBECTL_READS, KUBECTL_WRITES);
};

export const helm: Judge = (args) =>
  bySubcommand(
    'helm',
    operands(args, ['-n', '--namespace', '--kube-context'])[0],
    ['list', 'ls', 'status', 'get', 'history', 'show', 'template', 'version', 'search', 'diff', 'lint', 'env'],
    ['install', 'upgrade', 'uninstall', 'rollback', 'delete', 'push', 'repo'],
  );

export const docker: Judge = (args) => {
  const [sub, sub2] = operands(args, ['-H', '--host', '--context', '-c']);
  if (sub === 'compose')
    return bySubcommand(
      'docker compose',
      sub2,
      ['ps', 'logs', 'config', 'images', 'ls', 'top', 'version'],
      ['up', 'down', 'rm', 'stop', 'start', 'restart', 'kill', 'pull', 'push', 'build', 'run', 'exec'],
    );
  return bySubcommand(
    'docker',
    sub,
    [
      'ps',
      'images',
      'inspect',
      'logs',
      'version',
      'info',
      'stats',
      'top',
      'port',
      'history',
      'manifest',
      'search',
      'diff',
    ],
    [
      'push',
      'pull',
      'rm',
      'rmi',
      'kill',
      'stop',
      'start',
      'restart',
      'run',
      'exec',
      'build',
      'tag',
      'login',
      'prune',
      'system',
      'volume',
      'network',
      'image',
      'container',
    ],
  );
};

const GH_READS = ['list', 'view', 'status', 'diff', 'checks', 'watch', 'download'];
const GH_WRITES = [
  'create',
  'delete',
  'edit',
  'upload',
  'merge',
  'close',
  'reopen',
  'comment',
  'review',
  'ready',
  'rerun',
  'cancel',
  'run',
  'enable',
  'disable',
  'lock',
  'unlock',
  'transfer',
  'archive',
  'rename',
  'sync',
  'fork',
  'set',
  'remove',
];

/** `gh api`: a GET unless a method or fields are given (fields make it a POST). */
function ghApi(args: string[]): Verdict[] {
  const method = optionValue(args, 'X', ['--method'])?.toUpperCase();
  const fields = args.some((a) => /^(?:-f|-F|--field|--raw-field|--input)(?:=|$)/.test(a));
  if ((method && method !== 'GET' && method !== 'HEAD') || (fields && !method))
    return [{ changes: `gh api ${method ?? 'POST'}` }];
  return READS;
}

export const gh: Judge = (args) => {
  const [area, action] = operands(args, ['-R', '--repo', '--hostname']);
  if (area === 'api') return ghApi(args);
  if (area === 'auth') return action === 'status' ? READS : [{ changes: `gh auth ${action ?? ''}`.trim() }];
  if (!area || area === 'help' || area === 'version' || area === 'browse') return READS;
  if (action === undefined) return [{ unknown: `gh ${area}` }];
  return GH_WRITES.includes(action)
    ? [{ changes: `gh ${area} ${action}` }]
    : bySubcommand(`gh ${area}`, action, GH_READS, []);
};
