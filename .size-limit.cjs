// Sizes as an app bundles the package: minified and gzipped, peers external, and production builds' dead code (the
// development-only checks and messages, behind `process.env.NODE_ENV`) removed, as a consumer's bundler does.
const peers = ['react', 'react-dom', 'react-redux', '@reduxjs/toolkit', 'axios', 'msw']
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })
const check = (name, path, importName, limit) => ({
  name,
  path,
  import: importName,
  gzip: true,
  limit,
  ignore: peers,
  modifyEsbuildConfig: production,
})

module.exports = [
  check('main entry: everything', 'dist/index.js', '*', '16.1 kB'),
  check('main entry: createInterviewApi alone', 'dist/index.js', '{ createInterviewApi }', '10.1 kB'),
  check(
    'main entry: a PauseButton with its provider, api and store',
    'dist/index.js',
    '{ PauseButton, InterviewKitProvider, createInterviewApi, createInterviewStore }',
    '14.7 kB',
  ),
  check('mocks entry (tests and Storybook, not the app)', 'dist/mocks.js', '*', '12 kB'),
]
