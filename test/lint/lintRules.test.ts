import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * The project's own lint configuration, run on small fixtures: what `npm run lint` must refuse
 * (decision 0043). Each check runs the real tool as `npm run lint` does.
 */
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** Runs a tool from node_modules/.bin; lint tools exit non-zero when they find problems, which is what these tests look for. */
async function tool(name: string, args: string[], options: { cwd?: string } = {}): Promise<string> {
  try {
    return (await run(path.join(root, 'node_modules', '.bin', name), args, { cwd: options.cwd ?? root, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const stdout = (error as { stdout?: unknown }).stdout;
    if (typeof stdout === 'string' && stdout.length > 0) return stdout;
    throw error;
  }
}

function fixture(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upward-lint-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("the project's lint", () => {
  it('fails on an import cycle, also when one of its imports is type-only', async () => {
    const dir = fixture({
      'first.ts': "import type { Second } from './second';\nexport interface First { second: Second }\n",
      'second.ts': "import { describeFirst } from './third';\nexport interface Second { name: string }\nexport const second = describeFirst;\n",
      'third.ts': "import type { First } from './first';\nexport const describeFirst = (first: First) => first.second.name;\n",
    });
    dirs.push(dir);
    const report = JSON.parse(await tool('depcruise', ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', dir])) as {
      summary: { violations: { rule: { name: string; severity: string }; cycle?: unknown[] }[] };
    };
    const cycles = report.summary.violations.filter((v) => v.rule.name === 'no-cycle');
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('passes modules that import in one direction', async () => {
    const dir = fixture({
      'first.ts': "import type { Second } from './second';\nexport interface First { second: Second }\n",
      'second.ts': 'export interface Second { name: string }\n',
    });
    dirs.push(dir);
    const report = JSON.parse(await tool('depcruise', ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', dir])) as { summary: { violations: unknown[] } };
    expect(report.summary.violations).toEqual([]);
  });

  it('fails on a floating promise, a promise passed where a callback returns nothing, and a member read from any', async () => {
    const code = [
      'async function save(): Promise<void> {}',
      'export function forgetful(): void {',
      '  save();',
      "  setTimeout(async () => { await save(); }, 10);",
      '}',
      'export const loose = (value: any): unknown => value.field;',
      '',
    ].join('\n');
    // Inside the TypeScript project (its typed rules need the file in the program), for this test only.
    const dir = fs.mkdtempSync(path.join(root, 'test', 'lint', 'fixture-'));
    dirs.push(dir);
    const file = path.join(dir, 'promises.ts');
    fs.writeFileSync(file, code);
    const out = await tool('eslint', ['--format', 'json', '--no-warn-ignored', file]);
    const [result] = JSON.parse(out) as { messages: { ruleId: string | null; severity: number; line: number; message: string }[] }[];
    const errors = result!.messages.filter((m) => m.severity === 2).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
    expect(errors).toEqual(
      expect.arrayContaining(['3 @typescript-eslint/no-floating-promises', '4 @typescript-eslint/no-misused-promises', '6 @typescript-eslint/no-unsafe-member-access']),
    );
    // Typed linting builds the whole project's program once: seconds of CPU, more on a busy machine.
  }, 120_000);

  it('fails on an unused exported type, with the knip configuration as it is', async () => {
    const dir = fixture({
      'package.json': JSON.stringify({ name: 'lint-fixture', private: true }),
      'knip.json': fs.readFileSync(path.join(root, 'knip.json'), 'utf8'),
      'greeting.ts': "export type Greeting = { text: string };\nexport type Unread = { never: true };\nexport const greet = (name: string): Greeting => ({ text: `Hello ${name}` });\n",
      'greeting.test.ts': "import { greet } from './greeting';\nexport const greeted = greet('Ada');\n",
    });
    dirs.push(dir);
    const report = JSON.parse(await tool('knip', ['--no-progress', '--reporter', 'json'], { cwd: dir })) as { issues: { file: string; types?: { name: string }[] }[] };
    const unusedTypes = report.issues.flatMap((issue) => (issue.types ?? []).map((t) => `${issue.file}:${t.name}`));
    expect(unusedTypes).toEqual(['greeting.ts:Unread']);
  });

  it('fails when a tab component renders English of its own, or lays out with left and right instead of logical properties', async () => {
    // In tabs/, where the rules apply, for this test only (typed rules need the file in the program).
    const dir = fs.mkdtempSync(path.join(root, 'tabs', 'src', 'fixture-'));
    dirs.push(dir);
    const component = path.join(dir, 'Greeting.tsx');
    fs.writeFileSync(component, ['export function Greeting({ name }: { name: string }) {', '  return <p className="greeting">Hello {name}{`, welcome`}</p>;', '}', ''].join('\n'));
    const styles = path.join(dir, 'useGreetingStyles.styles.ts');
    fs.writeFileSync(styles, ["import { makeStyles } from '@fluentui/react-components';", "export const useGreetingStyles = makeStyles({ root: { marginLeft: '4px', paddingInlineStart: '4px', textAlign: 'right' } });", ''].join('\n'));
    const out = await tool('eslint', ['--format', 'json', '--no-warn-ignored', component, styles]);
    const errors = (JSON.parse(out) as { filePath: string; messages: { ruleId: string | null; severity: number; line: number }[] }[]).flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`),
    );
    expect(errors.sort()).toEqual(['Greeting.tsx:2 react/jsx-no-literals', 'Greeting.tsx:2 react/jsx-no-literals', 'useGreetingStyles.styles.ts:2 no-restricted-syntax', 'useGreetingStyles.styles.ts:2 no-restricted-syntax']);
  }, 120_000);

  it("fails when the server gives a refusal's detail as English words (a string or template literal) instead of a catalogue key", async () => {
    // In server/, where the rule applies, for this test only (typed rules need the file in the program).
    const dir = fs.mkdtempSync(path.join(root, 'server', 'fixture-'));
    dirs.push(dir);
    const file = path.join(dir, 'refusals.ts');
    fs.writeFileSync(
      file,
      [
        "import { ApiError } from '../http/errors';",
        'export const refusals = (days: number) => [',
        "  new ApiError('invalidRequest', 'The session must start in the future.'),",
        '  new ApiError(\'invalidRequest\', `Ask for at most ${days} days.`),',
        "  new ApiError('invalidRequest', { key: 'invalidRequest.window', values: { days } }),",
        "  new ApiError('notFound'),",
        '];',
        '',
      ].join('\n'),
    );
    const out = await tool('eslint', ['--format', 'json', '--no-warn-ignored', file]);
    const [result] = JSON.parse(out) as { messages: { ruleId: string | null; severity: number; line: number }[] }[];
    expect(result!.messages.filter((m) => m.severity === 2).map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 no-restricted-syntax', '4 no-restricted-syntax']);
  }, 120_000);
});
