// The entry `shipwatch init` writes, and how it goes into an existing config: the user's file is
// kept byte for byte outside the entry, and nothing is returned that would not read back exactly.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { entryConfig, entryText } from '../../src/config/targetEntry.js';
import { checkResult, hasTarget, withTarget } from '../../src/config/targetSplice.js';
import type { Discovery } from '../../src/domain/discovery.js';
import { UsageError } from '../../src/domain/errors.js';

const TG = 'targetgroup/api-tg/0123456789abcdef';
const found: Discovery = {
  cluster: 'prod',
  service: 'api',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/api',
  status: 'ACTIVE',
  taskDefinition: { family: 'api', revision: 7 },
  logGroup: '/ecs/api',
  containers: [
    { name: 'api', logDriver: 'awslogs', logGroup: '/ecs/api', logRegion: 'us-east-1' },
    { name: 'envoy', logDriver: 'awslogs', logGroup: '/ecs/envoy' },
  ],
  targetGroups: [
    {
      arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:${TG}`,
      name: 'api-tg',
      dimension: TG,
      loadBalancer: 'app/api-alb/fedcba9876543210',
    },
  ],
  alarms: [
    { name: 'api-cpu-high', matched: 'ServiceName=api, ClusterName=prod' },
    { name: 'api-tg-5xx', matched: `TargetGroup=${TG}` },
  ],
};
const opts = { name: 'api-test', region: 'us-east-1', date: '2026-05-01' };
const bare: Discovery = { ...found, logGroup: undefined, containers: [{ name: 'api' }], targetGroups: [], alarms: [] };

const ENTRY = `# written by shipwatch init 2026-05-01 from prod/api
api-test:
  cluster: prod
  service: api
  region: us-east-1
  # the awslogs group of container api in task definition api:7 (awslogs-region us-east-1).
  # container envoy logs to /ecs/envoy (not followed).
  # Left out, shipwatch finds the group in the serving task definition at each start.
  logGroup: /ecs/api
  # target groups, read from the service at each start (listed for reference):
  #   api-tg: ${TG} behind app/api-alb/fedcba9876543210
  # alarms whose dimensions name this service or its target groups (why, above each).
  # Left out, shipwatch watches the alarms whose names start with "api".
  alarms:
    names:
      # ServiceName=api, ClusterName=prod
      - api-cpu-high
      # TargetGroup=${TG}
      - api-tg-5xx
`;

const USER = `# my shipwatch config
readOnly: true   # nobody rolls back from here
thresholds:
    cpu: 30
targets:
    # the main one
    prod-api:
        cluster: prod
        service: api-v1
        # inner note

    staging:
        cluster: staging
        service: api
# end of file
`;

describe('the entry', () => {
  it('is commented: where the log group came from, the target groups, why each alarm matched', () => {
    expect(entryText(found, opts)).toBe(ENTRY);
  });

  it('says what happens when nothing was found, and writes profile and endpoint only when given', () => {
    const text = entryText(bare, { ...opts, profile: 'prod-ro', endpointUrl: 'http://127.0.0.1:5000' });
    expect(text).toBe(`# written by shipwatch init 2026-05-01 from prod/api
api-test:
  cluster: prod
  service: api
  region: us-east-1
  profile: prod-ro
  endpointUrl: http://127.0.0.1:5000
  # no awslogs log group in task definition api:7 (log drivers: none):
  # set logGroup: for the Logs pane.
  # target groups: none (the service has no load balancer).
  # no metric alarm's dimensions name this service or its target groups:
  # left out, shipwatch watches the alarms whose names start with "api".
`);
    expect(entryConfig(bare, opts)).toEqual({ cluster: 'prod', service: 'api', region: 'us-east-1' });
  });

  it('notes a log region that is not the region shipwatch reads logs in', () => {
    expect(entryText(found, { ...opts, region: 'eu-west-1' })).toContain(
      '  # Note: shipwatch reads logs in eu-west-1, not us-east-1.\n',
    );
  });

  it('alone, is a config that parses and holds just this target', () => {
    const text = withTarget('', 'new.yaml', found, opts);
    expect(text).toBe(
      `# shipwatch NAME watches a target (shipwatch targets lists them)\ntargets:\n${ENTRY.replace(/^/gm, '  ').replace(/ +$/, '')}`,
    );
    expect(parseConfig(text, 'new.yaml')).toEqual({ targets: { 'api-test': entryConfig(found, opts) } });
  });
});

