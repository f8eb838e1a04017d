// oauth2-proxy in front of an app, re-enacted on loopback for recording
// (oauth2-proxy is a Go program; Go modules cannot be had on this machine),
// with a real OpenID provider (oidc-provider, its development login and
// consent pages) behind it. The stand-in answers as oauth2-proxy v7 answers
// with --skip-provider-button, from its source (oauthproxy.go's Proxy,
// doOAuthStart and OAuthCallback; pkg/cookies; see README.md beside this
// file for the commit):
// - any page without a valid `_oauth2_proxy` cookie: the CSRF cookie
//   `_oauth2_proxy_csrf` (Path=/, 15 minutes, HttpOnly, Secure) is set and
//   the browser sent with 302 to the provider's authorization URL, the state
//   carrying the nonce and the page to come back to;
// - /oauth2/callback?code&state: the code is redeemed, the session cookie
//   `_oauth2_proxy` (Path=/, 168 h, HttpOnly, Secure) set, the CSRF cookie
//   cleared, and 302 to the page the sign-in started from.
// COOKIE_SECURE=false: --cookie-secure=false (plain http, as recorded).
// COOKIE_DOMAIN=elsewhere.example: the session cookie is sent with a Domain
// the browser rejects (--cookie-domain not matching the published host):
// the callback's cookie never arrives, so every page starts the flow again,
// the provider (already signed in) sends the browser straight back, and
// round it goes until the browser gives up.
//
//   node oauth2_proxy_shim.mjs OP_PORT PROXY_PORT   (run from a folder with
//                                                    oidc-provider@9 and
//                                                    openid-client@6 installed)
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';
import * as client from 'openid-client';

const [opPort = 8794, pxPort = 8795] = process.argv.slice(2).map(Number);
const issuer = `http://127.0.0.1:${opPort}`;
// Another host name than the provider's, so that their cookies stay apart.
const proxy = `http://localhost:${pxPort}`;
const cookieDomain = process.env.COOKIE_DOMAIN;
// --cookie-secure=false, as oauth2-proxy is run on plain http (the recording).
const secure = process.env.COOKIE_SECURE === 'false' ? '' : '; Secure';

const provider = new Provider(issuer, {
  clients: [{ client_id: 'oauth2-proxy', client_secret: 'recording-only', redirect_uris: [`${proxy}/oauth2/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@example.org` }) }),
  claims: { openid: ['sub'], email: ['email'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['recording-only-key'] },
});
provider.proxy = false;
await new Promise((r) => http.createServer(provider.callback()).listen(opPort, '127.0.0.1', r));
const config = await client.discovery(new URL(issuer), 'oauth2-proxy', 'recording-only', undefined, { execute: [client.allowInsecureRequests] });

const sessions = new Map(); // _oauth2_proxy value -> user
const csrfs = new Map(); // _oauth2_proxy_csrf value -> nonce
const cookie = (req, name) => (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
const httpDate = (ms) => new Date(ms).toUTCString();

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, proxy);
    const noCache = { expires: httpDate(0), 'cache-control': 'no-cache, no-store, must-revalidate, max-age=0' };
    try {
      if (url.pathname === '/oauth2/callback') {
        const [nonce, ...rest] = (url.searchParams.get('state') ?? '').split(':');
        const appRedirect = rest.join(':') || '/';
        const csrf = cookie(req, '_oauth2_proxy_csrf');
        if (!csrf || csrfs.get(csrf) !== nonce) {
          res.writeHead(403, { 'content-type': 'text/html' });
          return res.end('<!doctype html><title>Forbidden</title><h1>Login Failed: Unable to find a valid CSRF token. Please try again.</h1>');
        }
        const tokens = await client.authorizationCodeGrant(config, url, { expectedState: url.searchParams.get('state') });
        const value = crypto.randomBytes(24).toString('base64url');
        sessions.set(value, tokens.claims().email ?? tokens.claims().sub);
        res.writeHead(302, {
          location: appRedirect,
          'set-cookie': [
            `_oauth2_proxy_csrf=; Path=/; Expires=${httpDate(Date.now() - 3600e3)}; HttpOnly${secure}`,
            `_oauth2_proxy=${value}; Path=/;${cookieDomain ? ` Domain=${cookieDomain};` : ''} Expires=${httpDate(Date.now() + 168 * 3600e3)}; HttpOnly${secure}`,
          ],
          ...noCache,
        });
        return res.end();
      }
      const user = sessions.get(cookie(req, '_oauth2_proxy') ?? '');
      if (user) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<!doctype html><html lang="en"><title>Reports</title><h1>Reports</h1><p>Signed in as ${user}</p></html>`);
      }
      // doOAuthStart: CSRF cookie, then the provider's login URL.
      const nonce = crypto.randomBytes(16).toString('base64url');
      const value = crypto.randomBytes(24).toString('base64url');
      csrfs.set(value, nonce);
      const to = client.buildAuthorizationUrl(config, {
        redirect_uri: `${proxy}/oauth2/callback`,
        scope: 'openid email profile',
        state: `${nonce}:${url.pathname}${url.search}`,
      });
      res.writeHead(302, {
        location: to.href,
        'set-cookie': `_oauth2_proxy_csrf=${value}; Path=/; Expires=${httpDate(Date.now() + 15 * 60e3)}; HttpOnly${secure}`,
        ...noCache,
      });
      res.end();
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`sign-in failed: ${e.code ?? e.name}`);
    }
  })
  .listen(pxPort, '127.0.0.1');
console.log(`OP ${issuer}, oauth2-proxy stand-in ${proxy}${cookieDomain ? ` (cookie domain ${cookieDomain})` : ''}`);
