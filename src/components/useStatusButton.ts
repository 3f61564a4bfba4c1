import { useLayoutEffect, useRef, type MouseEvent } from 'react'
import type { InterviewApiError } from '../api/index.js'
import { useInterviewControls, useKitInternals } from '../hooks/index.js'
import { sessionKey, type InterviewSession, type StatusAction } from '../model/index.js'
import { callHostCallback } from './callHostCallback.js'
import { composeEventHandlers } from './composeEventHandlers.js'

/** Callbacks a pause or resume button reports to. */
export interface StatusButtonCallbacks {
  onDone?: (session: InterviewSession) => void
  onError?: (error: InterviewApiError) => void
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void
}

/**
 * Shared logic of `PauseButton` and `ResumeButton`: visibility, pending state, activation and the focus hand-over
 * from one to the other within the same parent element (see `createFocusHandoff`). `disabled`: the host marked the
 * button `aria-disabled`, so activating it does nothing.
 */
export function useStatusButton(
  action: StatusAction,
  sessionId: string,
  callbacks: StatusButtonCallbacks,
  disabled = false,
) {
  const { focusHandoff, messages } = useKitInternals()
  const controls = useInterviewControls(sessionId)
  const ref = useRef<HTMLButtonElement>(null)
  const pending = controls.pendingAction === action
  const otherPending = controls.pendingAction !== null && !pending
  const allowedStatus = action === 'pause' ? 'active' : 'paused'
  // Stays in place while its own change is in flight, although the displayed status already shows the outcome.
  const visible = pending || (controls.status === allowedStatus && !otherPending)
  const key = sessionKey(sessionId)

  useLayoutEffect(() => {
    const button = ref.current
    if (!visible || !button) return undefined
    if (focusHandoff.take(button, key)) button.focus()
    // When this button leaves, its offer can only be taken by the button that replaces it in the same commit (the
    // change settled), never later. Left mid-flight (its row left a filtered list), its parent went with it.
    return () => focusHandoff.withdraw(button, true)
  }, [visible, focusHandoff, key])

  const handleClick = composeEventHandlers(callbacks.onClick, (event: MouseEvent<HTMLButtonElement>) => {
    if (pending || disabled) return
    const button = event.currentTarget
    // The offer stays after a failure too: when the session is read again and the other button replaces this one (it
    // was paused elsewhere, or the change reached the server after all), focus moves to it.
    if (button === button.ownerDocument.activeElement) focusHandoff.offer(button, key)
    const run = action === 'pause' ? controls.pause : controls.resume
    void run().then((result) => {
      if (result.data) callHostCallback(action === 'pause' ? 'onPaused' : 'onResumed', callbacks.onDone, result.data)
      else callHostCallback('onError', callbacks.onError, result.error)
    })
  })

  const label = action === 'pause' ? messages.pause : messages.resume
  const progress = action === 'pause' ? messages.pausing : messages.resuming
  return { ref, handleClick, visible, pending, status: controls.status, label, progress }
}