describe('adding it to a config file', () => {
  it('keeps every byte of the file and adds the entry after the last target, at its indentation', () => {
    const out = withTarget(USER, 'c.yaml', found, opts);
    const at = USER.indexOf('# end of file');
    expect(out.slice(0, at)).toBe(USER.slice(0, at));
    expect(out.endsWith('# end of file\n')).toBe(true);
    // The file's own step (4 spaces) is used inside the entry too.
    expect(out).toContain(
      '\n\n    # written by shipwatch init 2026-05-01 from prod/api\n    api-test:\n        cluster: prod\n',
    );
    expect(out).toContain('        alarms:\n            names:\n                # ServiceName=api, ClusterName=prod\n');
    const c = parseConfig(out, 'c.yaml');
    expect(Object.keys(c.targets ?? {})).toEqual(['prod-api', 'staging', 'api-test']);
    expect(c.targets?.['prod-api']).toEqual({ cluster: 'prod', service: 'api-v1' });
    expect(c.readOnly).toBe(true);
  });

  it('replaces its own entry, header and trailing comments included, and nothing else', () => {
    const once = withTarget(USER, 'c.yaml', found, opts);
    const again = withTarget(once, 'c.yaml', bare, opts);
    expect(again.match(/written by shipwatch init/g)).toHaveLength(1);
    expect(again).not.toContain('api-tg-5xx');
    expect(again).not.toContain('target groups, read from');
    expect(again.replace(/\n\n {4}# written by[^]*# left out, [^\n]*\n/, '\n')).toBe(USER);
    expect(withTarget(again, 'c.yaml', bare, opts)).toBe(again);
    expect(withTarget(again, 'c.yaml', found, opts)).toBe(once);
  });

  it("replaces a hand-written target of that name, keeping the user's comment above it", () => {
    const out = withTarget(USER, 'c.yaml', found, { ...opts, name: 'prod-api' });
    expect(out).toContain('    # the main one\n    # written by shipwatch init');
    expect(out).not.toContain('api-v1');
    expect(out).not.toContain('# inner note');
    expect(out.endsWith('    staging:\n        cluster: staging\n        service: api\n# end of file\n')).toBe(true);
  });

  it('creates targets: when the file has none, after everything in it', () => {
    const src = '# top\ncluster: prod\nservice: web # the default\n';
    const out = withTarget(src, 'c.yaml', found, opts);
    expect(out.startsWith(`${src}\ntargets:\n  # written by`)).toBe(true);
    expect(parseConfig(out, 'c.yaml')).toMatchObject({ cluster: 'prod', service: 'web', targets: { 'api-test': {} } });
    expect(withTarget('cluster: prod', 'c.yaml', found, opts).startsWith('cluster: prod\n\ntargets:\n')).toBe(true);
  });

  it('fills an empty targets: left by hand', () => {
    const out = withTarget('region: eu-west-1\ntargets:\n', 'c.yaml', found, opts);
    expect(parseConfig(out, 'c.yaml')).toMatchObject({
      region: 'eu-west-1',
      targets: { 'api-test': { service: 'api' } },
    });
  });

  it('edits a flow-style targets map through the YAML document', () => {
    const out = withTarget('# mine\ntargets: { a: { cluster: c, service: s } }\n', 'c.yaml', found, opts);
    expect(out.startsWith('# mine\n')).toBe(true);
    expect(out).toContain('\n  # written by shipwatch init 2026-05-01 from prod/api\n  api-test:\n');
    expect(withTarget('targets: {}\n', 'c.yaml', found, opts)).toBe(`targets:\n${ENTRY.replace(/^(?=.)/gm, '  ')}`);
    expect(parseConfig(out, 'c.yaml').targets).toEqual({
      a: { cluster: 'c', service: 's' },
      'api-test': entryConfig(found, opts),
    });
  });

  it('tells whether the file already has the target, and refuses a file that does not parse', () => {
    expect(hasTarget(USER, 'c.yaml', 'staging')).toBe(true);
    expect(hasTarget(USER, 'c.yaml', 'api-test')).toBe(false);
    expect(hasTarget('', 'c.yaml', 'api-test')).toBe(false);
    expect(() => hasTarget('targets:\n  x: {clustr: a}\n', 'c.yaml', 'x')).toThrow(/^c\.yaml:2: /);
    expect(() => withTarget('targets: [', 'c.yaml', found, opts)).toThrow(UsageError);
  });
});

describe('hostile names from AWS', () => {
  const evil = [
    'api-\x1b]0;pwned\x07cpu\nregion: eu-west-1',
    "it's: #not-a-comment",
    'bidi-\u202eevil',
    '- item',
    'zw\u200bsp\u2028line',
  ];
  const hostile: Discovery = {
    ...found,
    logGroup: '/ecs/\x1b[2Jclear',
    containers: [{ name: 'api\nlogGroup: /ecs/other', logDriver: 'awslogs', logGroup: '/ecs/\x1b[2Jclear' }],
    alarms: evil.map((name) => ({ name, matched: `ServiceName=api\nalarms: {prefix: x}` })),
  };

  it('are quoted data: no key injected, every name read back exactly, no control or invisible character in the file', () => {
    const out = withTarget(USER, 'c.yaml', hostile, opts);
    const entry = parseConfig(out, 'c.yaml').targets?.['api-test'];
    expect(entry).toEqual(entryConfig(hostile, opts));
    expect(Object.keys(entry ?? {})).toEqual(['cluster', 'service', 'region', 'logGroup', 'alarms']);
    expect(entry?.alarms?.names).toEqual(evil);
    expect(entry?.logGroup).toBe('/ecs/\x1b[2Jclear');
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u2028\u202e]/);
    expect(out).toContain('"api-\\e]0;pwned\\acpu\\nregion: eu-west-1"');
    expect(out).toContain('"bidi-\\u202eevil"');
    // Comments stay one line each: the newline is shown, not obeyed.
    expect(out).toContain('# ServiceName=api ⏎ alarms: {prefix: x}\n');
    expect(out).toContain('container api ⏎ logGroup: /ecs/other in task definition');
  });
});

