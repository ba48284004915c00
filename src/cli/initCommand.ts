// `shipwatch init --cluster C --service S`: discovers the service through read-only calls (its
// log group, target groups and the alarms whose dimensions name it), says what it found, and
// writes a commented target entry to the config file `shipwatch NAME` reads. An entry of the same
// name is replaced only when asked (--force, or y at the prompt); the write is atomic.
import { resolve } from 'node:path';
import { readText, writeAtomically } from './configFileWrite.js';
import { createInterface } from 'node:readline';
import type { SubcommandModule } from './commands.js';
import { Command } from 'commander';
import { quote } from 'shell-quote';
import { findConfigFile } from '../config/load.js';
import { targetNameSchema, targetSchema } from '../config/schema.js';
import { userConfigPath } from '../config/statePaths.js';
import { hasTarget, withTarget } from '../config/targetSplice.js';
import type { Discovery } from '../domain/discovery.js';
import { UsageError } from '../domain/errors.js';
import { refKey } from '../domain/model.js';
import { sanitizeLine } from '../domain/sanitize.js';
import { parseSubcommand } from './flags.js';

interface InitOptions {
  cluster: string;
  service: string;
  name?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  config?: string;
  print?: boolean;
  force?: boolean;
}

export const initProgram = (): Command =>
  new Command('shipwatch init')
    .description(
      'Discover an ECS service (its log group, target groups, and the alarms whose dimensions name it) through ' +
        'read-only calls, and write its target entry to the config file, so that shipwatch NAME watches it.',
    )
    .requiredOption('--cluster <name>', 'ECS cluster of the service')
    .requiredOption('--service <name>', 'ECS service to discover')
    .option('--name <target>', 'name of the target entry: shipwatch NAME watches it (default: the service name)')
    .option('--region <region>', "AWS region (default: AWS_REGION or the profile's region); written to the entry")
    .option('--profile <name>', 'AWS profile from ~/.aws/config; written to the entry')
    .option(
      '--endpoint-url <url>',
      'send every AWS request to this endpoint (tests, local emulators); written to the entry',
    )
    .option(
      '--config <file>',
      'the config file to write (default: the one shipwatch NAME reads: ./shipwatch.yaml when present, else $XDG_CONFIG_HOME/shipwatch/config.yaml)',
    )
    .option(
      '--print',
      'print a config holding just this target to stdout, write nothing (what was found goes to stderr)',
    )
    .option('--force', 'replace a target of the same name without asking');

const usage = (message: string) => new UsageError(`init: ${message}`);

function checkFlags(o: InitOptions): string {
  const name = targetNameSchema.safeParse(o.name ?? o.service);
  if (!name.success)
    throw usage(
      `${o.name ? '--name' : `the service name ${JSON.stringify(o.service)} as a target name`}: ${name.error.issues[0]!.message}` +
        (o.name ? '' : ' (pick one with --name)'),
    );
  if (o.endpointUrl !== undefined && !targetSchema.shape.endpointUrl.safeParse(o.endpointUrl).success)
    throw usage(`--endpoint-url: not a URL (got ${JSON.stringify(o.endpointUrl)})`);
  return name.data;
}

/** The region as a watch resolves it (flag, AWS_REGION, the profile), then the four read-only calls. */
async function discover(o: InitOptions): Promise<{ discovery: Discovery; region: string }> {
  const { createAwsBackend } = await import('../adapters/aws/index.js');
  const { createClients, destroyClients } = await import('../adapters/aws/clients.js');
  const { discoverService } = await import('../adapters/aws/discover.js');
  const { cluster, service, profile, endpointUrl } = o;
  const watch = { cluster, service, region: o.region, profile, endpointUrl };
  // A backend is built only for its region, resolved exactly as `shipwatch NAME` will; it sends nothing.
  const probe = await createAwsBackend({ ...watch, alarms: {}, metrics: [], liveTail: false, watchWindowMs: 0 });
  const region = probe.target.region!;
  probe.close();
  const clients = createClients({ region, profile, endpoint: endpointUrl });
  try {
    // No overall deadline: each call has its own (clients.ts), and a region's alarms may take many pages.
    const discovery = await discoverService(clients, { cluster, service, profile }, new AbortController().signal);
    return { discovery, region };
  } finally {
    destroyClients(clients);
  }
}

