/**
 * A small seedable PRNG (mulberry32). Faults and operation timings draw from it so a seeded run
 * injects the same faults in the same request order every time.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number | undefined): Rng {
  return seed === undefined ? Math.random : mulberry32(seed);
}

export function between(rng: Rng, min: number, max: number): number {
  return max <= min ? min : min + Math.floor(rng() * (max - min + 1));
}
