/**
 * Alignment is CPU work on the event loop. Every verification of every user queues its alignment
 * slices (a few ms each) here, one at a time, each after a turn of the event loop: whatever else
 * arrives (another user's /status, a gateway heartbeat) waits for at most one slice, never for a burst.
 */
const waiting: Array<() => void> = [];
let busy = false;

export async function inTurn<T>(work: () => T): Promise<T> {
  if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
  busy = true;
  try {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  }
}

