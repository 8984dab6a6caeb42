import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// public/widget.js is hand-written and served as-is; these checks keep it small and its protocol strict.
const source = readFileSync(path.resolve(import.meta.dirname, '../../public/widget.js'), 'utf8');

describe('public/widget.js', () => {
  it('stays within 3 KB gzipped (gzip -9)', () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(3072);
  });

  it('is dependency-free ES2017: no imports, optional chaining or nullish coalescing', () => {
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\?\.|\?\?/);
  });

  it('posts only to the app origin and checks origin and source of every message it reads', () => {
    expect(source).not.toMatch(/postMessage\([^)]*['"]\*['"]/);
    expect(source).toContain('event.origin !== app');
    expect(source).toContain('event.source !== frame.contentWindow');
  });

  it('creates the iframe lazily, inside the click path, never at load', () => {
    const createIframe = source.indexOf("createElement('iframe')");
    expect(createIframe).toBeGreaterThan(source.indexOf('function open()'));
    expect(source.match(/createElement\('iframe'\)/g)).toHaveLength(1);
  });
});
