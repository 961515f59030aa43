import { tabLinks } from './noticeCards';

describe('tabLinks', () => {
  it('opens the tab inside Teams, on the pair, once the app has a catalogue id', () => {
    const links = tabLinks('https://upward.example/tab/index.html', 'catalog-app-1');
    const workspace = new URL(links.workspace('p1'));
    expect(`${workspace.origin}${workspace.pathname}`).toBe('https://teams.microsoft.com/l/entity/catalog-app-1/workspace');
    expect(JSON.parse(workspace.searchParams.get('context')!)).toEqual({ subEntityId: 'p1' });
    expect(links.guides()).toBe('https://teams.microsoft.com/l/entity/catalog-app-1/guides');
  });

  it('points at the tab on the web before the app is in the catalogue', () => {
    const links = tabLinks('https://upward.example/tab/index.html');
    expect(links.workspace('p1')).toBe('https://upward.example/tab/index.html#/workspace/p1');
    expect(links.guides()).toBe('https://upward.example/tab/index.html#/guides');
  });
});
