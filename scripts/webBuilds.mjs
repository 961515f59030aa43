// Each front door served as web assets (tab, Outlook add-in) adds its build function here.
import { buildTab } from '../tabs/build.mjs';

export const webBuilds = [() => buildTab()];
