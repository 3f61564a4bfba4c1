import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Tests and stories import the package by name, so a missing public export fails them.
export const alias = {
  'interview-session-kit/mocks': src('mocks/index.ts'),
  'interview-session-kit': src('index.ts'),
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', 'test/consumer/**', 'test/bench/**'],
          setupFiles: ['test/setup.ts'],
          typecheck: { enabled: false },
        },
      },
    ],
  },
})
