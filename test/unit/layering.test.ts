// The layering rule of eslint.config.js, tried on imports it must refuse and ones it must allow, so
// the rule cannot quietly stop matching (a changed pattern, a renamed folder) while `npm run lint`
// stays green on a tree that happens to be clean.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function refusals(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, {
    filePath: file,
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it.each([
    ['src/domain/rollback.ts', '../app/state.js', 'src/domain may import only domain'],
    ['src/domain/verdict.ts', '../ui/format.js', 'src/domain may import only domain'],
    ['src/domain/audit.ts', 'node:fs', 'no I/O'],
    ['src/config/settings.ts', '../cli/flags.js', 'src/config may import only config, domain'],
    ['src/config/settings.ts', '../app/auditLog.js', 'src/config may import only config, domain'],
    ['src/checklist/builtIns.ts', '../app/state.js', 'src/checklist may import only checklist, domain'],
    ['src/app/controller.ts', '../adapters/aws/index.js', 'src/app may import only app, domain, checklist'],
    ['src/app/controller.ts', '../ui/App.js', 'src/app may import only app, domain, checklist'],
    ['src/ui/panes/LogsPane.tsx', '../../adapters/demo/index.js', 'src/ui may import only ui, app, domain'],
    ['src/ui/stepDetail.ts', '../checklist/commandRisk.js', 'src/ui may import only ui, app, domain'],
    ['src/ui/Header.tsx', '@aws-sdk/client-ecs', 'only src/adapters/aws talks to the AWS SDK'],
    ['src/adapters/aws/index.ts', '../../config/settings.js', 'src/adapters/aws may import only domain'],
    ['src/adapters/aws/ecs.ts', '../demo/world.js', 'never imports the other adapter'],
    ['src/adapters/demo/world.ts', '../aws/ecs.js', 'never imports the other adapter'],
    ['src/adapters/demo/world.ts', '../../app/store.js', 'src/adapters/demo may import only domain'],
    ['src/cli/main.tsx', '@aws-sdk/client-sts', 'only src/adapters/aws talks to the AWS SDK'],
  ])('%s may not import %s', async (file, specifier, why) => {
    const found = await refusals(file, specifier);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(why);
  });

  it.each([
    ['src/ui/panes/LogsPane.tsx', '../../app/state.js'],
    ['src/ui/App.tsx', '../domain/model.js'],
    ['src/app/controller.ts', '../checklist/runner.js'],
    ['src/adapters/aws/ecs.ts', '../../domain/model.js'],
    ['src/adapters/aws/ecs.ts', '@aws-sdk/client-ecs'],
    ['src/checklist/runbook/build.ts', './lex.js'],
    ['src/cli/backendFactory.ts', '../adapters/demo/index.js'],
    ['src/cli/dashboard.tsx', '../ui/App.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([]);
  });
});
