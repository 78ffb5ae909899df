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
  get(): string;
  /** Adopt another token (Rocket.Chat answers with an older visitor's token on a phone match, CONTRACT.md §1.3). */
  set(token: string): void;
  /** Forget this visitor: a new token. */
  reset(): string;
  /** False when localStorage is blocked or full: the token lives in memory for this page only. */
  readonly persistent: boolean;
}

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
  let token = isUsableToken(stored) ? stored : createToken();
  if (token !== stored) write(token);
  return {
    get: () => token,
    set(next) {
      token = next;
      write(next);
    },
    reset() {
      token = createToken();
      write(token);
      return token;
    },
    get persistent() {
      return persistent;
    },
  };
}
