// An OpenID provider (oidc-provider, its development login and consent
// pages) and a relying party (openid-client) on loopback, for recording the
// normal OIDC sign-in sequence (see README.md beside this file). Not part of
// the test suite: the recorded snapshot is a committed golden fixture.
//
// COOKIE_DOMAIN=elsewhere.example: the relying party's session cookie goes
// out with a Domain the browser rejects, so the callback finds no session,
// starts the sign-in again, and the provider (signed in) sends it straight
// back: a loop, for the negative control.
//
//   node oidc_rp.mjs OP_PORT RP_PORT     (run from a folder with oidc-provider@9
//                                         and openid-client@6 installed)
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';
import * as client from 'openid-client';

const [opPort = 8770, rpPort = 8771] = process.argv.slice(2).map(Number);
const issuer = `http://127.0.0.1:${opPort}`;
const rp = `http://localhost:${rpPort}`;

const provider = new Provider(issuer, {
  clients: [{ client_id: 'nanami', client_secret: 'recording-only', redirect_uris: [`${rp}/cb`], grant_types: ['authorization_code'], response_types: ['code'] }],
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, name: id }) }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['recording-only-key'] },
  pkce: { required: () => true },
});
provider.proxy = false;
await new Promise((r) => http.createServer(provider.callback()).listen(opPort, '127.0.0.1', r));

const config = await client.discovery(new URL(issuer), 'nanami', 'recording-only', undefined, { execute: [client.allowInsecureRequests] });
const sessions = new Map(); // rp session id -> { verifier, state, sub }
const cookie = (req, name) => (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, rp);
    const sid = cookie(req, 'rp_session');
    const s = sid && sessions.get(sid);
    try {
      if (url.pathname === '/') {
        if (!s?.sub) return res.writeHead(302, { location: '/login?next=/' }).end();
        return res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Home</title><p>Signed in as ${s.sub}</p>`);
      }
      if (url.pathname === '/login') {
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        const id = crypto.randomUUID();
        sessions.set(id, { verifier, state });
        const to = client.buildAuthorizationUrl(config, {
          redirect_uri: `${rp}/cb`,
          scope: 'openid',
          state,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        });
        return res.writeHead(302, { location: to.href, 'set-cookie': `rp_session=${id}; Path=/;${process.env.COOKIE_DOMAIN ? ` Domain=${process.env.COOKIE_DOMAIN};` : ''} HttpOnly; SameSite=Lax` }).end();
      }
      if (url.pathname === '/cb') {
        if (!s) return res.writeHead(302, { location: '/login' }).end();
        const tokens = await client.authorizationCodeGrant(config, url, { pkceCodeVerifier: s.verifier, expectedState: s.state });
        s.sub = tokens.claims().sub;
        return res.writeHead(302, { location: '/' }).end();
      }
      res.writeHead(404).end('not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`sign-in failed: ${e.code ?? e.name}`);
    }
  })
  .listen(rpPort, '127.0.0.1');
console.log(`OP ${issuer}, RP ${rp}`);
