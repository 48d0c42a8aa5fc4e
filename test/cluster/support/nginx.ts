import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * nginx (Debian's package) on loopback with the shipped configuration,
 * `deploy/nginx/tradepost.conf`, read from the repository as it is: only the
 * listening port and the upstream servers' ports are replaced. The main
 * nginx.conf around it is this file's (a prefix of its own, a log line with
 * the upstream each request went to), as Debian's /etc/nginx/nginx.conf is in
 * production.
 */
export const SHIPPED_CONFIG = path.join(process.cwd(), 'deploy', 'nginx', 'tradepost.conf');

export type AccessLogLine = { method: string; uri: string; status: number; upstream: string; upstreamStatus: string; requestId: string; at: number };

export function templatedConfig(listenPort: number, instancePorts: number[]): string {
  const shipped = fs.readFileSync(SHIPPED_CONFIG, 'utf8');
  const servers = [...shipped.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm)];
  if (servers.length < 2) throw new Error(`${SHIPPED_CONFIG}: expected an upstream of two or more servers`);
  const [indent, params] = [servers[0]![1]!, servers[0]![2] ?? ''];
  let text = shipped.replace(/^\s*server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm, '');
  text = text.replace(/^(\s*upstream tradepost \{\n)/m, `$1${instancePorts.map((p) => `${indent}server 127.0.0.1:${p}${params};\n`).join('')}`);
  if (!/^\s*listen 80;$/m.test(text)) throw new Error(`${SHIPPED_CONFIG}: expected "listen 80;"`);
  return text.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
}

export async function startNginx(options: { port: number; instancePorts: number[] }) {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((b) => fs.existsSync(b));
  if (!binary) throw new Error('nginx not found (install Debian\'s nginx package; scripts/test-cluster.sh does as root)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-cluster-nginx-'));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'tradepost.conf'), templatedConfig(options.port, options.instancePorts));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format cluster escape=json '{"method":"$request_method","uri":"$request_uri","status":$status,"upstream":"$upstream_addr","upstreamStatus":"$upstream_status","requestId":"$request_id","at":$msec}';
  access_log ${dir}/access.log cluster;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { text/html html; }
  include ${dir}/tradepost.conf;
}
`,
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'];
  const test = spawn(binary, [...args, '-t'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let checked = '';
  test.stderr!.on('data', (c: Buffer) => (checked += c.toString()));
  const code = await new Promise<number | null>((resolve) => test.once('exit', resolve));
  if (code !== 0) throw new Error(`nginx -t refused the configuration:\n${checked}`);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${origin}/api/health`);
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    dir,
    accessLog(): AccessLogLine[] {
      const file = path.join(dir, 'access.log');
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const entry = JSON.parse(line) as AccessLogLine;
          return { ...entry, at: Number(entry.at) * 1000 };
        });
    },
    errorLog: () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Nginx = Awaited<ReturnType<typeof startNginx>>;
