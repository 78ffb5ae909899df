import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The stub line of the snippet, as it stands in a file. */
function stubLine(file: string): string | undefined {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('window.RocketChatPrechat = window.RocketChatPrechat || function'));
}

// What the stub does is proven end to end: e2e/hosts/basic.html runs it verbatim and its queued commands are replayed.
describe('the snippet', () => {
  it('is the same in the README, the demo and the e2e host page', () => {
    const readme = stubLine('README.md');
    expect(readme).toBeDefined();
    expect(stubLine('index.html')).toBe(readme);
    expect(stubLine('e2e/hosts/basic.html')).toBe(readme);
  });
});
