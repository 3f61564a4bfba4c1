import 'interview-session-kit/styles.css'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { auth, createAppStore } from './store'

const { store, interviewApi } = createAppStore('/api', () => window.location.assign('/login'))
store.dispatch(auth.actions.signedIn(localStorage.getItem('token') ?? ''))
const root = document.getElementById('root')
if (root) createRoot(root).render(<App store={store} api={interviewApi} sessionId={location.hash.slice(1)} />)
