// Each front door served as web assets (tab, Outlook add-in) adds its build function here.
export const webBuilds = [];
