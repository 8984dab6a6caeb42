import { describe, expect, it } from 'vitest';
import { toCsv } from './dashboard-tables';

describe('toCsv', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    const csv = toCsv({
      caption: 'x',
      columns: ['a', 'b'],
      rows: [
        ['=HYPERLINK("http://x")', 'plain, with comma'],
        [-3, null],
        ['+1', 'line\nbreak'],
      ],
    });
    expect(csv).toBe('a,b\r\n"\'=HYPERLINK(""http://x"")","plain, with comma"\r\n-3,\r\n\'+1,"line\nbreak"\r\n');
  });
});
