// Builds the bench page (index.html + benchPage.tsx) into .bench/browser-dist; run.mjs serves it and adds MSW's
// mockServiceWorker.js.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { alias } from '../../../vite.config'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: { alias },
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../.bench/browser-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // One page holding all three implementations and React: big, and fine for a bench.
    chunkSizeWarningLimit: 2_000,
  },
})
