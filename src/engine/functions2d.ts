/**
 * Lab 1's 2-D test functions: the lesson's f(x, y) = x²/20 + y² (optimizer_compare_naive),
 * and beyond the lesson Rosenbrock, Beale, Himmelblau and the saddle x² − y²; each with its
 * gradient, minima, a plotting domain and a default start.
 */
export type Point2 = [number, number]

export interface Function2D {
  readonly id: Function2DId
  readonly label: string
  readonly formula: string
  f(x: number, y: number): number
  grad(x: number, y: number): Point2
  /** Global minima (empty when there is none, e.g. the saddle). */
  readonly minima: readonly Point2[]
  /** Stationary points that are not minima (the saddle's origin). */
  readonly saddles: readonly Point2[]
  readonly domain: { x: Point2; y: Point2 }
  readonly start: Point2
}

export const FUNCTION_2D_IDS = ['lesson', 'rosenbrock', 'beale', 'himmelblau', 'saddle'] as const
export type Function2DId = (typeof FUNCTION_2D_IDS)[number]

export const FUNCTIONS_2D: Record<Function2DId, Function2D> = {
  lesson: {
    id: 'lesson',
    label: 'x²/20 + y²',
    formula: 'f(x, y) = x²/20 + y²',
    f: (x, y) => (x * x) / 20 + y * y,
    grad: (x, y) => [x / 10, 2 * y], // the book's df: x / 10.0, 2.0 * y
    minima: [[0, 0]],
    saddles: [],
    domain: { x: [-10, 10], y: [-5, 5] },
    start: [-7, 2],
  },
  rosenbrock: {
    id: 'rosenbrock',
    label: 'Rosenbrock',
    formula: 'f(x, y) = (1 − x)² + 100·(y − x²)²',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    minima: [[1, 1]],
    saddles: [],
    domain: { x: [-2, 2], y: [-1, 3] },
    start: [-1.5, 2],
  },
  beale: {
    id: 'beale',
    label: 'Beale',
    formula: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    grad: (x, y) => {
      const a = 1.5 - x + x * y
      const b = 2.25 - x + x * y * y
      const c = 2.625 - x + x * y ** 3
      return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y]
    },
    minima: [[3, 0.5]],
    saddles: [],
    domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
    start: [1, 1.5],
  },
  himmelblau: {
    id: 'himmelblau',
    label: 'Himmelblau',
    formula: 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: (x, y) => {
      const a = x * x + y - 11
      const b = x + y * y - 7
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b]
    },
    minima: [
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.283185991286170],
      [3.584428340330492, -1.848126526964404],
    ],
    saddles: [],
    domain: { x: [-5, 5], y: [-5, 5] },
    start: [0, 0],
  },
  saddle: {
    id: 'saddle',
    label: 'Saddle x² − y²',
    formula: 'f(x, y) = x² − y²',
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2 * x, -2 * y],
    minima: [],
    saddles: [[0, 0]],
    domain: { x: [-2, 2], y: [-2, 2] },
    start: [-1.5, 0.01],
  },
}

export function getFunction2D(id: Function2DId): Function2D {
  const fn = FUNCTIONS_2D[id]
  if (!fn) throw new Error(`unknown 2-D function '${id}' (known: ${FUNCTION_2D_IDS.join(', ')})`)
  return fn
}
