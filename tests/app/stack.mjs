// Starts the test application behind a real nginx (Debian's package) on
// loopback, with TLS from a self-signed certificate made at test time, in
// one of the named fault profiles:
//
//   healthy        correct X-Forwarded-Proto / X-Forwarded-Host (the control)
//   proto-drift    X-Forwarded-Proto: http behind TLS: the app drops its
//                  Secure session cookie and the login loops
//   host-drift     no X-Forwarded-Host, Host rewritten to the upstream: the
//                  app redirects to its internal host and port
//   cookie-domain  the app sets Domain= to a domain that is not the published
//                  one; the browser rejects the cookie
//   clock-drift    the app host's clock is 5 minutes behind (libfaketime)
//   cookie-bloat   the app piles cookies up until nginx answers 400
//                  "Request Header Or Cookie Too Large"

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's libfaketime, wherever the multiarch directory is. */
function libfaketime() {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    const lib = path.join(dir, 'faketime', 'libfaketime.so.1');
    if (fs.existsSync(lib)) return lib;
  }
  throw new Error('libfaketime.so.1 not found: install the faketime package');
}

export const PROFILES = ['healthy', 'proto-drift', 'host-drift', 'cookie-domain', 'clock-drift', 'cookie-bloat'];
const APP = path.resolve(import.meta.dirname, 'app.mjs');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function waitForLine(child, re, what) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${buf}`)), 10_000);
    const on = (d) => {
      buf += d;
      const m = buf.match(re);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', (d) => (buf += d));
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}): ${buf}`)));
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

function nginxConf(dir, profile, port, appPort) {
  const headers = {
    healthy: ['proxy_set_header Host $http_host;', 'proxy_set_header X-Forwarded-Host $http_host;', 'proxy_set_header X-Forwarded-Proto $scheme;'],
    // The classic mistake: a proxy that hard-codes "http" behind TLS.
    'proto-drift': ['proxy_set_header Host $http_host;', 'proxy_set_header X-Forwarded-Host $http_host;', 'proxy_set_header X-Forwarded-Proto http;'],
    // No X-Forwarded-Host, and nginx's default Host (the upstream's address).
    'host-drift': ['proxy_set_header Host $proxy_host;', 'proxy_set_header X-Forwarded-Proto $scheme;'],
  };
  const h = headers[profile] ?? headers.healthy;
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # nginx's defaults, spelled out: a Cookie header over 8 KiB is refused
  # with 400 "Request Header Or Cookie Too Large".
  large_client_header_buffers 4 8k;
  # Room for the app's many Set-Cookie lines in one response (cookie-bloat).
  proxy_buffer_size 32k;
  proxy_buffers 8 32k;
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    # Plain http sent to this TLS port: send the browser back to https.
    error_page 497 =301 https://$host:$server_port$request_uri;
    location / {
      proxy_pass http://127.0.0.1:${appPort};
      ${h.join('\n      ')}
      # Let the app's own Date header through, so its clock is visible.
      proxy_pass_header Date;
      proxy_redirect off;
    }
  }
}
`;
}

/** End a child's whole process group and let go of its pipes. */
function end(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  child.unref();
}

export async function startStack(profile) {
  if (!PROFILES.includes(profile)) throw new Error(`unknown profile ${profile}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `at-${profile}-`));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });

  const env = { ...process.env, PORT: '0' };
  if (profile === 'cookie-domain') env.COOKIE_DOMAIN = 'nanami.example.org';
  if (profile === 'cookie-bloat') env.BLOAT = '1';
  // The app host's clock 5 minutes behind, through libfaketime (Debian's
  // faketime package), preloaded directly: the `faketime` wrapper names a
  // semaphore after its own pid and fails ("sem_open: File exists") when a
  // killed run left one behind under a reused pid.
  if (profile === 'clock-drift') {
    env.LD_PRELOAD = libfaketime();
    env.FAKETIME = '-5m';
  }
  const cmd = [process.execPath, [APP]];
  // Own process groups: nginx has workers; stop() ends each whole group,
  // so nothing outlives the test.
  const app = spawn(cmd[0], cmd[1], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const [, appPort] = await waitForLine(app, /listening (\d+)/, 'app');

  const port = await freePort();
  fs.writeFileSync(`${dir}/nginx.conf`, nginxConf(dir, profile, port, appPort));
  const nginx = spawn(process.env.NGINX ?? '/usr/sbin/nginx', ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let nginxErr = '';
  nginx.stderr.on('data', (d) => (nginxErr += d));
  try {
    await waitForPort(port);
  } catch (e) {
    end(app);
    end(nginx);
    throw new Error(`nginx did not start: ${nginxErr}`);
  }
  return {
    profile,
    published: `https://localhost:${port}`,
    appOrigin: `http://127.0.0.1:${appPort}`,
    async stop() {
      end(nginx, 'SIGQUIT');
      end(app);
      await new Promise((r) => setTimeout(r, 100));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
