import type { SessionStatusValue } from 'interview-session-kit'
import type { ReactElement } from 'react'

/** What a baseline row shows; the row component computes it from its own hooks. */
export interface BaselineRowState {
  title: string
  status: SessionStatusValue
  pausing: boolean
  resuming: boolean
  onPause: () => void
  onResume: () => void
}

const STATUS_TEXT: Record<string, string> = { active: 'Active', paused: 'Paused', completed: 'Completed' }

/**
 * The markup both baselines render, the same shape as the kit's row: the title, a `role="status"` badge, and the
 * Pause button (or Resume once paused). A button whose change is in flight stays in place, shows "Pausing…",
 * keeps its name and is `aria-disabled` (activation is ignored by the caller), as the kit's buttons do.
 * A plain function, not a component, so that the row component is the only one rendering.
 */
export function baselineRowMarkup(row: BaselineRowState): ReactElement {
  const { title, status, pausing, resuming } = row
  const pending = pausing || resuming
  const showPause = pausing || (status === 'active' && !resuming)
  const showResume = resuming || (status === 'paused' && !pausing)
  return (
    <li aria-label={title}>
      {title}{' '}
      <span role="status" data-state={status} data-pending={pending ? '' : undefined}>
        {STATUS_TEXT[status] ?? status}
      </span>{' '}
      {showPause ? (
        <button
          type="button"
          onClick={row.onPause}
          aria-disabled={pausing || undefined}
          aria-label={pausing ? 'Pause interview' : undefined}
          data-state={status}
          data-pending={pausing ? '' : undefined}
        >
          {pausing ? 'Pausing…' : 'Pause interview'}
        </button>
      ) : null}
      {showResume ? (
        <button
          type="button"
          onClick={row.onResume}
          aria-disabled={resuming || undefined}
          aria-label={resuming ? 'Resume interview' : undefined}
          data-state={status}
          data-pending={resuming ? '' : undefined}
        >
          {resuming ? 'Resuming…' : 'Resume interview'}
        </button>
      ) : null}
    </li>
  )
}
