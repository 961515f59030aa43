import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');

/** A process that leaves one promise rejected and unhandled, then reports after a moment. */
function runForgottenRejection(guarded: boolean) {
  const script = `
    const { createLogger } = require('./server/logger');
    const { processFaults, surviveUnhandledRejections } = require('./server/processFaults');
    if (${guarded}) surviveUnhandledRejections(createLogger('error'));
    Promise.reject(new Error('nobody awaited this'));
    setTimeout(() => console.log('faults ' + JSON.stringify(processFaults())), 200);
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
}

describe('surviving an unhandled promise rejection', () => {
  it('keeps the process running, logs the rejection with its stack and counts it', () => {
    const run = runForgottenRejection(true);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('faults {"unhandledRejections":1}');
    expect(run.stdout).toMatch(/"msg":"unhandled promise rejection"/);
    expect(run.stdout).toContain('nobody awaited this');
  });

  it('is what stands between such a rejection and the end of the process', () => {
    const run = runForgottenRejection(false);
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('faults');
  });
});
