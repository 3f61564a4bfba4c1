import type { SessionRuntime } from '../api/index.js'
import { createFeedbackCoverage, type FeedbackCoverage } from './createFeedbackCoverage.js'
import { createFocusHandoff, type FocusHandoff } from './createFocusHandoff.js'

/** What every provider on one store shares: who shows which outcome, and the focus hand-over. */
export interface RuntimeShared {
  feedbackCoverage: FeedbackCoverage
  focusHandoff: FocusHandoff
}

// Per store, as the change log they follow is (two providers on one store, nested or in two React roots, share them).
const shared = new WeakMap<SessionRuntime, RuntimeShared>()

/** The coverage and focus hand-over of `runtime`'s store, made once. */
export function sharedByRuntime(runtime: SessionRuntime): RuntimeShared {
  let made = shared.get(runtime)
  if (!made) {
    made = { feedbackCoverage: createFeedbackCoverage(), focusHandoff: createFocusHandoff() }
    shared.set(runtime, made)
  }
  return made
}