describe('the guard before writing', () => {
  it('catches a splice that would change a value elsewhere, and writes through the document instead', () => {
    // Appending after a "keep" block scalar would add a newline to its value.
    const src = 'logFilterPattern: |+\n  ERROR\n\n';
    const out = withTarget(src, 'c.yaml', found, opts);
    expect(parseConfig(out, 'c.yaml').logFilterPattern).toBe('ERROR\n\n');
    expect(parseConfig(out, 'c.yaml').targets?.['api-test']).toEqual(entryConfig(found, opts));
  });

  it('catches a splice that would not parse (text after the document end)', () => {
    const out = withTarget('cluster: prod\n...\n', 'c.yaml', found, opts);
    expect(parseConfig(out, 'c.yaml')).toMatchObject({ cluster: 'prod', targets: { 'api-test': {} } });
  });

  it('says why a result must not be written', () => {
    const before = parseConfig(USER, 'c.yaml');
    const entry = entryConfig(found, opts);
    const good = withTarget(USER, 'c.yaml', found, opts);
    expect(checkResult(good, 'c.yaml', before, 'api-test', entry)).toBeUndefined();
    expect(checkResult(`${good}  bad: [\n`, 'c.yaml', before, 'api-test', entry)).toMatch(
      /^c\.yaml:\d+: not valid YAML/,
    );
    expect(checkResult(good.replace('cpu: 30', 'cpu: 31'), 'c.yaml', before, 'api-test', entry)).toBe(
      'the rest of the file would change',
    );
    expect(checkResult(good.replace('- api-tg-5xx', '- other'), 'c.yaml', before, 'api-test', entry)).toBe(
      'target api-test would not read back as written',
    );
    expect(checkResult(USER, 'c.yaml', before, 'api-test', entry)).toBe(
      'target api-test would not read back as written',
    );
  });
});
