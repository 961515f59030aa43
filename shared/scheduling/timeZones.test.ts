import { SchedulingError } from './errors';
import { toIanaZone } from './timeZones';

describe('toIanaZone', () => {
  it('maps the Windows names Graph sends to IANA zones', () => {
    expect(toIanaZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(toIanaZone('GMT Standard Time')).toBe('Europe/London');
    expect(toIanaZone('Eastern Standard Time')).toBe('America/New_York');
    expect(toIanaZone(' Pacific Standard Time ')).toBe('America/Los_Angeles');
  });

  it('passes IANA names through', () => {
    expect(toIanaZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(toIanaZone('UTC')).toMatch(/UTC/);
  });

  it('refuses a name it does not know, saying what to pass instead', () => {
    expect(() => toIanaZone('tzone://Microsoft/Custom')).toThrow(SchedulingError);
    expect(() => toIanaZone('Mars Standard Time')).toThrow(/Windows time zone name .* or an IANA name/);
  });
});
