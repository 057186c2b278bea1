import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on 127.0.0.1 for tests, run as its own process: prints "listening PORT",
// then one JSON line for each mail it receives.

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const headers = Object.fromEntries([...mail.headerLines].map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]));
        const to = session.envelope.rcptTo.map((r) => r.address);
        process.stdout.write(
          `${JSON.stringify({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to, subject: mail.subject, text: mail.text, headers })}\n`,
        );
        callback();
      })
      .catch(callback);
  },
});
// A client killed mid-session resets its connection: that is the client's end, not the server's.
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ECONNRESET') process.stderr.write(`smtp: ${error.message}\n`);
});
server.listen(Number(process.env.SMTP_PORT ?? 0), '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
