import { describe, expect, test } from 'vitest';
import { alarmDetail, thresholdText } from '../../src/ui/detail/alarmDetail.js';
import { layoutDetail, type DetailContent } from '../../src/ui/detail/content.js';
import { detailFor } from '../../src/ui/detail/detailFor.js';
import { insightsQuery, logDetail, prettyJson } from '../../src/ui/detail/logDetail.js';
import { deploymentDetail, eventDetail, taskDetail } from '../../src/ui/detail/serviceDetail.js';
import { stepContent } from '../../src/ui/detail/stepContent.js';
import { timelineDetail } from '../../src/ui/detail/timelineDetail.js';
import type { Alarm, LogEvent, ServiceSnapshot } from '../../src/domain/model.js';

const T = { cluster: 'prod', service: 'web', region: 'eu-west-1' };
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const text = (c: DetailContent, width = 78) => layoutDetail(c, width).map((r) => r.text);

const ALARM: Alarm = {
  name: 'facilitator-production-alb-5xx-high',
  kind: 'metric',
  state: 'ALARM',
  reason: 'Threshold Crossed: 1 datapoint [12.0 (15/01/25 12:03:00)] was greater than the threshold (5.0).',
  stateUpdatedAt: T0 + 252_000,
  metric: {
    namespace: 'AWS/ApplicationELB',
    name: 'HTTPCode_Target_5XX_Count',
    stat: 'Sum',
    dimensions: { LoadBalancer: 'app/web/50dc6c495c0c9188', TargetGroup: 'targetgroup/web/6d0ecf831eec9f09' },
  },
  threshold: 5,
  comparison: 'GreaterThanThreshold',
  evaluation: '1 of 1 periods of 60 s',
  description: '5xx from the web target group',
};

describe('alarm detail', () => {
  test('every field whole, its transitions since T+0, the command and the console link', () => {
    const history = {
      status: 'ok' as const,
      transitions: [{ at: T0 + 252_000, from: 'OK' as const, to: 'ALARM' as const, reason: 'Threshold Crossed' }],
    };
    const c = alarmDetail(ALARM, history, { target: T, t0: T0 });
    expect(c.title).toBe('Alarm facilitator-production-alb-5xx-high · ALARM');
    expect(text(c)).toEqual([
      'state       ALARM since 2025-01-15 12:04:12 UTC (T+04:12)',
      'name        facilitator-production-alb-5xx-high',
      'kind        metric alarm',
      'about       5xx from the web target group',
      'metric      AWS/ApplicationELB HTTPCode_Target_5XX_Count (Sum)',
      'dimensions  LoadBalancer=app/web/50dc6c495c0c9188',
      '            TargetGroup=targetgroup/web/6d0ecf831eec9f09',
      'fires when  > 5 (GreaterThanThreshold)',
      'evaluation  1 of 1 periods of 60 s',
      'reason      Threshold Crossed: 1 datapoint [12.0 (15/01/25 12:03:00)] was',
      '            greater than the threshold (5.0).',
      '',
      'State changes since T+0',
      'T+04:12     OK → ALARM at 12:04:12 UTC',
      '            Threshold Crossed',
      '',
      'At the source',
      '# the alarm',
      'aws cloudwatch describe-alarms \\',
      '  --alarm-names facilitator-production-alb-5xx-high --region eu-west-1',
      '# its state changes since T+0',
      'aws cloudwatch describe-alarm-history \\',
      '  --alarm-name facilitator-production-alb-5xx-high \\',
      '  --history-item-type StateUpdate --start-date 2025-01-15T12\\:00\\:00.000Z \\',
      '  --region eu-west-1',
      '# the alarm in the console',
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alar',
      'msV2:alarm/facilitator-production-alb-5xx-high',
    ]);
  });

  test('history loading, failed (the API is not there on moto), or empty; no T+0 yet', () => {
    const minimal: Alarm = { name: 'a', kind: 'composite', state: 'OK', reason: 'fine', stateUpdatedAt: T0 };
    const rows = (h: Parameters<typeof alarmDetail>[1], t0?: number) =>
      text(alarmDetail(minimal, h, { target: T, t0 }));
    expect(rows({ status: 'loading' }, T0)).toContain('loading…');
    expect(rows({ status: 'error', error: 'DescribeAlarmHistory is not implemented' }, T0)).toContain(
      "could not read the alarm's history: DescribeAlarmHistory is not implemented",
    );
    const empty = rows({ status: 'ok', transitions: [] });
    expect(empty).toContain('State changes in the watch window');
    expect(empty).toContain('none in the watch window');
    expect(empty).toContain('kind        composite alarm');
    // Without T+0 there is no history command to give, only the alarm itself.
    expect(empty.filter((r) => r.startsWith('aws '))).toEqual([
      'aws cloudwatch describe-alarms --alarm-names a --region eu-west-1',
    ]);
  });

  test('thresholds as read and as CloudWatch names them', () => {
    expect(thresholdText({ threshold: 0.5, comparison: 'LessThanThreshold' })).toBe('< 0.5 (LessThanThreshold)');
    expect(thresholdText({ threshold: 12345, comparison: 'GreaterThanOrEqualToThreshold' })).toBe(
      '>= 12345 (GreaterThanOrEqualToThreshold)',
    );
    expect(thresholdText({ threshold: 2, comparison: 'LessThanLowerOrGreaterThanUpperThreshold' })).toBe(
      'LessThanLowerOrGreaterThanUpperThreshold 2',
    );
    expect(thresholdText({ threshold: 3 })).toBe('3');
    expect(thresholdText({})).toBeUndefined();
  });
});

