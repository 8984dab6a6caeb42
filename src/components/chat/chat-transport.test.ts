import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './chat-transport';
import { conversationFromFragment, isOpenMessage, resolveParentOrigin } from './use-parent-frame';

describe('parseSseChunk', () => {
  it('splits complete events and keeps the unfinished tail', () => {
    const { events, rest } = parseSseChunk('event: delta\ndata: {"text":"Hi"}\n\nevent: message\r\ndata: {"id":"1"}\r\n\r\nevent: done\ndata: {}');
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Hi"}' },
      { event: 'message', data: '{"id":"1"}' },
    ]);
    expect(rest).toBe('event: done\ndata: {}');
  });

  it('joins multi-line data and ignores comments and empty blocks', () => {
    expect(parseSseChunk(': ping\n\ndata: a\ndata: b\n\n').events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});

describe('resolveParentOrigin', () => {
  const allowed = ['https://acme-outdoors.myshopify.com', 'http://127.0.0.1:4210'];

  it('trusts the origin the loader passed only when the shop allows it', () => {
    expect(resolveParentOrigin('#origin=http%3A%2F%2F127.0.0.1%3A4210', allowed, null)).toBe('http://127.0.0.1:4210');
    expect(resolveParentOrigin('#origin=https%3A%2F%2Fevil.example', allowed, null)).toBeNull();
    expect(resolveParentOrigin('', allowed, null)).toBeNull();
    expect(resolveParentOrigin('#origin=*', [...allowed, '*'], 'https://evil.example')).toBeNull();
  });

  it('refuses a claimed origin that is not the real parent when the browser reports ancestors', () => {
    expect(resolveParentOrigin('#origin=https%3A%2F%2Facme-outdoors.myshopify.com', allowed, 'http://127.0.0.1:4210')).toBeNull();
    expect(resolveParentOrigin('#origin=http%3A%2F%2F127.0.0.1%3A4210', allowed, 'http://127.0.0.1:4210')).toBe('http://127.0.0.1:4210');
  });
});

describe('isOpenMessage', () => {
  it('accepts only the exact loader message', () => {
    expect(isOpenMessage({ source: 'osa-widget', type: 'open' })).toBe(true);
    for (const data of [null, 'open', { type: 'open' }, { source: 'osa-widget', type: 'close' }, { source: 'other', type: 'open' }, [], 42]) {
      expect(isOpenMessage(data)).toBe(false);
    }
  });
});

describe('conversationFromFragment', () => {
  it('reads a well-formed id the loader kept, and nothing else', () => {
    expect(conversationFromFragment('#origin=x&conversation=3f2a-9B_c')).toBe('3f2a-9B_c');
    expect(conversationFromFragment('#origin=x')).toBeNull();
    expect(conversationFromFragment('#conversation=%3Cscript%3E')).toBeNull();
    expect(conversationFromFragment(`#conversation=${'a'.repeat(65)}`)).toBeNull();
  });
});
