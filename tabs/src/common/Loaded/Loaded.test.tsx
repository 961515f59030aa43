import { renderToStaticMarkup } from 'react-dom/server';
import { ApiProblem } from '../../api/problem';
import english from '../../../locales/en.json';
import sharedEnglish from '../../../../shared/locales/en.json';
import { t, installCatalogue } from '../../i18n';
import type { AsyncState } from '../useAsync';
import { Loaded } from './Loaded';

const reload = () => Promise.resolve();
const render = (state: AsyncState<string[]>, props: { empty?: string; loadingLabel?: string } = {}) =>
  renderToStaticMarkup(
    <Loaded result={{ state, reload }} {...props}>
      {(data) => <ul aria-label="items">{data.map((d) => <li key={d}>{d}</li>)}</ul>}
    </Loaded>,
  );

beforeAll(() => installCatalogue('en', 'en-GB', { ...english, ...sharedEnglish }));

describe('Loaded', () => {
  it('shows a spinner while loading, with its own words unless given others', () => {
    expect(render({ status: 'loading' })).toContain(t('loading'));
    expect(render({ status: 'loading' }, { loadingLabel: 'Looking for surveys' })).toContain('Looking for surveys');
  });

  it('shows the problem with a Retry button when loading failed', () => {
    const html = render({ status: 'error', problem: new ApiProblem(503, 'Graph is unavailable', 'Try again in a minute.') });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Graph is unavailable');
    expect(html).toContain(`>${t('retry')}<`);
  });

  it('says the empty message instead of rendering an empty list', () => {
    const html = render({ status: 'ready', data: [] }, { empty: 'Nothing yet.' });
    expect(html).toMatch(/<p class="[^"]+">Nothing yet\.<\/p>/);
    expect(html).not.toContain('aria-label="items"');
  });

  it('renders the data, and an empty list too when no empty message is given', () => {
    expect(render({ status: 'ready', data: ['a', 'b'] }, { empty: 'Nothing yet.' })).toBe('<ul aria-label="items"><li>a</li><li>b</li></ul>');
    expect(render({ status: 'ready', data: [] })).toBe('<ul aria-label="items"></ul>');
  });
});
