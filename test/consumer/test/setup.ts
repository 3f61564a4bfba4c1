// Testing Library's matchers (toBeVisible and friends), as most hosts have them.
import '@testing-library/jest-dom/vitest'
