import { startInstance, type Instance } from '../../reliability/support/cluster';
import { startNginx, type Nginx } from './nginx';

/**
 * Instances of the production build behind nginx with the shipped
 * configuration, as docs/DEPLOY.md runs them: the same APP_URL (nginx's
 * origin), AUTH_SECRET and database on each, TRUSTED_PROXY_HOPS=1.
 */
export type Cluster = { nginx: Nginx; instances: Instance[]; stop(): Promise<void> };

export async function startCluster(options: {
  name: string;
  databaseUrl: string;
  mailUrl: string;
  nginxPort: number;
  instancePorts: readonly number[];
  env?: Record<string, string>;
}): Promise<Cluster> {
  const appUrl = `http://127.0.0.1:${options.nginxPort}`;
  const env = { TRUSTED_PROXY_HOPS: '1', SHUTDOWN_DRAIN_MS: '2000', SHUTDOWN_TIMEOUT_MS: '10000', EMAIL_DISPATCH_INTERVAL_MS: '1000', ...options.env };
  const instances: Instance[] = [];
  // One after the other: the first applies pending migrations, and two builds starting at once on 2 cores are slow.
  for (const [i, port] of options.instancePorts.entries()) {
    instances.push(await startInstance({ name: `${options.name}-${String.fromCharCode(65 + i)}`, port, databaseUrl: options.databaseUrl, appUrl, mailUrl: options.mailUrl, env }));
  }
  const nginx = await startNginx({ port: options.nginxPort, instancePorts: [...options.instancePorts] });
  return {
    nginx,
    instances,
    async stop() {
      await nginx.stop();
      await Promise.all(instances.map((i) => i.stop()));
    },
  };
}
