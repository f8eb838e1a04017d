// Spring Security's form login, re-enacted on loopback for recording (Java
// and Maven Central cannot be had on this machine): a stand-in that answers
// as Spring Security 6's defaults answer, from their source (see README.md
// beside this file for the files and commits):
// - a protected page without authentication: the request is saved in the
//   HTTP session (HttpSessionRequestCache, whose saved URL carries the
//   matching parameter `continue`) and LoginUrlAuthenticationEntryPoint
//   redirects to /login; the servlet container sets JSESSIONID (Path=/,
//   HttpOnly);
// - GET /login: DefaultLoginPageGeneratingFilter's page ("Please sign in";
//   "Bad credentials" under /login?error);
// - POST /login: wrong credentials -> 302 /login?error (the failure URL
//   AbstractAuthenticationFilterConfigurer sets by default); right ones ->
//   a new session id (session fixation protection: changeSessionId) and
//   302 to the saved request's URL, /account?continue
//   (SavedRequestAwareAuthenticationSuccessHandler).
// LOGIN_NOT_PERMITTED=1: the documented misconfiguration of a custom login
// page that is not permitAll(): /login itself needs authentication, so the
// entry point redirects /login to /login until the browser gives up.
//
//   node tests/recordings/spring_shim.mjs PORT
import http from 'node:http';
import crypto from 'node:crypto';

const port = Number(process.argv[2] ?? 8793);
const loop = !!process.env.LOGIN_NOT_PERMITTED;
const sessions = new Map(); // JSESSIONID -> { saved, user, csrf }
const cookie = (req, name) => (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
const newId = () => crypto.randomBytes(16).toString('hex').toUpperCase();
const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res, status, title, body, setCookie) {
  res.writeHead(status, {
    'content-type': 'text/html;charset=UTF-8',
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...(setCookie ? { 'set-cookie': setCookie } : {}),
  });
  res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    let sid = cookie(req, 'JSESSIONID');
    let s = sid && sessions.get(sid);
    let setCookie;
    const session = () => {
      if (!s) {
        sid = newId();
        s = { csrf: crypto.randomUUID() };
        sessions.set(sid, s);
        setCookie = `JSESSIONID=${sid}; Path=/; HttpOnly`;
      }
      return s;
    };
    const redirect = (to) => {
      res.writeHead(302, { location: new URL(to, url).href, ...(setCookie ? { 'set-cookie': setCookie } : {}) });
      res.end();
    };
    // The default request cache saves no favicon, XHR or JSON request
    // (RequestCacheConfigurer's default matcher); the app has no favicon.
    if (url.pathname.startsWith('/favicon.')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const isLogin = url.pathname === '/login';
    if (isLogin && !loop) {
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          const f = new URLSearchParams(body);
          const st = session();
          if (f.get('_csrf') !== st.csrf) return page(res, 403, 'Error', '<h1>Forbidden</h1>', setCookie);
          if (f.get('username') !== 'alice' || f.get('password') !== 'correct horse battery') return redirect('/login?error');
          // changeSessionId: same session, new id.
          sessions.delete(sid);
          sid = newId();
          sessions.set(sid, st);
          setCookie = `JSESSIONID=${sid}; Path=/; HttpOnly`;
          st.user = 'alice';
          const to = st.saved ?? '/';
          delete st.saved;
          redirect(to);
        });
        return;
      }
      const st = session();
      const alert = url.searchParams.has('error') ? '<div class="alert alert-danger" role="alert">Bad credentials</div>' : '';
      return page(
        res,
        200,
        'Please sign in',
        `<div class="container"><form class="form-signin" method="post" action="/login"><h2 class="form-signin-heading">Please sign in</h2>${alert}` +
          '<p><label for="username" class="sr-only">Username</label><input type="text" id="username" name="username" class="form-control" placeholder="Username" required autofocus></p>' +
          '<p><label for="password" class="sr-only">Password</label><input type="password" id="password" name="password" class="form-control" placeholder="Password" required></p>' +
          `<input name="_csrf" type="hidden" value="${esc(st.csrf)}"><button class="btn btn-lg btn-primary btn-block" type="submit">Sign in</button></form></div>`,
        setCookie,
      );
    }
    if (s?.user) {
      return page(res, 200, 'Account', `<h1>Account</h1><p>Signed in as ${esc(s.user)}</p>`, setCookie);
    }
    // Not authenticated: save the request (with the matching parameter) and send to the login page.
    const st = session();
    if (!isLogin) {
      const saved = new URL(url);
      saved.search = saved.search ? `${saved.search}&continue` : '?continue';
      st.saved = saved.pathname + saved.search;
    }
    redirect('/login');
  })
  .listen(port, '127.0.0.1', () => console.log(`spring shim on ${port}${loop ? ' (login page not permitted)' : ''}`));
