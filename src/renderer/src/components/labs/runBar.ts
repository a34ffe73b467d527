/** Provided by a lab page that has a run bar: the form's own Run button then stays hidden (Enter in a field still runs). */
import type { InjectionKey } from 'vue'

export const RUN_BAR: InjectionKey<boolean> = Symbol('run-bar')
