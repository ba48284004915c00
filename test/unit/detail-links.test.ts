import { describe, expect, test } from 'vitest';
import {
  alarmHistoryCommand,
  alarmUrl,
  byIdQuery,
  commandLine,
  describeAlarmsCommand,
  describeServicesCommand,
  describeTaskDefinitionCommand,
  describeTasksCommand,
  filterLogEventsCommand,
  insightsUrl,
  jsurl,
  logEventsUrl,
  serviceUrl,
  taskId,
  taskUrl,
} from '../../src/ui/detail/awsLinks.js';

const T = { cluster: 'prod', service: 'facilitator', region: 'eu-west-1' };
const AT = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('aws commands, shell-quoted', () => {
  test('an alarm, and its history since T+0', () => {
    expect(commandLine(describeAlarmsCommand('facilitator-production-alb-5xx-high', T))).toBe(
      'aws cloudwatch describe-alarms --alarm-names facilitator-production-alb-5xx-high --region eu-west-1',
    );
    expect(commandLine(describeAlarmsCommand("web 5xx (it's high)", T))).toBe(
      `aws cloudwatch describe-alarms --alarm-names "web 5xx (it's high)" --region eu-west-1`,
    );
    expect(commandLine(alarmHistoryCommand('web-5xx', AT, T))).toBe(
      'aws cloudwatch describe-alarm-history --alarm-name web-5xx --history-item-type StateUpdate --start-date 2025-01-15T12\\:00\\:00.000Z --region eu-west-1',
    );
  });

  test('a stopped task by its id, a service with the event or deployment picked out, a revision', () => {
    expect(taskId('arn:aws:ecs:eu-west-1:123456789012:task/prod/0f3c1a2b9d8e4f00')).toBe('0f3c1a2b9d8e4f00');
    expect(commandLine(describeTasksCommand('0f3c1a2b9d8e4f00', T))).toBe(
      'aws ecs describe-tasks --cluster prod --tasks 0f3c1a2b9d8e4f00 --region eu-west-1',
    );
    expect(commandLine(describeServicesCommand(T))).toBe(
      'aws ecs describe-services --cluster prod --services facilitator --region eu-west-1',
    );
    expect(commandLine(describeServicesCommand(T, byIdQuery('events', 'ab12')))).toBe(
      `aws ecs describe-services --cluster prod --services facilitator --region eu-west-1 --query "services[0].events[?id=='ab12']"`,
    );
    expect(byIdQuery('deployments', "x'y")).toBe("services[0].deployments[?id=='x\\'y']");
    expect(commandLine(describeTaskDefinitionCommand({ family: 'facilitator', revision: 42 }, T))).toBe(
      'aws ecs describe-task-definition --task-definition facilitator\\:42 --region eu-west-1',
    );
  });

  test('a stretch of a log stream, with and without a filter pattern', () => {
    const span = { group: '/ecs/facilitator', stream: 'ecs/web/0f3c', start: AT - 60_000, end: AT + 60_000 };
    expect(commandLine(filterLogEventsCommand(span, T))).toBe(
      'aws logs filter-log-events --log-group-name /ecs/facilitator --log-stream-names ecs/web/0f3c --start-time 1736942340000 --end-time 1736942460000 --region eu-west-1',
    );
    expect(commandLine(filterLogEventsCommand({ ...span, stream: undefined, pattern: '?ERROR ?PANIC' }, T))).toBe(
      "aws logs filter-log-events --log-group-name /ecs/facilitator --start-time 1736942340000 --end-time 1736942460000 --filter-pattern '?ERROR ?PANIC' --region eu-west-1",
    );
  });
});

describe('console addresses', () => {
  test('alarm, task, service: region and names encoded, a cluster ARN by its name', () => {
    expect(alarmUrl('web 5xx/high', T)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/web%205xx%2Fhigh',
    );
    expect(taskUrl('0f3c', T)).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/0f3c/configuration?region=eu-west-1',
    );
    expect(serviceUrl({ ...T, cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/facilitator/health?region=eu-west-1',
    );
  });

  test('log group events with the filter: the console hash route, encoded twice with $ for %', () => {
    expect(logEventsUrl({ group: '/ecs/facilitator', start: 1, end: 2, pattern: '"ERROR"' }, T)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Ffacilitator/log-events$3FfilterPattern$3D$2522ERROR$2522$26start$3D1$26end$3D2',
    );
    expect(logEventsUrl({ group: 'g', stream: 'ecs/web/0f3c', start: 1, end: 2 }, T)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/g/log-events/ecs$252Fweb$252F0f3c$3Fstart$3D1$26end$3D2',
    );
  });

  test('JSURL, and a Logs Insights query opened on the span', () => {
    expect(jsurl({ a: 1, b: 'x y', c: ['/g'], d: true })).toBe("~(a~1~b~'x*20y~c~(~'*2fg)~d~true)");
    expect(jsurl({ s: 'é$~' })).toBe("~(s~'*e9!*7e)");
    expect(jsurl([])).toBe('~(~)');
    expect(insightsUrl('/ecs/web', "fields @message\n| filter @logStream = 'a/b'", 0, 60_000, T)).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D~(end~'1970-01-01T00*3a01*3a00.000Z~start~'1970-01-01T00*3a00*3a00.000Z~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields*20*40message*0a*7c*20filter*20*40logStream*20*3d*20*27a*2fb*27~source~(~'*2fecs*2fweb))",
    );
  });
});
