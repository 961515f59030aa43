export { generateDemoOrg } from './generateDemoOrg';
export type { DemoOrgOptions } from './generateDemoOrg';
export { DEMO_PERSONAS } from './personas';
export type { DemoPersonaName } from './personas';
export { DEMO_BUILDINGS } from './places';
export * from './tenant';
export type * from './types';
