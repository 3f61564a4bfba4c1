// A step of `npm test`, after the build: the entries are apart as the package promises. The main entry is a client
// module ('use client' first) and holds nothing of the testing entry; the testing, mocks, schema and locale entries
// are not client modules, and the testing entry imports the main entry by name (one copy of the kit in an app).
import { readFileSync } from 'node:fs'

const read = (file) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8')
const problems = []
const main = read('index.js')
const isClient = (code) => /^['"]use client['"];/.test(code)
if (!isClient(main)) problems.push("dist/index.js does not start with 'use client'")
for (const name of ['setupInterviewServer', 'renderWithInterviewKit', 'createTestInterviewKit', 'createInterviewDb']) {
  if (main.includes(name)) problems.push(`dist/index.js contains ${name}`)
}
for (const file of ['testing.js', 'mocks.js', 'schema.js', 'locales/ko.js', 'locales/ja.js']) {
  if (isClient(read(file))) problems.push(`dist/${file} is marked 'use client'`)
}
const testing = read('testing.js')
if (!/from ["']interview-session-kit["']/.test(testing)) problems.push('dist/testing.js does not import the main entry by name')
if (/function createInterviewApi\b/.test(testing)) problems.push('dist/testing.js bundles its own createInterviewApi')
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log('entries: apart as promised')
