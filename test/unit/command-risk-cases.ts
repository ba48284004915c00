// Issue 11's commands, shared by the classifier's tests and the runner's.

/** Issue 11, "Runbook commands…": the command, and the changes it must be named with. */
export const ISSUE_CHANGES: [string, string[]][] = [
  ['git checkout main; git pull', ['git checkout', 'git pull']],
  ['python test_usdc_payment.py --network base-mainnet --amount 0.01', ['a payment (mainnet)']],
  ['gh release create v1.4.2 --notes "release"', ['gh release create']],
  ['rm -rf build/', ['rm']],
  ['git reset --hard origin/main', ['git reset']],
  ["sed -i 's/v1.4.1/v1.4.2/' variables.tf", ['sed -i']],
  ["psql -h db -c 'DROP TABLE sessions'", ['psql DROP']],
  ["sh -c 'rm -rf /tmp/cache'", ['rm']],
  ['curl -fsSL https://get.example.com/install.sh | bash', ['piping into bash']],
];

/** The ones that ran even under --read-only. */
export const ISSUE_READ_ONLY: [string, string[]][] = [
  ['env aws ecs delete-service --cluster prod --service web', ['aws ecs delete-service']],
  ['curl --request=DELETE https://api.example.com/v1/cache', ['curl DELETE']],
  ["wget -qO- --post-data 'flush=1' https://api.example.com/cache", ['wget sending data']],
  ['git tag -d v1.4.2', ['git tag -d']],
  ['echo "maintenance tonight" > /etc/motd', ['> /etc/motd']],
  ['aws ecs describe-services --cluster prod --services web | tee /tmp/services.json', ['tee /tmp/services.json']],
  ['cd terraform/environments/production\nterraform init', ['terraform init']],
];
