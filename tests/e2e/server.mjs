// The fixture site: real pages on loopback that show each failure the way a
// product would. Started by the end-to-end tests; `node server.mjs` runs it
// by hand (prints its URL).

import http from 'node:http';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page({ title, alert = '', body = '', form = '', extra = '', lang = 'en' }) {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body><main><h1>Nanami</h1><h2>${esc(title)}</h2>
${alert ? `<div class="alert alert-danger" role="alert">${esc(alert)}</div>` : ''}
${body}${form}${extra}</main></body></html>`;
}

const MFA_FORM = `<form method="post" action=""><label for="otp">Authentication code</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button type="submit">Verify</button></form>`;
const LOGIN_FORM = `<form method="post" action=""><label for="u">Email</label><input id="u" name="username" type="email" autocomplete="username">
<label for="p">Password</label><input id="p" name="password" type="password" autocomplete="current-password"><button type="submit">Sign in</button></form>`;

const JA_MFA_FORM = `<form method="post" action=""><label for="otp">認証コード</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button type="submit">確認</button></form>`;
const FR_MFA_FORM = `<form method="post" action=""><label for="otp">Code d'authentification</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button type="submit">Valider</button></form>`;

function send(res, status, html, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(html);
}

function readBody(req) {
  return new Promise((resolve) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => resolve(b));
  });
}

export const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

