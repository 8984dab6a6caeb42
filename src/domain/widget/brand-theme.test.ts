import { describe, expect, it } from 'vitest';
import { buildBrandTheme, contrastRatio, DEFAULT_BRAND_COLOR, readableTextOn } from './brand-theme';

describe('buildBrandTheme', () => {
  it('uses the brand name and colour from settings', () => {
    expect(buildBrandTheme('Acme Outdoors', { brandName: 'Acme', brandColor: '#FFCC00' })).toEqual({
      name: 'Acme',
      color: '#ffcc00',
      onColor: '#000000',
      logoUrl: null,
    });
  });

  it('falls back to the shop name and the default colour, and rejects colours that are not plain hex', () => {
    for (const brandColor of [undefined, 'red', 'url(javascript:x)', '#12345', '#1234567', 'expression(1)']) {
      const theme = buildBrandTheme('Acme Outdoors', { brandColor });
      expect(theme.name).toBe('Acme Outdoors');
      expect(theme.color).toBe(DEFAULT_BRAND_COLOR);
      expect(theme.onColor).toBe('#ffffff');
    }
  });

  it('expands short hex and only keeps https logos', () => {
    const theme = buildBrandTheme('Tea', { brandColor: '#0a0', logoUrl: 'javascript:alert(1)' });
    expect(theme.color).toBe('#00aa00');
    expect(theme.logoUrl).toBeNull();
    expect(buildBrandTheme('Tea', { logoUrl: 'https://cdn.example/logo.png' }).logoUrl).toBe('https://cdn.example/logo.png');
  });
});

describe('readableTextOn', () => {
  it('meets WCAG AA (4.5:1) on every colour of a dense sweep', () => {
    for (let r = 0; r < 256; r += 15) {
      for (let g = 0; g < 256; g += 15) {
        for (let b = 0; b < 256; b += 15) {
          const color = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('picks black on yellow and white on navy', () => {
    expect(readableTextOn('#ffeb3b')).toBe('#000000');
    expect(readableTextOn('#0b1f44')).toBe('#ffffff');
  });
});
