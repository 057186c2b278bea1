import type pg from 'pg';

// Other processes' writes, heard on PostgreSQL's LISTEN (migration 017's triggers NOTIFY at commit): caches
// compare `count` instead of reading the database. While the notification connection is down, `listening`
// is false, caches fall back to polling the database each second, and the log and /readyz say so.

export const WRITES_CHANNEL = 'nextseason_writes';
const COMMENTS = 'comments';

export interface WriteNotices {
  /** Notices heard, plus one each time the connection comes back (for what it may have missed meanwhile). */
  readonly count: number;
  /** The same, for writes to the catalogue only (not comments): what the forecaster is trained on. */
  readonly catalogue: number;
  readonly listening: boolean;
  /** Why it is not listening, while it is not. */
  readonly problem: string | null;
  stop(): Promise<void>;
}

export async function listenForWrites(
  pgModule: typeof pg,
  url: string,
  { searchPath, retryMs = 1000 }: { searchPath?: string; retryMs?: number } = {},
): Promise<WriteNotices> {
  const state = { count: 0, catalogue: 0, listening: false, problem: 'not connected yet' as string | null };
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  const lost = (reason: string) => {
    if (stopped || !state.listening) return;
    state.listening = false;
    state.problem = reason;
    console.error(`PostgreSQL: write notices lost (${reason}); cached pages poll the database every second until they are back`);
    schedule();
  };

  const schedule = () => {
    if (stopped || timer) return;
    // Backs off to ten seconds while the server stays away; pages keep polling meanwhile.
    timer = setTimeout(
      () => {
        timer = null;
        void connect();
      },
      Math.min(10_000, retryMs * 2 ** Math.min(failures, 4)),
    );
  };

  async function connect() {
    const next = new pgModule.Client({ connectionString: url, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) });
    client = next;
    next.on('error', (error) => lost(error.message));
    next.on('end', () => lost('connection closed'));
    try {
      await next.connect();
      const schema = (await next.query<{ s: string }>('select current_schema() as s')).rows[0]?.s ?? 'public';
      next.on('notification', (n) => {
        if (n.channel !== WRITES_CHANNEL || !n.payload?.startsWith(`${schema}.`)) return;
        state.count++;
        if (n.payload !== `${schema}.${COMMENTS}`) state.catalogue++;
      });
      await next.query(`listen ${WRITES_CHANNEL}`);
      if (stopped) return void next.end().catch(() => undefined);
      // Whatever was written while nobody listened: every cache reads the database once more.
      state.count++;
      state.catalogue++;
      if (state.problem && failures > 0) console.error('PostgreSQL: write notices back; cached pages stop polling');
      state.listening = true;
      state.problem = null;
      failures = 0;
    } catch (error) {
      failures++;
      state.problem = (error as Error).message;
      if (failures === 1) console.error(`PostgreSQL: cannot listen for write notices (${state.problem}); cached pages poll the database`);
      next.end().catch(() => undefined);
      schedule();
    }
  }

  await connect();
  return {
    get count() {
      return state.count;
    },
    get catalogue() {
      return state.catalogue;
    },
    get listening() {
      return state.listening;
    },
    get problem() {
      return state.problem;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
