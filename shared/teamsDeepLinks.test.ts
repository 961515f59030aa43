import { teamsEntityLink } from './teamsDeepLinks';

describe('teamsEntityLink', () => {
  it('names the app, the tab and, in an encoded context, the sub-entity', () => {
    const link = new URL(teamsEntityLink('app-1', 'workspace', 'pair 7'));
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/entity/app-1/workspace');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'pair 7' });
  });

  it('carries no context when there is no sub-entity', () => {
    expect(teamsEntityLink('app-1', 'guides')).toBe('https://teams.microsoft.com/l/entity/app-1/guides');
  });
});