/** What was found, one sanitised line each: every name in it comes from AWS. */
function summary(d: Discovery, region: string): string {
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  const lines = [
    `found service ${d.service} in cluster ${d.cluster} (${region}, ${d.status})`,
    `  task definition: ${d.taskDefinition ? refKey(d.taskDefinition) : 'none'}`,
    `  log group: ${d.logGroup ? `${d.logGroup} (container ${d.containers.find((c) => c.logGroup === d.logGroup)?.name})` : 'none in the task definition'}`,
    `  ${n(d.targetGroups.length, 'target group')}${d.targetGroups.length ? `: ${d.targetGroups.map((g) => g.name).join(', ')}` : ''}`,
    `  ${n(d.alarms.length, 'alarm')}${d.alarms.length ? ':' : ` (the dashboard's default: names starting with ${d.service})`}`,
    ...d.alarms.map((a) => `    ${a.name}  (${a.matched})`),
  ];
  return lines.map((l) => `${sanitizeLine(l)}\n`).join('');
}

/** One line from the terminal: only y or Y says yes; Enter, anything else or end of input says no. */
function confirm(question: string): Promise<boolean> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let yes = false;
    rl.once('line', (line) => {
      yes = /^[yY]$/.test(line.trim());
      rl.close();
    });
    rl.once('close', () => done(yes));
    process.stderr.write(question);
  });
}

/** Whether the file already names the target; a file that does not parse is refused before AWS is asked. */
function targetIn(text: string, file: string, name: string): boolean {
  try {
    return hasTarget(text, file, name);
  } catch (e) {
    throw e instanceof UsageError ? usage(`${e.message} (fix it first: init adds to a valid file only)`) : e;
  }
}

export async function runInitCommand(argv: string[]): Promise<number> {
  const program = initProgram();
  if (!parseSubcommand(program, argv, 'init')) return 0;
  const o = program.opts<InitOptions>();
  const name = checkFlags(o);
  // The file `shipwatch NAME` will read, so the entry written is the one watched.
  const file = o.config ?? findConfigFile(undefined) ?? userConfigPath();
  const before = o.print ? undefined : readText(file);
  const exists = before !== undefined && targetIn(before, file, name);
  // Without a terminal nobody can be asked: say so before any AWS call is made.
  if (exists && !o.force && !process.stdin.isTTY)
    throw usage(`${file} already has a target ${name}: --force replaces it, --name picks another name`);

  const { discovery, region } = await discover(o);
  const out = o.print ? process.stderr : process.stdout;
  out.write(summary(discovery, region));
  const entry = {
    name,
    region,
    profile: o.profile,
    endpointUrl: o.endpointUrl,
    date: new Date().toISOString().slice(0, 10),
  };
  if (o.print) {
    process.stdout.write(withTarget('', 'the printed config', discovery, entry));
    return 0;
  }
  const text = withTarget(before ?? '', file, discovery, entry);
  if (exists && !o.force && !(await confirm(sanitizeLine(`replace target ${name} in ${file}? [y/N] `)))) {
    out.write(sanitizeLine(`kept target ${name} in ${file} as it was`) + '\n');
    return 0;
  }
  writeAtomically(file, text, before);
  const reads = findConfigFile(undefined);
  const plain = reads !== undefined && resolve(reads) === resolve(file);
  out.write(
    sanitizeLine(`wrote target ${name} to ${file}`) +
      '\n' +
      sanitizeLine(`watch it: shipwatch ${plain ? '' : `${quote(['--config', file])} `}${name}`) +
      '\n',
  );
  return 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: initProgram, run: runInitCommand };
