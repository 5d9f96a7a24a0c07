// The baselines of `npm run bench:calendar`, in their own process like the api:
// `/` answers "hello" (the least a Node HTTP server can do per request), `/body` answers with
// the api's month response sent over IPC, byte for byte as the api sent it (compressed when the
// api compressed it): what moving that answer costs without any app.
import { createServer } from 'node:http';

let body = Buffer.alloc(0);
let bodyHeaders = { 'content-type': 'application/json' };
process.on('message', (message) => {
  body = Buffer.from(message.body, 'base64');
  if (message.encoding) bodyHeaders = { ...bodyHeaders, 'content-encoding': message.encoding, vary: 'accept-encoding' };
  process.send({ bodyBytes: body.length });
});

const server = createServer((request, response) => {
  if (request.url === '/body') {
    response.writeHead(200, bodyHeaders);
    response.end(body);
    return;
  }
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('hello');
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// Never outlive the benchmark that started it.
process.on('disconnect', () => process.exit(0));
