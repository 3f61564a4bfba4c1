// The last step of `npm run build`: the stylesheet goes to dist as it is, with an empty declaration beside it, so that
// `import 'interview-session-kit/styles.css'` typechecks in projects that check side-effect imports.
import { copyFileSync, writeFileSync } from 'node:fs'

copyFileSync('src/styles/styles.css', 'dist/styles.css')
writeFileSync('dist/styles.css.d.ts', '// The default stylesheet of interview-session-kit: imported for its side effect.\nexport {}\n')
