'use client'

import { SessionStatus, describeError, useInterviewKit, useInterviewSessions } from 'interview-session-kit'
import { memo } from 'react'

/**
 * The signed-in user's sessions, most recently updated first. A pause or resume on the page shows here at once: the
 * kit writes it into every cached list, then revalidates the list.
 */
export function SessionList({ currentId }: { currentId: string }) {
  const { messages } = useInterviewKit()
  const { sessions, error } = useInterviewSessions()
  return (
    <section aria-labelledby="session-list-title" className="session-list">
      <h2 id="session-list-title">Your interviews</h2>
      {error ? <p role="alert">{describeError(error, messages)}</p> : null}
      <ul>
        {sessions?.map((session) => (
          <SessionRow key={session.id} sessionId={session.id} title={session.title} current={session.id === currentId} />
        ))}
      </ul>
    </section>
  )
}

// Memoized: a change to one session gives the list a new array, and only that session's row has new props. A plain
// link, not next/link: each session page is a new request, rendered from the db as it is now with a store of its own
// (Back after a client-side navigation would restore the earlier render, with its data).
const SessionRow = memo(function SessionRow(props: { sessionId: string; title: string; current: boolean }) {
  const { sessionId, title, current } = props
  return (
    <li>
      <a href={`/interviews/${sessionId}`} aria-current={current ? 'page' : undefined}>
        {title}
      </a>
      <SessionStatus sessionId={sessionId} className="badge" />
    </li>
  )
})
