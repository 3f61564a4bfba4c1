import type { InterviewMessages } from './InterviewMessages.js'

/** English messages. */
export const en: InterviewMessages = {
  pause: 'Pause interview',
  pausing: 'Pausing…',
  resume: 'Resume interview',
  resuming: 'Resuming…',
  retry: 'Retry',
  paused: 'Interview paused',
  resumed: 'Interview resumed',
  statusActive: 'Active',
  statusPaused: 'Paused',
  statusCompleted: 'Completed',
  statusUnknown: '{status}',
  statusLoading: 'Loading…',
  statusUnavailable: 'Unavailable',
  controlsLabel: 'Interview controls',
  errorUnauthorized: 'Your sign-in has expired. Please sign in again.',
  errorForbidden: 'Only the owner of this interview can pause or resume it.',
  errorNotFound: 'This interview was not found or its status has changed. The current status is shown.',
  errorInvalid: 'The request was rejected: {details}',
  errorInvalidSessionId: 'This interview link is invalid.',
  errorServer: 'The server could not complete the request. Please try again.',
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  errorInvalidResponse: 'The server sent an unexpected response. The current status is being checked.',
}
