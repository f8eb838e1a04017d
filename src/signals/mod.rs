//! Signals: small units that turn a snapshot into findings with evidence.
//! None of them sees a cookie value; none calls a clock or a browser API.

pub mod clock;
pub mod cookies;
pub mod page;
pub mod setcookie;
pub mod trail;

/// Cookie names that carry login or session state.
pub fn is_auth_cookie(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "sess",
        "sid",
        "auth",
        "token",
        "csrf",
        "xsrf",
        "login",
        "oauth",
        "state",
        "nonce",
        "mfa",
        "otp",
        "remember",
        "identity",
        "kc_",
        "keycloak",
        "okta",
        "idx",
        "sb-",
        "jwt",
        "saml",
        "oidc",
        "__host-",
        "__secure-",
        "jsessionid",
        "phpsessid",
        "laravel",
        "user",
        "ory_",
        "_forward_auth",
        "_oauth2_proxy",
        "connect.sid",
        "nanami",
    ]
    .iter()
    .any(|k| n.contains(k))
}
