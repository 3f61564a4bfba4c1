// Turns .bench/jsdom.json and .bench/browser.json into the comparison table: printed, and written as
// .bench/results.json. Rows are metric × list size; columns ours / RTK pattern / TanStack / ours ÷ best peer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('../../.bench/', import.meta.url))
const IMPLS = [
  { key: 'ours', label: 'ours' },
  { key: 'rtk', label: 'RTK pattern' },
  { key: 'tanstack', label: 'TanStack' },
]

export function writeJson(name, value) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`)
}

function readJson(name) {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8'))
  } catch {
    return undefined
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))

/** A count: exact, or min–max when the runs disagree. */
function count(values) {
  if (!values || values.length === 0) return undefined
  const min = Math.min(...values)
  const max = Math.max(...values)
  return { kind: 'count', value: max, min, max, text: min === max ? String(min) : `${min}–${max}` }
}

/** A time: median (min–max) of the runs. */
function time(values) {
  if (!values || values.length === 0) return undefined
  const value = median(values)
  return {
    kind: 'time',
    value,
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
    text: values.length === 1 ? ms(value) : `${ms(value)} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`,
  }
}

/** Ours ÷ the best (lowest) peer, on the median or on the worst run of a count. */
function ratio(cells) {
  const [ours, ...peers] = cells
  const best = Math.min(...peers.filter(Boolean).map((cell) => cell.value))
  if (!ours || !Number.isFinite(best)) return '—'
  if (best === 0) return ours.value === 0 ? '1.00' : '∞'
  return (ours.value / best).toFixed(2)
}

function buildRows(jsdom, browser, cache) {
  const rows = []
  const sizes = Object.keys(jsdom?.results ?? {}).map(Number).sort((a, b) => a - b)
  const add = (metric, size, pick) => {
    const cells = IMPLS.map(({ key }) => pick(key))
    if (cells.every((cell) => cell === undefined)) return
    rows.push({ metric, size, cells, ratio: ratio(cells) })
  }
  const of = (size, key) => jsdom.results[size]?.[key]
  const pauses = (size, key, field) => of(size, key)?.pauses?.map((p) => p[field])

  const metrics = [
    ['React commits, click → "Paused" in the row', (s, k) => count(pauses(s, k, 'commitsToPaused'))],
    ['React commits per pause, click → settled (incl. refetch)', (s, k) => count(pauses(s, k, 'commits'))],
    ['row renders per pause (per-row Profiler commits)', (s, k) => count(pauses(s, k, 'rowCommits'))],
    ['row component body runs per pause', (s, k) => count(pauses(s, k, 'rowRenders'))],
    ['list component renders per pause', (s, k) => count(pauses(s, k, 'listRenders'))],
    ['React render ms per pause (Profiler actualDuration)', (s, k) => time(pauses(s, k, 'renderMs'))],
    ['POSTs, 10 clicks on one session in one task', (s, k) => count([of(s, k)?.rapidSameTask?.posts].filter(Number.isFinite))],
    [
      `POSTs, 10 clicks on one session ${jsdom?.runs?.rapidSpacingMs ?? 25} ms apart`,
      (s, k) => count([of(s, k)?.rapidSpread?.posts].filter(Number.isFinite)),
    ],
    [
      'list GETs sent after 10 pauses in a burst, per list (all/active/paused)',
      (s, k) => {
        const burst = of(s, k)?.burst
        if (!burst) return undefined
        const { all, active, paused } = burst.refetches
        const text = `${all}/${active}/${paused}${burst.consistent ? '' : ' (stale)'}`
        return { kind: 'count', value: Math.max(all, active, paused), text }
      },
    ],
    ['optimistic write → cache shows it, ms', (s, k) => time(of(s, k)?.cacheMs)],
    ['one unrelated Redux action with the list mounted, ms', (s, k) => time(of(s, k)?.unrelatedActionMs)],
    ['mount: render → all rows shown, ms (incl. latency)', (s, k) => time([of(s, k)?.mountMs].flat().filter(Number.isFinite))],
  ]
  for (const [metric, pick] of metrics) for (const size of sizes) add(metric, size, (key) => pick(size, key))
  const cacheSizes = Object.keys(cache?.results ?? {}).map(Number).sort((a, b) => a - b)
  const cacheCell = (size, key, field) => time(cache.results[size]?.[key === 'rtk' ? 'rtkPlain' : key]?.[field])
  for (const [metric, field] of [
    ['headless, realistic cache: optimistic write → cache shows it, ms', 'writeMs'],
    ['headless, realistic cache: four list refetches landing, ms', 'landingMs'],
  ]) {
    for (const size of cacheSizes) add(metric, size, (key) => (key === 'tanstack' ? undefined : cacheCell(size, key, field)))
  }
  if (browser?.clickToPaintMs) {
    add(`Chromium: click → frame with "Paused", ms`, browser.rows, (key) => time(browser.clickToPaintMs[key]))
    add(`Chromium: click → "Paused" in the DOM, ms`, browser.rows, (key) => time(browser.clickToDomMs?.[key]))
  }
  return rows
}

function machine(browser) {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: browser?.chromium,
    load1m: Number(loadavg()[0].toFixed(2)),
  }
}

function growth(jsdom) {
  const sizes = Object.keys(jsdom?.results ?? {}).map(Number).sort((a, b) => a - b)
  if (sizes.length < 2) return undefined
  const [first, last] = [sizes[0], sizes.at(-1)]
  return Object.fromEntries(
    IMPLS.map(({ key }) => {
      const a = jsdom.results[first]?.[key]?.cacheMs
      const b = jsdom.results[last]?.[key]?.cacheMs
      return [key, a && b ? Number((median(b) / median(a)).toFixed(1)) : null]
    }),
  )
}

/** Prints the table; returns false when a half of the bench left no results. */
export function printReport() {
  const jsdom = readJson('jsdom.json')
  const browser = readJson('browser.json')
  const cache = readJson('cache.json')
  const rows = buildRows(jsdom, browser, cache)
  const info = machine(browser)
  const cacheGrowth = growth(jsdom)
  writeJson('results.json', {
    createdAt: new Date().toISOString(),
    machine: info,
    latencyMs: jsdom?.latencyMs,
    columns: IMPLS,
    rows: rows.map(({ metric, size, cells, ratio: r }) => ({
      metric,
      rows: size,
      ...Object.fromEntries(IMPLS.map(({ key }, i) => [key, cells[i] ?? null])),
      oursToBestPeer: r,
    })),
    cacheGrowth,
    browserError: browser?.error,
  })

  const header = ['metric', 'rows', ...IMPLS.map(({ label }) => label), 'ours ÷ best peer']
  const table = rows.map(({ metric, size, cells, ratio: r }) => [
    metric,
    size.toLocaleString('en-US'),
    ...cells.map((cell) => cell?.text ?? '—'),
    r,
  ])
  const widths = header.map((_, c) => Math.max(header[c].length, ...table.map((row) => row[c].length)))
  const line = (row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
  const out = [
    '',
    `interview-session-kit bench · ${info.cpu} × ${info.cores} cores, ${info.memoryGiB} GiB · Node ${info.node}` +
      (info.chromium ? ` · Chromium ${info.chromium}` : '') +
      ` · load ${info.load1m} · mock latency ${jsdom?.latencyMs ?? '?'} ms`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
  ]
  let previous
  for (const row of table) {
    if (previous !== undefined && row[0] !== previous) out.push('')
    out.push(line(row))
    previous = row[0]
  }
  out.push(
    '',
    'Counts are exact for this run (min–max when repeated pauses disagree); times are median (min–max) in ms.',
    'The machine is noisy: compare the ratios within one run, not absolute times across runs.',
    'jsdom rows: production React (profiling build) in jsdom; Chromium row: production build, MSW service worker.',
    'RTK pattern: its optimistic write patches the session entry only (as the docs show), so its list shows',
    '"Paused" only after the POST and the list refetch; its "optimistic write" row times that session entry.',
    'Clicks 25 ms apart race the 200 ms POST: a baseline whose button re-enables when the POST answers (RTK pattern)',
    'sends a second POST or not depending on timing, so that count can differ between runs.',
    ...(cache
      ? [
          `Headless rows: the store alone (no React), the four lists (all/active/paused/completed) and ${cache.details} session`,
          'details cached, the paused session deep in the list; RTK pattern there is plain RTK Query patching one list with',
          '`updateQueryData` + `find` (the docs pattern), and landing with its own structural sharing.',
        ]
      : []),
  )
  const burstSizes = jsdom?.runs?.burstSizes
  if (burstSizes && burstSizes.length < Object.keys(jsdom?.results ?? {}).length) {
    out.push(`Burst measured at ${burstSizes.map((n) => n.toLocaleString('en-US')).join(' and ')} rows only (three mounted lists).`)
  }
  if (cacheGrowth) {
    out.push(
      `Optimistic write growth, smallest → largest list: ${IMPLS.map(({ key, label }) => `${label} ×${cacheGrowth[key]}`).join(', ')}.`,
    )
  }
  if (browser?.error) out.push(`Chromium part failed: ${browser.error}`)
  if (!jsdom) out.push('No jsdom results: run `vitest run --config test/bench/vitest.config.ts` first.')
  console.log(out.join('\n'))
  return Boolean(jsdom) && !browser?.error
}

/**
 * The last run's table (`.bench/results.json`) as Markdown, for the README: `node test/bench/report.mjs --markdown`.
 * Rows of one metric follow each other, the metric named once.
 */
export function markdownTable() {
  const results = readJson('results.json')
  if (!results) throw new Error('no .bench/results.json: run `npm run bench` first')
  const lines = [
    '| metric | rows | ours | RTK pattern | TanStack | ours ÷ best peer |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  let previous
  for (const row of results.rows) {
    const metric = row.metric === previous ? '' : row.metric
    previous = row.metric
    const cells = IMPLS.map(({ key }) => row[key]?.text ?? '—')
    lines.push(`| ${metric} | ${row.rows.toLocaleString('en-US')} | ${cells.join(' | ')} | ${row.oursToBestPeer} |`)
  }
  const { machine: m } = results
  return [
    `One run, ${results.createdAt.slice(0, 10)}: ${m.cpu} × ${m.cores} cores, Node ${m.node}` +
      (m.chromium ? `, Chromium ${m.chromium}` : '') +
      `, load ${m.load1m} at the end.`,
    '',
    ...lines,
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--markdown')) {
  console.log(markdownTable())
}
