/**
 * Every user-visible string of the components. `{details}` in `errorInvalid` is replaced by the server's details;
 * `{status}` in `statusUnknown` by the status string the server sent.
 */
export interface InterviewMessages {
  pause: string
  pausing: string
  resume: string
  resuming: string
  retry: string
  paused: string
  resumed: string
  statusActive: string
  statusPaused: string
  statusCompleted: string
  statusUnknown: string
  statusLoading: string
  statusUnavailable: string
  controlsLabel: string
  errorUnauthorized: string
  errorForbidden: string
  errorNotFound: string
  errorInvalid: string
  errorInvalidSessionId: string
  errorServer: string
  errorNetwork: string
  errorInvalidResponse: string
}

/** The locales shipped with the library. */
export type InterviewLocale = 'en' | 'ko' | 'ja'
