/**
 * The labs as the e2e tests navigate them, from the one registry (src/labs/registry.ts): route,
 * number and the texts each lab's page shows (src/labs/<lab-id>/texts/<locale>.ts).
 */
import { LAB_IDS, labNumber, type LabId } from '../src/labs/registry'

export { LAB_IDS, labNumber, type LabId }

interface LabTexts {
  title: string
  short: string
}

export function labPath(id: LabId): string {
  return `/labs/${id}`
}

/** A lab's texts, loaded the way Playwright loads the specs (CommonJS with its TypeScript transform). */
export function labTexts(id: LabId, locale: 'en' | 'ko' = 'en'): LabTexts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`../src/labs/${id}/texts/${locale}`) as { default: LabTexts }).default
}
