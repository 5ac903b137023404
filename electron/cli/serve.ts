import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { packageRoot } from '../packageRoot';
import { loadOrCreateSecret, parseSecret } from '../sync/auth';
import { consoleLogger } from '../sync/log';
import { startSyncServer } from '../sync/server';

const HELP = `usage: archdrill serve [--host H] [--port P] [--data DIR | --store URL] [--secret-file F] [--static DIR]
                       [--public-origin URL]... [--link-ttl DURATION] [--max-room-bytes N]

Runs the pair-practice sync server (y-websocket protocol) headless.

  --host H         address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port P         port (default 4455; 0 picks a free one)
  --data DIR       store rooms here (y-leveldb) so a restart loses nothing; without it rooms live in memory
  --store URL      store rooms in PostgreSQL (postgres://user:pass@host:port/db; or ARCHDRILL_STORE): several
                   nodes may share the database and serve the same rooms; tables are created/migrated on start
  --secret-file F  the token secret (created 0600 on first run; default DIR/secret, random per run without --data);
                   or ARCHDRILL_SECRET=<base64url> / ARCHDRILL_SECRET_FILE=F. Every node of a cluster needs the same one
  --static DIR     the built app to serve to browsers (default: dist/renderer of this package, if built)
  --idle-evict-ms  how long a room with nobody in it stays in memory (default 30000)
  --public-origin URL
                   an origin browsers reach this server by (repeatable, e.g. https://drill.example.org);
                   when given, WebSockets from other origins and requests for other Host names are refused
  --link-ttl D     links handed out expire after D (90s, 30m, 12h, 7d; default: never)
  --max-room-bytes N
                   a room's document may not grow past N bytes (default 4194304, 4 MiB)
  --compact-at N   with --store: merge a room's rows into one snapshot row after N written here (default 200)
  --help           this text

Endpoints: GET|HEAD /healthz, POST /rooms and POST /rooms/<room>/revoke (Authorization: Bearer <admin key>),
/sync/<room>?token=…
Run the installed bin directly under a supervisor (systemd: ExecStart=/usr/bin/archdrill serve …), not through
npx or npm, which do not pass SIGTERM on.
Exit codes: 0 stopped by SIGINT/SIGTERM (every room flushed), 1 could not start, 2 bad arguments.
`;

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const flagsSchema = z.object({
  host: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  port: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0).max(65535).default(4455),
  data: z.string().min(1).optional(),
  store: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  'secret-file': z.string().min(1).optional(),
  static: z.string().min(1).optional(),
  'idle-evict-ms': z.coerce.number({ error: 'must be a number' }).int().min(0).default(30_000),
  'public-origin': z
    .array(z.string().regex(/^https?:\/\/[^/?#\s]+$/, 'must be an origin like https://drill.example.org (no path)'))
    .default([]),
  'link-ttl': z
    .string()
    .regex(DURATION, 'must be a duration like 90s, 30m, 12h or 7d')
    .transform((d) => {
      const [, n, unit] = DURATION.exec(d)!;
      return Number(n) * UNIT_MS[unit!]!;
    })
    .refine((ms) => ms > 0, 'must be longer than 0')
    .optional(),
  'max-room-bytes': z.coerce.number({ error: 'must be a number' }).int().min(1024).optional(),
  'compact-at': z.coerce.number({ error: 'must be a number' }).int().min(2).optional(),
  help: z.boolean().default(false),
});

/**
 * `archdrill serve`: starts the sync server and runs until SIGINT/SIGTERM,
 * then flushes every room and resolves 0. Returns 2 with one line on stderr for
 * bad flags, 1 when the server cannot start (port taken, unreadable data dir).
 */
export const runServe = async (argv: string[]): Promise<number> => {
  let flags: z.infer<typeof flagsSchema>;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        store: { type: 'string' },
        'secret-file': { type: 'string' },
        static: { type: 'string' },
        'idle-evict-ms': { type: 'string' },
        'public-origin': { type: 'string', multiple: true },
        'link-ttl': { type: 'string' },
        'max-room-bytes': { type: 'string' },
        'compact-at': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    const env = process.env;
    const parsed = flagsSchema.safeParse({
      ...values,
      store: values.store ?? (env.ARCHDRILL_STORE || undefined),
      'secret-file': values['secret-file'] ?? (env.ARCHDRILL_SECRET_FILE || undefined),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`--${issue.path.join('.')} ${issue.message}`);
    }
    flags = parsed.data;
  } catch (err) {
    process.stderr.write(`archdrill serve: ${(err as Error).message.split('\n')[0]} (see --help)\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const log = consoleLogger;
  const dataDir = flags.data && resolve(flags.data);
  const secretFile = flags['secret-file'] ?? (dataDir && join(dataDir, 'secret'));
  const secretEnv = process.env.ARCHDRILL_SECRET;
  const defaultStatic = join(packageRoot(), 'dist', 'renderer');
  const staticDir = flags.static ?? (existsSync(defaultStatic) ? defaultStatic : undefined);
  try {
    // The environment wins over the file: a container gets its secret injected, the file is the one-machine default.
    const secret = secretEnv
      ? parseSecret(secretEnv, 'ARCHDRILL_SECRET')
      : secretFile
        ? loadOrCreateSecret(secretFile)
        : undefined;
    const server = await startSyncServer({
      host: flags.host,
      port: flags.port,
      dataDir,
      storeUrl: flags.store,
      secret,
      staticDir,
      idleEvictMs: flags['idle-evict-ms'],
      publicOrigins: flags['public-origin'],
      ...(flags['link-ttl'] !== undefined && { linkTtlMs: flags['link-ttl'] }),
      ...(flags['max-room-bytes'] !== undefined && { limits: { roomBytes: flags['max-room-bytes'] } }),
      compactAt: flags['compact-at'],
      logger: log,
    });
    if (process.env.npm_command === 'exec' || process.env.npm_lifecycle_event)
      log.warn("started through npm/npx: a supervisor's SIGTERM reaches npm, not this server; run the installed bin directly");
    if (flags['public-origin'].length === 0 && flags.host !== '127.0.0.1')
      log.warn(
        'no --public-origin: any web page may open a WebSocket here (a token is still needed); name the origins you serve',
      );
    log.info(
      staticDir ? `serving the app from ${staticDir}` : 'the app is not built (npm run build): browsers get no page, only sync',
    );
    if (!secretFile && !secretEnv)
      log.warn(
        flags.store
          ? "no --secret-file or ARCHDRILL_SECRET: the secret is random, so other nodes refuse this node's links and they die with it"
          : 'no --data or --secret-file: the secret is random, so links die with this process',
      );
    // The admin key only mints rooms; it is a different MAC from any room token and reveals nothing about them.
    log.info(`create a room: curl -X POST -H "Authorization: Bearer ${server.adminKey}" ${server.url}/rooms`);
    await new Promise<void>((done) => {
      const stop = (signal: string) => {
        log.info(`${signal}: shutting down`);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  } catch (err) {
    process.stderr.write(`archdrill serve: ${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  }
};
