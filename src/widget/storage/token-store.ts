import { TOKEN_STORAGE_KEY } from '../../shared/visitor-token.ts';

/** 32 random bytes as 64 lowercase hex characters — the same shape as Rocket.Chat's own widget token. */
export function createToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What a visitor token may look like: 1 to 256 printable ASCII characters, no spaces. Permissive on purpose —
 * ours are 64 hex characters, but Rocket.Chat answers a phone match with the token another client made for that
 * visitor, in whatever shape that client chose. A stored value of another shape (corrupt, tampered) is replaced;
 * a server answer of another shape is refused.
 */
export const isUsableToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[\x21-\x7e]{1,256}$/.test(value);

export interface TokenStore {
  /**
   * The visitor's token for a request that registers them: the stored one, else a new one, stored from now on.
   * Created only here, so a page view where nobody registers stores nothing (the form mounts on every page, closed).
   */
  get(): string;
  /** The token of a visitor who registered before (stored, or adopted on this page), else null: nothing is created. */
  peek(): string | null;
  /** Adopt another token (Rocket.Chat answers with an older visitor's token on a phone match, CONTRACT.md §1.3). */
  set(token: string): void;
  /** Forget this visitor: the next registration gets a new token. */
  reset(): void;
  /** False when localStorage is blocked or full: the token lives in memory for this page only. */
  readonly persistent: boolean;
}

const PROBE_KEY = `${TOKEN_STORAGE_KEY}-probe`;

export function createTokenStore(storage: () => Storage = () => window.localStorage): TokenStore {
  let persistent = true;
  const read = (): string | null => {
    try {
      return storage().getItem(TOKEN_STORAGE_KEY);
    } catch {
      persistent = false;
      return null;
    }
  };
  const write = (value: string) => {
    try {
      storage().setItem(TOKEN_STORAGE_KEY, value);
      persistent = storage().getItem(TOKEN_STORAGE_KEY) === value;
    } catch {
      persistent = false;
    }
  };
  const stored = read();
  // Whether a token could be kept, known before any is stored (the form says so quietly when not): a probe that
  // leaves nothing behind.
  if (persistent && !stored) {
    try {
      storage().setItem(PROBE_KEY, '1');
      storage().removeItem(PROBE_KEY);
    } catch {
      persistent = false;
    }
  }
  // A stored value that cannot be a token (corrupt, tampered) is no visitor: the next registration replaces it.
  let token = isUsableToken(stored) ? stored : null;
  const store: TokenStore = {
    get() {
      if (!token) store.set(createToken());
      return token as string;
    },
    peek: () => token,
    set(next) {
      token = next;
      write(next);
    },
    reset() {
      token = null;
    },
    get persistent() {
      return persistent;
    },
  };
  return store;
}
