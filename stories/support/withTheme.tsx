import type { Decorator } from '@storybook/react-vite'
import { useLayoutEffect, type ReactNode } from 'react'
import { themeOf, type StoryTheme } from './storyGlobals'

/**
 * Shows the page in `theme` (`data-story-theme` on `<html>`, which colours the page in `stories.css`) until the
 * returned function is called.
 */
export function showPageIn(theme: StoryTheme): () => void {
  const root = document.documentElement
  root.dataset.storyTheme = theme
  return () => {
    delete root.dataset.storyTheme
  }
}

function StoryRoot({ theme, page, children }: { theme: StoryTheme; page: boolean; children: ReactNode }) {
  useLayoutEffect(() => (page ? showPageIn(theme) : undefined), [theme, page])
  return (
    <div className="story-root" data-isk-theme={theme}>
      {children}
    </div>
  )
}

/**
 * Renders the story in the toolbar's theme: `data-isk-theme` on the story's root chooses the default stylesheet's
 * light or dark tokens for everything inside it, the provider's floating feedback included. A story shown on its own
 * also colours the page behind it; on a docs page `ThemedDocsContainer` does.
 */
export const withTheme: Decorator = (Story, context) => (
  <StoryRoot theme={themeOf(context.globals)} page={context.viewMode !== 'docs'}>
    <Story />
  </StoryRoot>
)