const SERVICE: ServiceSnapshot = {
  cluster: 'prod',
  service: 'web',
  status: 'ACTIVE',
  desired: 3,
  running: 3,
  pending: 0,
  deployments: [
    {
      id: 'ecs-svc/123',
      status: 'PRIMARY',
      taskDefinition: { family: 'web', revision: 42 },
      imageTags: ['v1.4.0'],
      desired: 3,
      running: 1,
      pending: 0,
      failed: 2,
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      createdAt: T0,
      updatedAt: T0 + 60_000,
    },
  ],
  events: [],
  stoppedTasks: [],
  serviceDeployments: [
    {
      arn: 'arn:sd',
      status: 'ROLLBACK_IN_PROGRESS',
      statusReason: 'circuit breaker tripped',
      lifecycleStage: 'SCALE_UP',
      sourceRevisions: [{ family: 'web', revision: 41 }],
      targetRevision: { family: 'web', revision: 42 },
      circuitBreaker: { status: 'TRIGGERED', failureCount: 2, threshold: 2 },
      alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
      createdAt: T0,
    },
  ],
  serviceDeploymentsAvailable: true,
  taskDefinitions: {
    'web:42': {
      family: 'web',
      revision: 42,
      arn: 'arn:td',
      status: 'ACTIVE',
      containers: [{ name: 'app', image: '123.dkr.ecr/web:v1.4.0', imageTag: 'v1.4.0', envNames: [] }],
    },
  },
  familyRevisions: [],
  hasLoadBalancer: true,
};

