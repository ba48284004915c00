// Deny by default: a command reads only when every part of it is known to read. The commands the
// issue found running on `c` without a confirm (and some under --read-only), each a row.
import { describe, expect, it } from 'vitest';
import { commandRisk } from '../../src/checklist/commandRisk.js';
import { ISSUE_CHANGES, ISSUE_READ_ONLY } from './command-risk-cases.js';

describe('commandRisk: the commands from the issue', () => {
  it.each([...ISSUE_CHANGES, ...ISSUE_READ_ONLY])('%s changes: %j', (run, changes) => {
    expect(commandRisk(run)).toEqual({ kind: 'changes', changes, unknown: [] });
  });
});

describe('commandRisk: through wrappers, substitutions, subshells and redirections', () => {
  it.each([
    ["bash -c 'git push origin main'", ['git push']],
    ['sudo -u deploy rm /srv/web/release.lock', ['rm']],
    ['aws ecs list-tasks --cluster c | xargs -n1 aws ecs stop-task --cluster c --task', ['aws ecs stop-task']],
    ['time terraform apply prod.tfplan', ['terraform apply']],
    ['timeout 30 kubectl delete pod web-1', ['kubectl delete']],
    ['nohup git push &', ['git push']],
    ['command git push', ['git push']],
    ['exec git push', ['git push']],
    ['env TF_LOG=debug FOO=1 terraform destroy', ['terraform destroy']],
    ['echo "$(terraform destroy -auto-approve)"', ['terraform destroy']],
    ['echo `git push`', ['git push']],
    ['(cd infra && rm -f state.lock)', ['rm']],
    ['bash -c "sh -c \'git reset --hard\'"', ['git reset']],
    ['cat <<EOF\n$(rm -rf /tmp/x)\nEOF', ['rm']],
    ['echo ok >> deploy.log', ['>> deploy.log']],
    ['terraform output > outputs-$(date +%F).txt', ['> outputs-$(…).txt']],
    ['aws --debug --region us-east-2 ecs update-service --cluster c --service s', ['aws ecs update-service']],
    ['aws s3 sync ./dist s3://bucket', ['aws s3 sync']],
    ['curl -XPOST https://x/deploy', ['curl POST']],
    ['curl -s -d \'{"a":1}\' https://x', ['curl sending data']],
    ['curl -F file=@a.tgz https://x', ['curl sending data']],
    ["curl --json '{}' https://x", ['curl sending data']],
    ['curl -T a.tgz https://x', ['curl sending data']],
    ['curl -o out.json https://x', ['curl -o out.json']],
    ['wget --method=PUT https://x -O -', ['wget PUT']],
    ['wget https://x/artifact.tgz', ['wget (saves a file)']],
    ["mysql -e 'DELETE FROM sessions'", ['mysql DELETE']],
    ["sqlite3 app.db 'UPDATE users SET admin=1'", ['sqlite3 UPDATE']],
    ["psql -c 'select 1; truncate audit'", ['psql TRUNCATE']],
    ['gh pr merge 42 --squash', ['gh pr merge']],
    ['gh release delete v1.4.2', ['gh release delete']],
    ['gh release edit v1.4.2 --draft', ['gh release edit']],
    [
      'git switch main && git merge feature && git rebase main && git commit -m x',
      ['git switch', 'git merge', 'git rebase', 'git commit'],
    ],
    ['git tag --delete v1.4.2', ['git tag -d']],
    ['mv a b; cp c d', ['mv', 'cp']],
    ['kubectl rollout restart deploy/web', ['kubectl rollout restart']],
    ['cat plan.txt | sh', ['piping into sh']],
    ['./scripts/transfer_funds.sh --to treasury', ['a payment']],
  ])('%s changes: %j', (run, changes) => {
    expect(commandRisk(run)).toMatchObject({ kind: 'changes', changes });
  });

  it('every change found is named, not only the first', () => {
    expect(commandRisk('git log -3 && git push && rm -f x > /tmp/log').changes).toEqual([
      'git push',
      '> /tmp/log',
      'rm',
    ]);
  });
});

describe('commandRisk: known readers still read', () => {
  it.each([
    "aws ecs describe-services --cluster c --services s --query 'services[0].deployments[?status==`PRIMARY`]'",
    "aws logs tail /ecs/web --since 5m | grep -E 'ERROR|PANIC'",
    "curl -s https://api.example.com/health | jq '.status'",
    "aws ecs describe-services --cluster c --services s --query 'services[0].taskDefinition' --output text | \\\n  xargs aws ecs describe-task-definition --task-definition | \\\n  jq -r '.taskDefinition.containerDefinitions[0].image'",
    "jq -r '.items[] | select(.a; .b) | .name' out.json | sort | uniq -c",
    'grep -c ERROR app.log',
    'git log --oneline -10',
    'git tag',
    "git tag -l 'v1.*'",
    'git status && git diff --stat',
    'terraform plan -out=prod.tfplan',
    'terraform validate && terraform fmt -check',
    '# only a comment\ngit status',
    'aws ecs describe-services --cluster c --services s > /dev/null',
    'aws ecs describe-services --cluster c --services s 2>&1 | head -5',
    "curl -s -o /dev/null -w '%{http_code}' https://web.example/health",
    "curl -X GET -H 'accept: application/json' https://x/supported",
    'curl -G -d q=error https://logs.example.com/search',
    'wget -qO- https://web.example/health',
    "psql -c 'SELECT count(*) FROM sessions'",
    'for t in a b; do echo "$t"; done',
    'if [ -f x ]; then cat x; fi',
    'export REGION=us-east-2; echo "$REGION"',
    'echo "a # not a comment; rm -rf /"',
    "cat <<'EOF'\nterraform apply\n$(rm -rf /)\nEOF",
    'diff <(aws ecs describe-services --cluster a) <(aws ecs describe-services --cluster b)',
    'echo hi | tee /dev/null',
    'env',
  ])('%s only reads', (run) => {
    expect(commandRisk(run)).toEqual({ kind: 'reads', changes: [], unknown: [] });
  });
});

describe('commandRisk: anything not known to read is unknown, named', () => {
  it.each([
    ['bash validate_secrets.sh us-east-2', ['bash validate_secrets.sh']],
    ['./scripts/bootstrap-nonce.sh production', ['./scripts/bootstrap-nonce.sh production']],
    ['make deploy', ['make deploy']],
    ['aws ecs frobnicate-service', ['aws ecs frobnicate-service']],
    ['psql -h db -f migrate.sql', ['psql without a SELECT given']],
    ["psql -c 'SELECT pg_terminate_backend(42)'", ['psql SELECT']],
    ['$DEPLOY_CMD --now', ['$DEPLOY_CMD']],
    ['$(which deployer) --now', ['a command named by $( )']],
    ["echo 'never closed", ['a script with an unterminated quote']],
    ['echo "$(git log', ['a script with an unterminated $(', 'a script with an unterminated quote']],
    ['cat x | bash run.sh', ['bash run.sh']],
    ['awk \'{ system("rm " $1) }\' files.txt', ['awk running or writing']],
    ['sudo', ['sudo']],
  ])('%s is unknown: %j', (run, unknown) => {
    expect(commandRisk(run)).toEqual({ kind: 'unknown', changes: [], unknown });
  });
});