const routes = {
  // Localized pages (issue 14): a Japanese MFA step answering a wrong code,
  // a French one whose challenge expired. Worded for this site, not copied
  // from a product.
  'GET /ja/wrong-code': (req, res) =>
    send(res, 200, page({ lang: 'ja', title: '2段階認証', body: '<p>認証アプリに表示されている6桁の番号を入力してください。</p>', form: JA_MFA_FORM })),
  'POST /ja/wrong-code': async (req, res) => {
    await readBody(req);
    send(res, 401, page({ lang: 'ja', title: '2段階認証', alert: '入力された認証コードが正しくありません。もう一度入力してください。', form: JA_MFA_FORM }));
  },
  'GET /fr/expired': (req, res) =>
    send(res, 200, page({ lang: 'fr', title: 'Vérification en deux étapes', alert: 'Votre code a expiré : demandez-en un nouveau pour continuer.', form: FR_MFA_FORM })),

  // Healthy control: a login page, a session cookie with sane attributes.
  'GET /healthy': (req, res) =>
    send(res, 200, page({ title: 'Sign in', form: LOGIN_FORM }), { 'set-cookie': 'nanami_csrf=a1b2c3; Path=/; HttpOnly; SameSite=Lax' }),

  // 1. Wrong code: a real form post answered 400.
  'GET /wrong-code': (req, res) => send(res, 200, page({ title: 'Two-step verification', body: '<p>Enter the 6-digit code from your authenticator app.</p>', form: MFA_FORM })),
  'POST /wrong-code': async (req, res) => {
    await readBody(req);
    send(res, 400, page({ title: 'Two-step verification', alert: 'Invalid authenticator code. Please try again.', form: MFA_FORM }));
  },

  // 2. Expired challenge.
  'GET /expired': (req, res) =>
    send(res, 410, page({ title: 'Two-step verification', alert: 'Your verification code has expired. Please request a new one.', form: MFA_FORM })),

  // 3. Rate limit with a resend cooldown.
  'GET /rate': (req, res) =>
    send(
      res,
      429,
      page({
        title: 'Two-step verification',
        alert: 'Too many attempts. Try again in 5 minutes.',
        form: MFA_FORM,
        extra: '<button type="button" disabled>Resend code in 0:45</button>',
      }),
      { 'retry-after': '300' },
    ),

  // 4. A login loop: the browser gives up (ERR_TOO_MANY_REDIRECTS).
  'GET /loop/login': (req, res) => send(res, 302, '', { location: '/loop/home' }),
  'GET /loop/home': (req, res) => send(res, 302, '', { location: '/loop/login' }),

  // 5. Cookies for another domain than the published one: the browser
  // rejects the session cookie and the login bounces back.
  'GET /cookie-domain': (req, res) => send(res, 200, page({ title: 'Sign in', form: LOGIN_FORM })),
  'POST /cookie-domain': async (req, res) => {
    await readBody(req);
    send(res, 302, '', { location: '/cookie-domain/home', 'set-cookie': 'nanami_session=s3cr3tSessionValue42; Domain=nanami.example.org; Path=/; HttpOnly' });
  },
  'GET /cookie-domain/home': (req, res) => {
    const ok = /nanami_session=/.test(req.headers.cookie ?? '');
    if (ok) send(res, 200, page({ title: 'Home' }));
    else send(res, 302, '', { location: '/cookie-domain' });
  },

  // 6. The host's clock is 10 minutes behind: a correct code is refused.
  'GET /clock': (req, res) =>
    send(res, 400, page({ title: 'Two-step verification', alert: 'Invalid authenticator code. Please try again.', form: MFA_FORM }), {
      date: new Date(Date.now() - 10 * 60 * 1000).toUTCString(),
    }),

  // 7. Only a safe product code.
  'GET /safe-code': (req, res) =>
    send(res, 400, page({ title: 'Sign-in error', body: "<p>We couldn't sign you in.</p><p>Error code: NAN-4711</p>" })),

  // 8. Hostile error text (shown as text by the page, as a careful product would) and a huge string.
  'GET /hostile': (req, res) =>
    send(
      res,
      400,
      page({
        title: 'Two-step verification',
        alert: `${HOSTILE} Invalid authenticator code. ${'A'.repeat(300_000)}`,
        form: MFA_FORM,
      }),
    ),

  // 9. A login web component (like <hanko-auth>): the form and the error
  // live in open shadow roots, nested two deep, where neither
  // document.querySelectorAll nor body.innerText reach. A hidden component
  // holds text that must not count.
  'GET /shadow': (req, res) =>
    send(
      res,
      200,
      page({
        title: 'Sign in',
        body: `<nanami-login></nanami-login><nanami-otp hidden id="stale" data-state="rate"></nanami-otp>
<script>
customElements.define('nanami-otp', class extends HTMLElement {
  connectedCallback() {
    const r = this.attachShadow({ mode: 'open' });
    r.innerHTML = this.dataset.state === 'rate'
      ? '<p>Too many attempts. Try again in an hour.</p>'
      : '<div role="alert" class="error">The passcode you entered is invalid. Please try again.</div>' +
        '<form><label for="c">Passcode</label><input id="c" name="passcode" autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button>Continue</button></form>';
  }
});
customElements.define('nanami-login', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).innerHTML = '<style>p{margin:0}</style><p>Enter the passcode sent to your email.</p><nanami-otp></nanami-otp>';
  }
});
</script>`,
      }),
    ),

  // 10. A login widget in a cross-origin frame (localhost inside
  // 127.0.0.1), next to a hidden frame and a text-only frame whose words
  // must not count.
  'GET /framed': (req, res) => {
    const other = `http://localhost:${req.headers.host.split(':').pop()}`;
    send(
      res,
      200,
      page({
        title: 'Sign in',
        body: `<p>Sign in to continue.</p>
<iframe title="Sign-in" src="${other}/widget/expired" width="420" height="320"></iframe>
<iframe title="renew" src="${other}/widget/noise" style="display:none"></iframe>
<iframe title="news" src="${other}/widget/news" width="300" height="100"></iframe>`,
      }),
    );
  },
  'GET /widget/expired': (req, res) =>
    send(res, 200, page({ title: 'Verify', alert: 'This verification code has expired. Request a new one.', form: MFA_FORM })),
  'GET /widget/noise': (req, res) =>
    send(res, 429, page({ title: 'Verify', alert: 'Too many attempts. Try again in 5 minutes.', form: MFA_FORM })),
  'GET /widget/news': (req, res) => send(res, 200, '<!doctype html><p>Too many requests from your network. Try again in an hour.</p>'),

  // 11. The app's callback consumes the code (?error_code=…) and shows a
  // generic failure: the code is only in the recorded redirect.
  'GET /oauth/callback': (req, res) => send(res, 302, '', { location: '/oauth/failed' }),
  'GET /oauth/failed': (req, res) =>
    send(res, 200, page({ title: 'Sign in', alert: 'Something went wrong while signing you in. Please try again.', form: LOGIN_FORM })),

  // 12. A self-hosted identity provider on a sibling host (Keycloak at
  // auth.nanami.localhost beside the published app.nanami.localhost): the
  // app sends the browser there with an authorization request, and a wrong
  // code is refused on the provider's page, with the provider's cookies.
  'GET /app/login': (req, res) => {
    const port = req.headers.host.split(':').pop();
    const back = encodeURIComponent(`http://app.nanami.localhost:${port}/app/callback`);
    send(res, 302, '', { location: `http://auth.nanami.localhost:${port}/idp/auth?client_id=nanami&response_type=code&redirect_uri=${back}&state=af0ifjsldkj` });
  },
  'GET /idp/auth': (req, res) =>
    send(res, 302, '', {
      location: '/idp/login-actions/authenticate?session_code=Zq9XwV3kL8mN2pR7tY4u&client_id=nanami&tab_id=k3Jx9QmZ2pA',
      'set-cookie': 'AUTH_SESSION_ID=5d1e0c2a-9b8f-4e7d-a6c5-b4a3f2e1d0c9.kc1; Path=/idp/; HttpOnly; SameSite=Lax',
    }),
  'GET /idp/login-actions/authenticate': (req, res) =>
    send(res, 200, page({ title: 'Sign in to Nanami', body: '<p>Enter the one-time code from your authenticator.</p>', form: MFA_FORM })),
  'POST /idp/login-actions/authenticate': async (req, res) => {
    await readBody(req);
    send(res, 200, page({ title: 'Sign in to Nanami', alert: 'Invalid authenticator code.', form: MFA_FORM }));
  },

  // 13. The reverse proxy cannot reach the app on the sign-in callback.
  'GET /gateway/callback': (req, res) =>
    send(res, 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>'),

  // 14. (issue 13) The pending sign-in of an MFA step times out: the code
  // POST is sent back to the sign-in page (as django-allauth does), while a
  // wrong code ("000000") re-renders the step with its error.
  'GET /mfa-bounce/login': (req, res) => send(res, 200, page({ title: 'Sign in', form: LOGIN_FORM })),
  'POST /mfa-bounce/login': async (req, res) => {
    await readBody(req);
    send(res, 302, '', { location: '/mfa-bounce/mfa', 'set-cookie': 'sessionid=p3nd1ngL0g1n; Path=/; HttpOnly; SameSite=Lax' });
  },
  'GET /mfa-bounce/mfa': (req, res) =>
    send(res, 200, page({ title: 'Two-Factor Authentication', body: '<p>Please enter an authenticator code.</p>', form: MFA_FORM })),
  'POST /mfa-bounce/mfa': async (req, res) => {
    const body = await readBody(req);
    if (/otp=000000/.test(body)) {
      send(res, 200, page({ title: 'Two-Factor Authentication', alert: 'Incorrect code.', form: MFA_FORM }));
    } else {
      send(res, 302, '', { location: '/mfa-bounce/login' });
    }
  },

  // 15. (issue 13) A healthy sign-in that bounces through its own login page:
  // form, POST, /next/login?next=/next/home (now signed in, it sends the
  // browser on), the app.
  'GET /next/login': (req, res) => {
    if (/nsess=/.test(req.headers.cookie ?? '')) return send(res, 302, '', { location: '/next/home' });
    send(res, 200, page({ title: 'Sign in', form: LOGIN_FORM }));
  },
  'POST /next/login': async (req, res) => {
    await readBody(req);
    send(res, 302, '', { location: '/next/login?next=/next/home', 'set-cookie': 'nsess=s1gnedIn; Path=/; HttpOnly; SameSite=Lax' });
  },
  'GET /next/home': (req, res) => {
    if (!/nsess=/.test(req.headers.cookie ?? '')) return send(res, 302, '', { location: '/next/login?next=/next/home' });
    send(res, 200, page({ title: 'Home', body: '<p>Signed in as ada@example.org</p>' }));
  },

  // 16. (issue 13) A rate limiter's bare status page, as nginx prints it.
  'GET /status-429': (req, res) =>
    send(res, 429, '<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>'),
  // 17. Single sign-on through an identity provider on a site the user has
  // not granted yet (idp.ungranted.localhost): out and back by redirects.
  'GET /sso/start': (req, res) =>
    send(res, 302, '', { location: `http://idp.ungranted.localhost:${req.headers.host.split(':').pop()}/sso/authorize` }),
  'GET /sso/authorize': (req, res) => send(res, 302, '', { location: `http://127.0.0.1:${req.headers.host.split(':').pop()}/expired` }),

  // Load for the recorder benchmark: many small XHRs.
  'GET /ping': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': 'ping=1; Path=/; SameSite=Lax' });
    res.end('ok');
  },
  'GET /bench': (req, res) => send(res, 200, page({ title: 'Bench' })),
};

export function start(port = 0) {
  const server = http.createServer(async (req, res) => {
    const path = req.url.split('?')[0];
    const h = routes[`${req.method} ${path}`];
    if (h) return h(req, res);
    send(res, 404, page({ title: 'Not found' }));
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start(Number(process.env.PORT ?? 8089)).then(({ origin }) => console.log(`fixture site on ${origin}`));
}