describe('service rows', () => {
  test('a stopped task: id, revision, stop code, reason whole, when; describe-tasks and the console', () => {
    const c = taskDetail(
      {
        taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0f3c1a2b',
        taskDefinition: { family: 'web', revision: 42 },
        stoppedReason:
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed',
        stopCode: 'TaskFailedToStart',
        stoppedAt: T0 + 90_000,
      },
      { target: T, t0: T0 },
    );
    expect(c.title).toBe('Stopped task 0f3c1a2b · web:42');
    expect(text(c)).toEqual([
      'task        0f3c1a2b',
      'revision    web:42',
      'stop code   TaskFailedToStart',
      'reason      ResourceInitializationError: unable to pull secrets or registry',
      '            auth: execution resource retrieval failed',
      'stopped     2025-01-15 12:01:30 UTC (T+01:30)',
      'arn         arn:aws:ecs:eu-west-1:123456789012:task/prod/0f3c1a2b',
      '',
      'At the source',
      '# the task (ECS keeps stopped tasks for about an hour)',
      'aws ecs describe-tasks --cluster prod --tasks 0f3c1a2b --region eu-west-1',
      '# the task in the console',
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/0f3c1a2b/c',
      'onfiguration?region=eu-west-1',
    ]);
  });

  test('a service event: its time and the message whole, the event picked out of describe-services', () => {
    const rows = text(
      eventDetail(
        { id: 'e-77', createdAt: T0 + 5_000, message: '(service web) has started 1 tasks: (task 0f3c1a2b).' },
        { target: T, t0: T0 },
      ),
      200,
    );
    expect(rows.slice(0, 3)).toEqual([
      'at          2025-01-15 12:00:05 UTC (T+00:05)',
      'message     (service web) has started 1 tasks: (task 0f3c1a2b).',
      'event id    e-77',
    ]);
    expect(rows).toContain(
      `aws ecs describe-services --cluster prod --services web --region eu-west-1 --query "services[0].events[?id=='e-77']"`,
    );
    expect(rows).toContain(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1',
    );
  });

  test('a deployment: images whole, counts, rollout reason, what ECS says of it, its task definition', () => {
    const rows = text(deploymentDetail(SERVICE.deployments[0]!, SERVICE, { target: T, t0: T0 }), 120);
    expect(rows).toEqual(
      expect.arrayContaining([
        'images      app: 123.dkr.ecr/web:v1.4.0',
        'tasks       desired 3 · running 1 · pending 0 · failed 2',
        'rollout     FAILED: ECS deployment circuit breaker: tasks failed to start.',
        'ECS says    ROLLBACK_IN_PROGRESS · stage SCALE_UP',
        'why         circuit breaker tripped',
        'breaker     TRIGGERED, 2 of 2 failures',
        'alarms      TRIGGERED: web-5xx, web-p99',
        'triggered   web-5xx',
        'aws ecs describe-task-definition --task-definition web\\:42 --region eu-west-1',
      ]),
    );
  });
});

const LINE: LogEvent = {
  id: 'l1',
  timestamp: T0 + 1234,
  stream: 'ecs/web/0f3c1a2b9d8e4f00aa11bb22cc33dd44',
  message: 'ERROR {"msg":"payment failed","err":{"code":"E42"}}',
  level: 'ERROR',
};

describe('log line detail', () => {
  test('time to the ms, stream and message whole, the JSON indented, the stretch at its source', () => {
    const rows = text(
      logDetail(LINE, {
        target: T,
        t0: T0,
        logGroup: '/ecs/web',
        filterPattern: '?ERROR ?PANIC',
        view: { errorsOnly: false, filter: '' },
      }),
      400,
    );
    expect(rows.slice(0, 16)).toEqual([
      'at          2025-01-15T12:00:01.234Z (T+00:01)',
      'stream      ecs/web/0f3c1a2b9d8e4f00aa11bb22cc33dd44',
      'level       ERROR',
      '',
      'Message',
      'ERROR {"msg":"payment failed","err":{"code":"E42"}}',
      '',
      'As JSON',
      '{',
      '  "msg": "payment failed",',
      '  "err": {',
      '    "code": "E42"',
      '  }',
      '}',
      '',
      'At the source',
    ]);
    expect(rows).toContain(
      "aws logs filter-log-events --log-group-name /ecs/web --log-stream-names ecs/web/0f3c1a2b9d8e4f00aa11bb22cc33dd44 --start-time 1736942341234 --end-time 1736942461234 --filter-pattern '?ERROR ?PANIC' --region eu-west-1",
    );
    expect(rows).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fweb/log-events$3FfilterPattern$3D$253FERROR$2520$253FPANIC$26start$3D1736942341234$26end$3D1736942461234',
    );
    expect(rows.some((r) => r.includes('#logsV2:logs-insights$3FqueryDetail$3D~(end~'))).toBe(true);
  });

  test('no log group known: says where to set one instead of a broken command', () => {
    const rows = text(logDetail(LINE, { target: T, view: { errorsOnly: false, filter: '' } }), 200);
    expect(rows).toContain('log group unknown: the task definition names no awslogs group; set logGroup in the config');
    expect(rows.some((r) => r.startsWith('aws '))).toBe(false);
  });

  test('prettyJson: whole or after a prefix; not JSON, or a scalar, is left alone; decoded escapes are cleaned again', () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('INFO {"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('GET /health 200')).toBeUndefined();
    expect(prettyJson('[main] started')).toBeUndefined();
    expect(prettyJson('{not json')).toBeUndefined();
    // The text "\u202e" parses into the bidi override itself: it must come out visible, not act.
    expect(prettyJson('{"x":"\\u202eevil"}')).toBe('{\n  "x": "\\u202eevil"\n}');
  });

  test('the Logs Insights query carries the stream and the pane filters', () => {
    expect(insightsQuery("ecs/web/it's", { errorsOnly: true, filter: 'a.b/c' })).toBe(
      [
        'fields @timestamp, @logStream, @message',
        "| filter @logStream = 'ecs/web/it\\'s'",
        '| filter @message like /ERROR|PANIC|FATAL/',
        '| filter @message like /(?i)a\\.b\\/c/',
        '| sort @timestamp asc',
        '| limit 500',
      ].join('\n'),
    );
    expect(insightsQuery('s', { errorsOnly: false, filter: '/time(out)?/' })).toContain(
      '| filter @message like /(?i)time(out)?/',
    );
  });
});

