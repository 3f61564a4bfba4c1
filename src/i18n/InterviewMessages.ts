/**
 * Every user-visible string of the components. `{details}` in `errorInvalid` is replaced by the server's details;
 * `{status}` in `statusUnknown` by the status string the server sent. English is built in; Korean and Japanese are
 * the `interview-session-kit/locales/ko` and `…/ja` entries; any other language is a full object of these keys.
 */
export interface InterviewMessages {
  /** The Pause button's name. */
  pause: string
  /** What a pending Pause button shows (its name stays `pause`). */
  pausing: string
  resume: string
  resuming: string
  retry: string
  /** The button that closes a message of the provider's feedback. */
  dismiss: string
  /** The success message after a pause. */
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
  errorTimeout: string
  errorOffline: string
  errorInvalidResponse: string
}
