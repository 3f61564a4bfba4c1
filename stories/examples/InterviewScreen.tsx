import {
  InteractionGate,
  InterviewControls,
  SessionStatus,
  useInterviewKit,
  useInterviewSession,
} from 'interview-session-kit'
import type { StoryLocale } from '../support/storyGlobals'
import { useId, useState, type FormEvent } from 'react'

/** The screen's own words (the kit's components bring theirs). */
export const screenText: Record<StoryLocale, { recent: string; answer: string; submit: string; you: string }> = {
  en: { recent: 'Recent messages', answer: 'Your answer', submit: 'Submit answer', you: 'You' },
  ko: { recent: '최근 메시지', answer: '답변', submit: '답변 제출', you: '나' },
  ja: { recent: '最近のメッセージ', answer: '回答', submit: '回答を送信', you: 'あなた' },
}

/** A message's `output` as text: its `text` when it has one, else the JSON. */
export function messageText(output: unknown): string {
  const text: unknown = typeof output === 'object' && output !== null ? (output as { text?: unknown }).text : undefined
  return typeof text === 'string' ? text : JSON.stringify(output)
}

/**
 * An interview screen built from the kit: the session's title and status, its recent messages, an answer box that
 * only accepts answers while the session is active, and the pause/resume controls. Answers stay on this page (the
 * mock API has no endpoint for them).
 */
export function InterviewScreen({ sessionId, locale = 'en' }: { sessionId: string; locale?: StoryLocale }) {
  const { messages } = useInterviewKit()
  const { session, isLoading } = useInterviewSession(sessionId)
  const [answers, setAnswers] = useState<string[]>([])
  const [draft, setDraft] = useState('')
  const recentId = useId()
  const text = screenText[locale]

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (draft.trim() === '') return
    setAnswers((previous) => [...previous, draft.trim()])
    setDraft('')
  }

  return (
    <main className="screen" lang={locale}>
      <header className="screen-header">
        <h1>{session?.title ?? (isLoading ? messages.statusLoading : messages.statusUnavailable)}</h1>
        <SessionStatus sessionId={sessionId} />
      </header>
      <section aria-labelledby={recentId} className="messages">
        <h2 id={recentId}>{text.recent}</h2>
        <ol>
          {session?.recentMessages?.map((message) => <li key={message.id}>{messageText(message.output)}</li>)}
          {answers.map((answer, index) => (
            <li key={index} className="mine">
              <strong>{text.you}:</strong> {answer}
            </li>
          ))}
        </ol>
      </section>
      <form onSubmit={submit}>
        <InteractionGate sessionId={sessionId} aria-label={text.answer} className="answer">
          <label>
            {text.answer}
            <textarea name="answer" rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} />
          </label>
          <button type="submit">{text.submit}</button>
        </InteractionGate>
      </form>
      <InterviewControls sessionId={sessionId} />
    </main>
  )
}
