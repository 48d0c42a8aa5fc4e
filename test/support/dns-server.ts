import dns2 from 'dns2';

/**
 * A real DNS server on loopback (UDP) for ownership checks: it answers TXT
 * questions from `records`, NXDOMAIN for names it does not know, and nothing at
 * all while `silent` is set (a resolver timeout). Point DNS_SERVERS, or
 * `dnsTxtLookup({ servers })`, at `server`.
 */
export type TestDnsServer = {
  /** `127.0.0.1:{port}`, as DNS_SERVERS takes it. */
  server: string;
  port: number;
  /** TXT values by lower-case name. */
  records: Map<string, string[]>;
  silent: boolean;
  /** Names asked so far, lower case. */
  questions: string[];
  close: () => Promise<void>;
};

export async function startDnsServer(options: { port?: number } = {}): Promise<TestDnsServer> {
  const { Packet } = dns2;
  const state = { records: new Map<string, string[]>(), silent: false, questions: [] as string[] };
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const [question] = request.questions;
      if (!question) return;
      const name = question.name.toLowerCase().replace(/\.$/, '');
      state.questions.push(name);
      if (state.silent) return;
      const response = Packet.createResponseFromRequest(request);
      const values = state.records.get(name);
      if (!values) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
      } else if (question.type === Packet.TYPE.TXT) {
        for (const data of values) {
          (response.answers as unknown[]).push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data });
        }
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: options.port ?? 0, address: '127.0.0.1' } });
  const port = (addresses.udp as { port: number }).port;
  return {
    server: `127.0.0.1:${port}`,
    port,
    records: state.records,
    get silent() {
      return state.silent;
    },
    set silent(value: boolean) {
      state.silent = value;
    },
    questions: state.questions,
    close: () => server.close(),
  };
}
