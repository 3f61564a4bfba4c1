import { isInterviewStatus, type SessionStatusValue } from '../model/index.js'

/**
 * `data-state` of a component: the known status, `unknown` for any other string, `loading` until the session is
 * known, `error` when it could not be loaded.
 */
export function dataState(status: SessionStatusValue | undefined, failed = false): string {
  if (status === undefined) return failed ? 'error' : 'loading'
  return isInterviewStatus(status) ? status : 'unknown'
}

/** Whether a host's `aria-disabled` prop disables the control (`true` or `'true'`): activating it then does nothing. */
export function isAriaDisabled(value: boolean | 'true' | 'false' | undefined): boolean {
  return value === true || value === 'true'
}

/** `data-pending` is present (empty) while a change is in flight, absent otherwise. */
export function dataPending(pending: boolean): '' | undefined {
  return pending ? '' : undefined
}
