// git: looking (log, status, diff, fetch, listing tags and branches) reads; anything that moves a
// branch, the working tree, a tag or the remote is named.
import { bySubcommand, operands, READS, type Judge } from './verdict.js';

const GIT_READS = [
  'log',
  'status',
  'diff',
  'show',
  'rev-parse',
  'describe',
  'ls-files',
  'ls-remote',
  'shortlog',
  'blame',
  'grep',
  'cat-file',
  'rev-list',
  'version',
  'help',
  // Updates remote-tracking refs only: not your branches, not the remote, not the working tree.
  'fetch',
];
const GIT_WRITES = [
  'push',
  'pull',
  'checkout',
  'switch',
  'reset',
  'merge',
  'rebase',
  'commit',
  'cherry-pick',
  'revert',
  'restore',
  'clean',
  'rm',
  'mv',
  'add',
  'apply',
  'am',
  'init',
  'clone',
  'gc',
  'prune',
];
/** `git tag`, `git branch`, `git remote`, `git stash`: listing reads; with these (or a name) they change refs. */
const GIT_LISTERS: Record<string, { lists: RegExp; name: (args: string[]) => string }> = {
  tag: { lists: /^(?:-l|--list|-n\d*|--contains|--points-at|--sort(?:=.*)?|-v|--verify)$/, name: deleteOr('tag') },
  branch: {
    lists: /^(?:-a|-r|-v|-vv|--list|-l|--show-current|--contains|--merged|--no-merged|--all|--remotes|--sort(?:=.*)?)$/,
    name: deleteOr('branch'),
  },
  remote: { lists: /^(?:-v|--verbose|show|get-url)$/, name: (a) => `git remote ${operands(a)[0] ?? ''}`.trim() },
  stash: { lists: /^(?:list|show)$/, name: (a) => `git stash ${operands(a)[0] ?? 'push'}` },
};

/** Only listing options; names after them are patterns to list (`git tag -l 'v1.*'`), not refs to make. */
function listsOnly(lists: RegExp, rest: string[]): boolean {
  const options = rest.filter((a) => a.startsWith('-'));
  const names = rest.length - options.length;
  return options.every((a) => lists.test(a)) && (names === 0 || options.length > 0 || lists.test(rest[0]!));
}

function deleteOr(sub: string): (args: string[]) => string {
  return (args) => (args.some((a) => a === '-d' || a === '-D' || a === '--delete') ? `git ${sub} -d` : `git ${sub}`);
}

export const git: Judge = (args) => {
  const words = operands(args, ['-C', '-c', '--git-dir', '--work-tree', '--namespace']);
  const sub = words[0];
  const rest = args.slice(args.indexOf(sub!) + 1);
  const lister = sub ? GIT_LISTERS[sub] : undefined;
  if (sub === 'stash' && !rest.length) return [{ changes: 'git stash' }];
  if (lister) return listsOnly(lister.lists, rest) ? READS : [{ changes: lister.name(rest) }];
  if (sub === 'config')
    return rest.some((a) => /^(?:--get|--list|-l|--get-all|--get-regexp)$/.test(a))
      ? READS
      : [{ unknown: 'git config' }];
  if (sub === 'reflog') return !rest[0] || rest[0] === 'show' ? READS : [{ changes: `git reflog ${rest[0]}` }];
  return bySubcommand('git', sub, GIT_READS, GIT_WRITES);
};
