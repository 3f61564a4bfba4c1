import type { Preview, StoryContext } from '@storybook/react-vite'
import { en, type InterviewMessages } from 'interview-session-kit'
import { ja } from 'interview-session-kit/locales/ja'
import { ko } from 'interview-session-kit/locales/ko'
import type { DemoUser } from './createStoryKit'

type Globals = StoryContext['globals']

/** The toolbar switches: the components' locale and the signed-in demo user. */
export const storyGlobalTypes: NonNullable<Preview['globalTypes']> = {
  locale: {
    description: 'Language of the components',
    toolbar: {
      title: 'Locale',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English' },
        { value: 'ko', title: '한국어' },
        { value: 'ja', title: '日本語' },
      ],
      dynamicTitle: true,
    },
  },
  user: {
    description: 'The signed-in demo user (Bob may not pause or resume Alice’s sessions)',
    toolbar: {
      title: 'User',
      icon: 'user',
      items: [
        { value: 'alice', title: 'Alice Kim' },
        { value: 'bob', title: 'Bob Tanaka' },
      ],
      dynamicTitle: true,
    },
  },
}

/** The globals every story starts with. */
export const storyInitialGlobals: { locale: StoryLocale; user: DemoUser } = { locale: 'en', user: 'alice' }

/** The languages the stories offer. */
export type StoryLocale = 'en' | 'ko' | 'ja'

const catalogues: Record<StoryLocale, InterviewMessages> = { en, ko, ja }

/** The locale the toolbar selected. */
export function localeOf(globals: Globals): StoryLocale {
  const locale: unknown = globals.locale
  return locale === 'ko' || locale === 'ja' ? locale : 'en'
}

/** The messages of the locale the toolbar selected, as the provider gets them. */
export function messagesOf(globals: Globals): InterviewMessages {
  return catalogues[localeOf(globals)]
}

/** The demo user the toolbar selected. */
export function userOf(globals: Globals): DemoUser {
  return globals.user === 'bob' ? 'bob' : 'alice'
}
