import { describe, expect, it } from 'vitest';
import { commandRisk } from '../../src/checklist/commandRisk.js';

describe('commandRisk', () => {
  it.each([
    [
      'aws ecs update-service \\\n  --cluster c --service s --force-new-deployment --region us-east-2',
      ['aws ecs update-service'],
    ],
    ['cd terraform/environments/production\nterraform apply facilitator-prod.tfplan', ['terraform apply']],
    ['aws --region us-east-2 --output json ecs delete-service --cluster c --service s', ['aws ecs delete-service']],
    ['curl -X POST https://api.example.com/deploy', ['curl with a write method']],
    ['curl -s -d \'{"a":1}\' https://api.example.com/x', ['curl sending data']],
    ['git log --oneline -10 && git push origin main', ['git push']],
    ['aws s3 sync ./dist s3://bucket', ['aws s3 sync']],
    ['echo "$(terraform destroy -auto-approve)"', ['terraform destroy']],
    ['aws ecs list-tasks --cluster c | xargs aws ecs stop-task --cluster c --task', ['aws ecs stop-task']],
    ['kubectl rollout restart deploy/web', ['kubectl rollout']],
  ])('%s changes: %j', (run, changes) => {
    expect(commandRisk(run)).toMatchObject({ kind: 'changes', changes });
  });

  it.each([
    "aws ecs describe-services --cluster c --services s --query 'services[0].deployments[?status==`PRIMARY`]'",
    "aws logs tail /ecs/web --since 5m | grep -E 'ERROR|PANIC'",
    "curl -s https://api.example.com/health | jq '.status'",
    "aws ecs describe-services --cluster c --services s --query 'services[0].taskDefinition' --output text | \\\n  xargs aws ecs describe-task-definition --task-definition | \\\n  jq -r '.taskDefinition.containerDefinitions[0].image'",
    'terraform plan -out=prod.tfplan',
    '# only a comment\ngit status',
    "curl -X GET -H 'accept: application/json' https://x/supported",
  ])('%s only reads', (run) => {
    expect(commandRisk(run)).toEqual({ kind: 'reads', changes: [], unknown: [] });
  });

  it('anything not recognised is unknown, named, so read-only mode can refuse it and say why', () => {
    expect(commandRisk('bash validate_secrets.sh us-east-2')).toEqual({
      kind: 'unknown',
      changes: [],
      unknown: ['bash validate_secrets.sh'],
    });
    expect(commandRisk("sed -i 's/a/b/' variables.tf").unknown).toEqual(['sed -i']);
    expect(commandRisk('aws ecs frobnicate-service').unknown).toEqual(['aws ecs frobnicate-service']);
  });

  it('a heredoc body is data, not commands', () => {
    expect(commandRisk("cat <<'EOF'\nterraform apply\nEOF").kind).toBe('reads');
  });
});
