// Each front door served as web assets (tab, Outlook add-in) adds its build function here.
import { buildAddin } from '../outlook-addin/build.mjs';
import { buildTab } from '../tabs/build.mjs';

export const webBuilds = [() => buildTab(), () => buildAddin()];
