import { en } from './en.js'
import type { InterviewLocale, InterviewMessages } from './InterviewMessages.js'
import { ja } from './ja.js'
import { ko } from './ko.js'

/** The shipped catalogues, by locale. */
export const interviewMessages: Readonly<Record<InterviewLocale, InterviewMessages>> = { en, ko, ja }

/** The catalogue of `locale` with `overrides` applied. */
export function resolveMessages(locale: InterviewLocale, overrides?: Partial<InterviewMessages>): InterviewMessages {
  const base = interviewMessages[locale] ?? en
  return overrides ? { ...base, ...overrides } : base
}

/** Replaces `{name}` placeholders in `template` with `values[name]`; unknown names become empty. */
export function formatMessage(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}
