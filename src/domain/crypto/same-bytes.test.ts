import { describe, expect, it } from 'vitest';
import { sameBytes } from './same-bytes';

describe('sameBytes', () => {
  it('is true only for identical bytes, whatever the lengths', () => {
    expect(sameBytes(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(sameBytes(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(sameBytes(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
    expect(sameBytes(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
  });
});
