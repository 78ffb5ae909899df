import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import { createTokenStore } from '../../src/widget/storage/token-store.ts';

describe('the visitor token', () => {
  it('is 256 random bits in hex, stored under a namespaced key and reused on the next visit', () => {
    const first = createTokenStore();
    expect(first.get()).toMatch(/^[0-9a-f]{64}$/);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(first.get());
    expect(createTokenStore().get()).toBe(first.get());
    expect(first.persistent).toBe(true);
  });

  it('is not created, nor stored, until a registration asks for it: a page view stores nothing', () => {
    const store = createTokenStore();
    expect(store.peek()).toBeNull();
    expect(store.persistent).toBe(true);
    expect(localStorage.length).toBe(0); // the writability probe leaves nothing behind
    const token = store.get();
    expect(store.peek()).toBe(token);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(token);
  });

  it('differs between visitors', () => {
    const a = createTokenStore().get();
    localStorage.clear();
    expect(createTokenStore().get()).not.toBe(a);
  });

  it('replaces a corrupt stored value', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, '{"broken json  ');
    const store = createTokenStore();
    expect(store.get()).toMatch(/^[0-9a-f]{64}$/);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(store.get());
  });

  it('keeps a stored token of another client’s shape, and replaces one that cannot be a token', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'Abc.Def_123~other-client');
    expect(createTokenStore().get()).toBe('Abc.Def_123~other-client');
    for (const bad of ['with space', 'x'.repeat(257), 'tab\there']) {
      localStorage.setItem(TOKEN_STORAGE_KEY, bad);
      expect(createTokenStore().get()).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('adopts a token from the server and forgets it on reset', () => {
    const store = createTokenStore();
    store.set('older-visitor-token');
    expect(createTokenStore().get()).toBe('older-visitor-token');
    store.reset();
    expect(store.peek()).toBeNull();
    const fresh = store.get();
    expect(fresh).not.toBe('older-visitor-token');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(fresh);
  });

  it('works from memory when storage throws', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = createTokenStore(blocked);
    expect(store.get()).toMatch(/^[0-9a-f]{64}$/);
    expect(store.persistent).toBe(false);
    store.set('adopted');
    expect(store.get()).toBe('adopted');
  });

  it('notices a full storage before any token is stored', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(createTokenStore(() => full).persistent).toBe(false);
  });
});
