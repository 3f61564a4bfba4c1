import type { StorybookConfig } from '@storybook/react-vite'
import { alias } from '../vite.config.ts'

/** Storybook, set up by hand: React + Vite, stories on the MSW mock server, docs, a11y and Vitest addons. */
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Serves public/mockServiceWorker.js at the root, where msw's worker registers it.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite')
    return mergeConfig(viteConfig, { resolve: { alias } })
  },
}

export default config
