/**
 * Calls a host callback that reports an outcome (`onPaused`, `onError`…): one that throws is reported with
 * `console.error` and changes nothing else, as the api does with `onUnauthorized`. It runs after the change settled,
 * so the error has no caller to reach but an unhandled rejection.
 */
export function callHostCallback<T>(name: string, callback: ((value: T) => void) | undefined, value: T): void {
  if (!callback) return
  try {
    callback(value)
  } catch (error) {
    // The host must learn that its callback failed; the change itself has settled already.
    // oxlint-disable-next-line no-console
    console.error(`interview-session-kit: ${name} threw.`, error)
  }
}
