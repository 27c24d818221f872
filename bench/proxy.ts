/**
 * A tiny round-robin TCP proxy for the scale-out runs: each new client connection goes to the next
 * server in TARGETS (comma-separated ports on 127.0.0.1), and bytes are piped both ways. The load's
 * connections are kept alive, so 32 clients over 2 servers is 16 connections each, the way a
 * layer-4 load balancer spreads them. Its own cost is measured too (1 server behind it).
 *
 * Run by the benchmark as its own process: PORT and TARGETS.
 */
import net from 'node:net';

const targets = (process.env.TARGETS ?? '')
  .split(',')
  .map((port) => Number(port.trim()))
  .filter((port) => Number.isInteger(port) && port > 0);
if (targets.length === 0)
  throw new Error('TARGETS: give the ports of the servers, e.g. 18101,18102');

let next = 0;
const server = net.createServer((client) => {
  const port = targets[next % targets.length] as number;
  next++;
  const upstream = net.connect(port, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});

// The benchmark waits for `GET /api/v1/health` through the proxy, like any client.
server.listen(Number(process.env.PORT ?? 18100), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
