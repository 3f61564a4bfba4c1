import { describe, expect, it } from 'vitest'
import {
  INTERVIEW_STATUSES,
  canInteract,
  canPause,
  canResume,
  isInterviewStatus,
  isSessionId,
  targetStatus,
} from 'interview-session-kit'
import { parseSession } from 'interview-session-kit/schema'

const session = {
  id: '0b1d3a52-6f43-4c1e-9a0a-2d6f1c3e4b5a',
  topicIds: ['t1'],
  title: 'System design',
  progress: 40,
  score: 62,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:30:00.000Z',
  interviewerId: 'interviewer-1',
  status: 'active',
}

describe('status rules', () => {
  it('allows pausing only an active session and resuming only a paused one', () => {
    expect(INTERVIEW_STATUSES.filter(canPause)).toEqual(['active'])
    expect(INTERVIEW_STATUSES.filter(canResume)).toEqual(['paused'])
    expect(INTERVIEW_STATUSES.filter(canInteract)).toEqual(['active'])
  })

  it('offers neither pause nor resume for a status it does not know', () => {
    expect(canPause('archived')).toBe(false)
    expect(canResume('archived')).toBe(false)
    expect(canInteract(undefined)).toBe(false)
    expect(isInterviewStatus('archived')).toBe(false)
    expect(isInterviewStatus('paused')).toBe(true)
  })

  it('maps each action to the status it leads to', () => {
    expect(targetStatus('pause')).toBe('paused')
    expect(targetStatus('resume')).toBe('active')
  })
})

describe('isSessionId', () => {
  it.each([
    ['0b1d3a52-6f43-4c1e-9a0a-2d6f1c3e4b5a', true],
    ['0B1D3A52-6F43-4C1E-9A0A-2D6F1C3E4B5A', true],
    ['', false],
    ['../x', false],
    ['0b1d3a526f434c1e9a0a2d6f1c3e4b5a', false],
    ['0b1d3a52-6f43-4c1e-9a0a-2d6f1c3e4b5a ', false],
    ['0b1d3a52%2F6f43-4c1e-9a0a-2d6f1c3e4b5a', false],
    ['g b1d3a52-6f43-4c1e-9a0a-2d6f1c3e4b5', false],
    ['0b1d3a52-6f43-4c1e-9a0a-2d6f1c3e4b5a'.repeat(30), false],
    [42, false],
  ])('%j is a session id: %s', (value, expected) => {
    expect(isSessionId(value)).toBe(expected)
  })
})

describe('session schema (interview-session-kit/schema)', () => {
  it('accepts a session with only the required fields and keeps unknown extra fields', () => {
    const result = parseSession({ ...session, extra: { kept: true } })
    expect(result).toEqual({ ok: true, value: { ...session, extra: { kept: true } } })
  })

  it('accepts a status string it does not know, so that it can be shown as it is', () => {
    expect(parseSession({ ...session, status: 'archived' }).ok).toBe(true)
  })

  it('names the path of every problem in a malformed session', () => {
    const result = parseSession({ ...session, progress: '40', language: 'fr', topicIds: undefined })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.join('\n')).toMatch(/progress/)
    expect(result.issues.join('\n')).toMatch(/language/)
    expect(result.issues.join('\n')).toMatch(/topicIds/)
  })
})
