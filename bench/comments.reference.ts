// The reference for the comment load test: bare node:http that reads the same form and inserts one row
// into the same database engine, then answers 303. No validation, moderation, rate limits or rendering.
import http from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const url = process.env.DATABASE_URL as string;
const port = Number(process.env.PORT);
let insert: (email: string, body: string) => Promise<void>;
if (url.startsWith('postgres')) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('create table if not exists reference_comments (id serial primary key, email text not null, body text not null)');
  insert = async (email, body) => {
    await pool.query('insert into reference_comments (email, body) values ($1, $2)', [email, body]);
  };
} else {
  const db = new SQLite(url.replace(/^sqlite:/, ''));
  db.pragma('journal_mode = WAL');
  db.exec('create table if not exists reference_comments (id integer primary key, email text not null, body text not null)');
  const stmt = db.prepare('insert into reference_comments (email, body) values (?, ?)');
  insert = async (email, body) => {
    stmt.run(email, body);
  };
}
http
  .createServer((req, res) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', async () => {
      const form = new URLSearchParams(data);
      await insert(form.get('email') ?? '', form.get('body') ?? '');
      res.writeHead(303, { location: '/shows/somos?comment=held#comments' });
      res.end();
    });
  })
  .listen(port, '127.0.0.1', () => console.log('is running at'));
