// HTTP clients and the AWS CLI: a read is a GET (or HEAD/OPTIONS) with no body, or an AWS API whose
// name says it reads; anything else sent is a change.
import { optionValue, READS, type Judge, type Verdict } from './verdict.js';

/** HTTP steps and curl/wget alike: only these methods are safe (RFC 9110), all else may change things. */
export const httpMethodReads = (method: string): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

const CURL_BODY = /^(?:--data(?:-raw|-binary|-urlencode|-ascii)?|--json|--form(?:-string)?|--upload-file)(?:=|$)/;

export const curl: Judge = (args) => {
  const out: Verdict[] = [];
  const method = optionValue(args, 'X', ['--request'])?.toUpperCase();
  if (method !== undefined && !httpMethodReads(method)) out.push({ changes: `curl ${method || 'with a method'}` });
  // -G sends the data as the query string of a GET.
  const asQuery = args.some((a) => a === '-G' || a === '--get' || /^-[A-Za-z]*G[A-Za-z]*$/.test(a));
  const body = args.some((a) => CURL_BODY.test(a) || /^-[A-Za-z]*[dFT]/.test(a));
  if (body && !asQuery && method === undefined) out.push({ changes: 'curl sending data' });
  const file = optionValue(args, 'o', ['--output']);
  if (file !== undefined && !isNullDevice(file)) out.push({ changes: `curl -o ${file}` });
  if (args.some((a) => a === '-O' || a === '--remote-name' || a === '--remote-name-all'))
    out.push({ changes: 'curl -O (saves a file)' });
  return out;
};

const WGET_SENDS = /^--(?:post-data|post-file|body-data|body-file)(?:=|$)/;

export const wget: Judge = (args) => {
  const out: Verdict[] = [];
  const method = optionValue(args, undefined, ['--method'])?.toUpperCase();
  if (method !== undefined && !httpMethodReads(method)) out.push({ changes: `wget ${method || 'with a method'}` });
  if (args.some((a) => WGET_SENDS.test(a))) out.push({ changes: 'wget sending data' });
  // Without -O - (or --spider) wget saves what it fetches to a file.
  const doc = optionValue(args, 'O', ['--output-document']);
  const spider = args.includes('--spider');
  if (!spider && doc !== '-' && !(doc && isNullDevice(doc)))
    out.push({ changes: doc ? `wget -O ${doc}` : 'wget (saves a file)' });
  return out;
};

export const isNullDevice = (path: string): boolean => /^\/dev\/(?:null|stdout|stderr|fd\/[12])$/.test(path);

const AWS_WRITE =
  /^(create|update|delete|put|start|stop|run|register|deregister|terminate|modify|attach|detach|tag|untag|execute|invoke|publish|send|reboot|restore|set|enable|disable|import|cancel|reset|associate|disassociate|authorize|revoke|apply|remove|add|copy|replace|submit|rotate|restart|purge|batch-(?!get)|deploy|push|sync|upload|login|subscribe|unsubscribe|confirm|accept|reject|allocate|release|request|schedule|increase|decrease|merge|change|upgrade|promote|failover|flush|resize|initiate|complete|abort|respond|signal|suspend|resume|activate|deactivate|lock|unlock|assign|unassign|archive|recover|export|transfer|enter|exit|force)/;
const AWS_READ =
  /^(describe|list|get|wait|head|tail|filter|search|lookup|query|scan|help|validate|test-|estimate|preview)/;
const AWS_S3_WRITE = new Set(['cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'website']);
const AWS_S3_READ = new Set(['ls', 'presign']);
/** Global options that take a value, so the value is not taken for the service or the operation. */
const AWS_VALUE_FLAGS = new Set([
  '--region',
  '--profile',
  '--output',
  '--endpoint-url',
  '--query',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
]);

export const aws: Judge = (args) => {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < 2; i++) {
    const a = args[i]!;
    if (AWS_VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  const [svc, action] = words;
  if (!svc || svc === 'help' || action === 'help') return READS;
  if (svc === 's3') {
    if (action && AWS_S3_WRITE.has(action)) return [{ changes: `aws s3 ${action}` }];
    return action && AWS_S3_READ.has(action) ? READS : [{ unknown: `aws s3 ${action ?? ''}`.trim() }];
  }
  if (svc === 'configure')
    return !action || /^(list|get)/.test(action) ? READS : [{ changes: `aws configure ${action}` }];
  if (!action) return [{ unknown: `aws ${svc}` }];
  if (AWS_WRITE.test(action)) return [{ changes: `aws ${svc} ${action}` }];
  return AWS_READ.test(action) ? READS : [{ unknown: `aws ${svc} ${action}` }];
};
