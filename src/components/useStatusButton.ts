import { useLayoutEffect, useRef, type MouseEvent } from 'react'
import type { InterviewApiError } from '../api/index.js'
import type { InterviewSession, StatusAction } from '../model/index.js'
import { useInterviewControls } from '../hooks/index.js'
import { useKitInternals } from '../hooks/InterviewKitContext.js'
import { composeEventHandlers } from './composeEventHandlers.js'

/** Callbacks a pause or resume button reports to. */
export interface StatusButtonCallbacks {
  onDone?: (session: InterviewSession) => void
  onError?: (error: InterviewApiError) => void
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void
}

/**
 * Shared logic of `PauseButton` and `ResumeButton`: visibility, pending state, activation and the focus hand-over
 * from one to the other.
 */
export function useStatusButton(action: StatusAction, sessionId: string, callbacks: StatusButtonCallbacks) {
  const { focusHandoff, messages } = useKitInternals()
  const controls = useInterviewControls(sessionId)
  const ref = useRef<HTMLButtonElement>(null)
  const pending = controls.pendingAction === action
  const otherPending = controls.pendingAction !== null && !pending
  const allowedStatus = action === 'pause' ? 'active' : 'paused'
  // Stays in place while its own change is in flight, although the displayed status already shows the outcome.
  const visible = pending || (controls.status === allowedStatus && !otherPending)

  useLayoutEffect(() => {
    if (!visible || !focusHandoff.has(sessionId)) return
    focusHandoff.delete(sessionId)
    const active = document.activeElement
    // Take focus only if it was lost with the button this one replaces, never from wherever the user moved it.
    if (active === null || active === document.body) ref.current?.focus()
  }, [visible, focusHandoff, sessionId])

  const handleClick = composeEventHandlers(callbacks.onClick, (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) return
    if (event.currentTarget === document.activeElement) focusHandoff.add(sessionId)
    const run = action === 'pause' ? controls.pause : controls.resume
    void run().then((result) => {
      if (result.data) {
        callbacks.onDone?.(result.data)
      } else {
        focusHandoff.delete(sessionId)
        callbacks.onError?.(result.error)
      }
    })
  })

  const label = action === 'pause' ? messages.pause : messages.resume
  const progress = action === 'pause' ? messages.pausing : messages.resuming
  return { ref, handleClick, visible, pending, status: controls.status, label, progress }
}
