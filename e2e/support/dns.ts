/** Where the custom-domain specs run their DNS server (UDP); start-server.sh points DNS_SERVERS there. */
export const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 2);