describe('step detail and the rest', () => {
  test('a step: the command whole, what it expects, the output every line, escapes shown not acted on', () => {
    const c = stepContent(
      {
        id: 's',
        title: 'smoke',
        phase: 'post',
        kind: 'command',
        command: { run: 'curl -fsS https://x/health', timeoutMs: 1000, expect: { exitCode: 0, outputRegex: 'ok' } },
      },
      { status: 'failed', output: 'line one\n\u001b[2Jline two' },
    );
    expect(c.title).toBe('smoke · failed');
    expect(text(c)).toEqual([
      '$ curl -fsS https://x/health',
      'kind        command (post)',
      'expects     exit 0, output matches /ok/',
      '',
      'Output',
      'line one',
      'line two',
    ]);
    expect(text(stepContent(undefined, undefined))).toEqual([]);
    expect(stepContent(undefined, undefined).title).toBe('no step selected · pending');
    expect(
      text(
        stepContent(
          { id: 'b', title: 'quiet logs', phase: 'post', kind: 'no-log-errors', params: { minutes: 5 } },
          undefined,
        ),
      ),
    ).toEqual(['kind        no-log-errors (post)', 'params      minutes=5', '', 'Output', '(not run yet)']);
  });

  test('a timeline line: its time absolute and from T+0, the text whole', () => {
    const c = timelineDetail(
      { at: T0 + 61_000, text: 'ECS: (service web) was unable to place a task', tone: 'bad' },
      T0,
    );
    expect(c.title).toBe('Timeline · 2025-01-15 12:01:01 UTC (T+01:01)');
    expect(layoutDetail(c, 60)).toEqual([
      { text: 'at          2025-01-15 12:01:01 UTC (T+01:01)', tone: undefined },
      { text: 'what        ECS: (service web) was unable to place a task', tone: 'bad' },
    ]);
  });

  test('a row gone from the data says so', () => {
    const c = detailFor(undefined, {
      target: T,
      view: { errorsOnly: false, filter: '' },
      history: { status: 'loading' },
    });
    expect(c.title).toBe('Gone');
    expect(text(c)).toEqual(['this row is no longer in the data shown (Esc goes back)']);
  });

  test('a narrow view puts a field value under its label', () => {
    expect(text({ title: 't', blocks: [{ kind: 'field', label: 'reason', value: 'a b c d e f' }] }, 20)).toEqual([
      'reason',
      'a b c d e f',
    ]);
  });
});
