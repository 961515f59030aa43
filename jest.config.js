/** Jest runs TypeScript through SWC: fast, and independent of the TypeScript version used for type checking. */
// strip-bom arrives nested (under @microsoft/app-manifest), so the pattern also looks past the first node_modules.
// uuid (ESM only) arrives through office-addin-mock -> office-addin-manifest.
// intl-messageformat and its @formatjs parts are ESM only too, and so is marked.
const esmOnly = ['jose', 'strip-bom', 'uuid', 'adaptivecards', 'intl-messageformat', '@formatjs', 'marked'].join('|');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/dev', '<rootDir>/tabs', '<rootDir>/bot', '<rootDir>/outlook-addin', '<rootDir>/appPackage', '<rootDir>/infra', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)(?!.*/node_modules/(${esmOnly})/)`],
  // A ceiling for a hung test, not a performance check (benchmarks measure speed): generous, since CI shares two cores with Chromium and Postgres.
  testTimeout: 60000,
  // On two cores Jest would run every file inside its own process, which grew past 19 GB over the suite
  // (PGlite instances, Chromium clients); a worker is replaced once it holds more than this after a file.
  workerIdleMemoryLimit: '3GB',
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
};
