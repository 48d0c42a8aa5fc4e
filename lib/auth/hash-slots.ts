/**
 * A cap on how many password hashes this process runs at once. scrypt is
 * meant to be slow and memory-hungry; without a cap, a burst of sign-ins
 * (guesses for unknown emails cost the same, by design) fills Node's small
 * thread pool and every other sign-in, file read and DNS lookup waits behind
 * it. In-process on purpose: it protects this process's CPU and memory, which
 * is what each app instance has to share.
 */
export type HashSlots = {
  /** Takes a slot if one is free; null when all are taken (the caller answers "busy" at once). */
  tryAcquire(): (() => void) | null;
  /** Waits for a slot: for hashes that only a valid one-time link can ask for. */
  acquire(): Promise<() => void>;
  stats(): { running: number; peak: number; started: number; refused: number };
};

export function createHashSlots(capacity: () => number): HashSlots {
  let running = 0;
  let peak = 0;
  let started = 0;
  let refused = 0;
  const waiting: (() => void)[] = [];

  function take(): () => void {
    running++;
    started++;
    peak = Math.max(peak, running);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      waiting.shift()?.();
    };
  }

  return {
    tryAcquire() {
      if (running >= capacity()) {
        refused++;
        return null;
      }
      return take();
    },
    async acquire() {
      while (running >= capacity()) await new Promise<void>((resolve) => waiting.push(resolve));
      return take();
    },
    stats: () => ({ running, peak, started, refused }),
  };
}
