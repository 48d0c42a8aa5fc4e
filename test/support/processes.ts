import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
    server.on('error', reject);
  });
}

let nextInRange = 0;

/**
 * Server processes the browser and reliability suites start: a free loopback
 * port; with `TEST_PORTS=3610-3619` (a machine shared by several runs) only
 * from that range, the first free one not handed out yet.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS ?? '');
  if (!range) return listenOn(0);
  const [first, last] = [Number(range[1]), Number(range[2])];
  for (let port = Math.max(first, nextInRange); port <= last; port++) {
    try {
      await listenOn(port);
      nextInRange = port + 1;
      return port;
    } catch {
      // taken: try the next one
    }
  }
  throw new Error(`no free port left in TEST_PORTS=${process.env.TEST_PORTS}`);
}

/** Resolves once `/api/health` answers 200; fails with the process's output if it exits or stays silent for 2 minutes. */
export async function waitForHealth(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server at ${origin} did not answer:\n${output()}`);
}
