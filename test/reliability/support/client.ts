import fs from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { RELIABILITY_AUTH_SECRET } from './cluster';

/**
 * A client of a running instance, the way a browser is one: session cookies
 * (minted with the deployment's secret, as Auth.js would after a sign-in),
 * pages by URL, and server actions by their id from the build's manifest,
 * sent as the React client sends them.
 */
type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

let manifest: Record<string, ManifestEntry> | undefined;

/** Every server action of the build: `lib/actions/portal/place-order.ts#placeOrderAction` → id. */
export function serverActions(): Map<string, { id: string; filename: string; exportedName: string; pages: string[] }> {
  manifest ??= (JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  }).node;
  const actions = new Map<string, { id: string; filename: string; exportedName: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest)) {
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, filename: entry.filename, exportedName: entry.exportedName, pages: Object.keys(entry.workers) });
  }
  return actions;
}

export function actionIdByName(exportedName: string): string {
  const found = [...serverActions().values()].filter((a) => a.exportedName === exportedName);
  if (found.length !== 1) throw new Error(`expected one server action named ${exportedName}, found ${found.length}`);
  return found[0]!.id;
}

export type Session =
  | { area: 'customer'; portalAccountId: number; sellerId: number; sessionVersion?: number }
  | { area: 'staff'; staffUserId: number; sessionVersion?: number };

/** The session cookie Auth.js would set after this account signed in (APP_URL is http here: no __Host- prefix). */
export async function sessionCookie(session: Session): Promise<string> {
  const name = session.area === 'customer' ? 'tp-customer-session' : 'tp-staff-session';
  const token =
    session.area === 'customer'
      ? { sub: String(session.portalAccountId), uid: session.portalAccountId, sid: session.sellerId, ver: session.sessionVersion ?? 0 }
      : { sub: String(session.staffUserId), uid: session.staffUserId, ver: session.sessionVersion ?? 0 };
  const value = await encode({ token, secret: RELIABILITY_AUTH_SECRET, salt: name, maxAge: 3600 });
  return `${name}=${value}`;
}

export type ActionAnswer = { status: number; result: unknown; body: string };

/** Reads the action's return value from the RSC answer (`0:{"a":"$@1",…}` then `1:<value>`). */
function actionValue(body: string): unknown {
  const root = /^0:(.*)$/m.exec(body)?.[1];
  if (!root) return undefined;
  const reference = /"a":"\$@([0-9a-f]+)"/.exec(root)?.[1];
  if (!reference) {
    const inline = JSON.parse(root) as { a?: unknown };
    return inline.a;
  }
  const line = new RegExp(`^${reference}:(.*)$`, 'm').exec(body)?.[1];
  return line === undefined ? undefined : JSON.parse(line);
}

/**
 * Calls a server action on an instance as the React client does: POST to a
 * page, the action id in `Next-Action`, the arguments JSON-encoded.
 */
export async function callAction(
  origin: string,
  options: { action: string; args: unknown[]; page: string; cookie?: string; headers?: Record<string, string> },
): Promise<ActionAnswer> {
  const response = await fetch(`${origin}${options.page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': options.action,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: origin,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify(options.args),
  });
  const body = await response.text();
  let result: unknown;
  try {
    result = actionValue(body);
  } catch {
    result = undefined;
  }
  return { status: response.status, result, body };
}
