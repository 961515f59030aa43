/// <reference types="office-js" />

export type PaneTheme = 'light' | 'dark';

/** Relative luminance of a `#rrggbb` colour (WCAG), or null when it is not one. */
function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * The pane's theme from Outlook's: dark when Outlook's body background is dark. Outlook gives
 * its theme from Mailbox 1.14; without it (older Outlook, a plain browser) the device's preference decides.
 */
export function paneThemeOf(officeTheme: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined, prefersDark: boolean): PaneTheme {
  const light = officeTheme ? luminance(officeTheme.bodyBackgroundColor) : null;
  if (light === null) return prefersDark ? 'dark' : 'light';
  return light < 0.4 ? 'dark' : 'light';
}
