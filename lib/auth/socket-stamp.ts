import http from 'node:http';
import https from 'node:https';
import { SOCKET_ADDRESS_HEADER } from './client-address';

const patched = Symbol.for('tradepost.socketStamp');

/**
 * Next.js hands route code the request's headers but never its socket, so
 * the TCP peer's address is written into a header of our own as each request
 * arrives, overwriting whatever a client sent under that name. Run from
 * instrumentation.ts `register()`, which Next calls in the process that owns
 * the HTTP server (under `next start` and `next dev` alike); patching the
 * prototype also covers a server created before register() ran.
 */
export function stampSocketAddresses(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as http.Server & { [patched]?: true };
    if (proto[patched]) continue;
    const emit = proto.emit;
    proto.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const req = args[0] as http.IncomingMessage;
        const address = req.socket?.remoteAddress;
        if (address) req.headers[SOCKET_ADDRESS_HEADER] = address;
        else delete req.headers[SOCKET_ADDRESS_HEADER];
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
    proto[patched] = true;
  }
}
