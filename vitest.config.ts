import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: browser-side code runs in jsdom with msw intercepting fetch; the stand-in server and
// the conformance runner run in plain Node, where msw must not swallow real loopback requests.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['./tests/setup-dom.ts'],
          include: ['tests/widget/**/*.test.{ts,tsx}', 'tests/loader/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          // tests/livechat: the stand-in's answers against the shared schemas; tests/architecture: the import rules.
          include: [
            'tests/server/**/*.test.ts',
            'tests/livechat/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
