import {
  PauseButton,
  ResumeButton,
  SessionStatus,
  useInterviewKit,
  useInterviewSessions,
  type InterviewStatus,
} from 'interview-session-kit'
import { memo, useId } from 'react'

/** One column of {@link SessionLists}. */
export interface SessionColumn {
  label: string
  /** Only sessions in this status; all of them when absent. */
  status?: InterviewStatus
}

const COLUMNS: readonly SessionColumn[] = [
  { label: 'All sessions' },
  { label: 'Active', status: 'active' },
  { label: 'Paused', status: 'paused' },
]

/**
 * The signed-in user's sessions three times, side by side: all, active, paused. Each list is its own query; a pause
 * or resume moves its session between the filtered lists at once, and every list settles when the server answers.
 */
export function SessionLists() {
  return (
    <div className="lists">
      {COLUMNS.map((column) => (
        <SessionList key={column.label} {...column} />
      ))}
    </div>
  )
}

function SessionList({ label, status }: SessionColumn) {
  const headingId = useId()
  const { sessions, isLoading } = useInterviewSessions({ status })
  return (
    <section aria-labelledby={headingId} aria-busy={isLoading} className="list">
      <h2 id={headingId}>{label}</h2>
      {isLoading ? <p>Loading…</p> : null}
      <ul aria-labelledby={headingId}>
        {sessions?.map((session) => <SessionRow key={session.id} sessionId={session.id} title={session.title} />)}
      </ul>
    </section>
  )
}

// Memoized by id and title, so a status change re-renders the rows of that session only.
const SessionRow = memo(function SessionRow({ sessionId, title }: { sessionId: string; title: string }) {
  const { messages } = useInterviewKit()
  return (
    <li className="row">
      <h3>{title}</h3>
      <SessionStatus sessionId={sessionId} />
      <PauseButton sessionId={sessionId} aria-label={`${messages.pause}: ${title}`} />
      <ResumeButton sessionId={sessionId} aria-label={`${messages.resume}: ${title}`} />
    </li>
  )
})
