export { generateDemoOrg } from './generateDemoOrg';
export * from './tenant';
export type * from './types';
