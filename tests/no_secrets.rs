//! No secret can get out: generated snapshots carry canary secrets in every
//! place a value could hide (query and fragment values, path segments,
//! Set-Cookie values, header values, page text with tokens, e-mails and OTP
//! digit runs, cookie and input names, markup codes, browser fields), and no
//! canary may appear in the Markdown report, the JSON report, the text
//! rendering, the diagnosis, or an error message.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use auth_triage::report;
use auth_triage::snapshot::*;
use auth_triage::{classify, Catalogs};
use proptest::prelude::*;

/// A secret-shaped canary: mixed letters and digits, 20+ characters.
fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{14,24}".prop_map(|s| format!("Cn4ry{s}9Q"))
}
fn jwt() -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9_-]{16,30}",
        "[A-Za-z0-9_-]{16,40}",
        "[A-Za-z0-9_-]{20,43}",
    )
        .prop_map(|(a, b, c)| format!("eyJ{a}.eyJ{b}.{c}"))
}
fn otp() -> impl Strategy<Value = String> {
    "[0-9]{4}".prop_map(|s| format!("86{s}"))
}
fn email() -> impl Strategy<Value = String> {
    ("[a-z0-9]{8}", "[a-z]{6}").prop_map(|(l, d)| format!("eml{l}@{d}.example"))
}

#[derive(Debug, Clone)]
struct Canaries {
    t: Vec<String>,
    jwt: String,
    otp: String,
    email: String,
}

impl Canaries {
    fn all(&self) -> Vec<String> {
        let mut v = self.t.clone();
        v.push(self.jwt.clone());
        v.push(self.otp.clone());
        v.push(self.email.clone());
        // The local part alone must not leak either.
        v.push(self.email.split('@').next().unwrap().to_owned());
        v
    }
}

fn canaries() -> impl Strategy<Value = Canaries> {
    (prop::collection::vec(token(), 12), jwt(), otp(), email())
        .prop_map(|(t, jwt, otp, email)| Canaries { t, jwt, otp, email })
}

/// Page texts that classify differently, so every branch builds a report.
const MESSAGES: [&str; 6] = [
    "Invalid authenticator code.",
    "Your verification code has expired.",
    "Too many attempts. Try again in 5 minutes.",
    "CSRF verification failed. Request aborted.",
    "Invalid username or password.",
    "Welcome back",
];

fn snapshot(c: &Canaries, msg: usize, status: u16) -> Snapshot {
    let t = &c.t;
    let url = format!(
        "https://id.example.org/login/{}/cb?code={}&state={}&id_token={}&error=access_denied&error_description=Code+{}+sent+to+{}#access_token={}&{}={}",
        t[0], t[1], t[2], c.jwt, c.otp, c.email, t[3], t[4], t[5]
    );
    let text = format!(
        "{} Your code {} was sent to {}. Session {} / {} . Error code: {}\nRef {}",
        MESSAGES[msg], c.otp, c.email, t[6], c.jwt, t[7], t[8]
    );
    Snapshot {
        schema_version: Some(1),
        url: url.clone(),
        page: Page {
            status: Some(status),
            title: format!("Sign in {}", t[9]),
            text: text.clone(),
            alerts: vec![text, format!("{} {}", MESSAGES[msg], c.email)],
            lang: Some(t[10].clone()),
            included_codes: vec![],
            forms: vec![Form {
                action: format!("/login?token={}", t[11]),
                method: "post".into(),
                inputs: vec![
                    Input {
                        name: t[0].clone(),
                        kind: "text".into(),
                        autocomplete: "one-time-code".into(),
                        label: c.otp.clone(),
                        ..Default::default()
                    },
                    Input {
                        name: "password".into(),
                        kind: "password".into(),
                        label: c.email.clone(),
                        ..Default::default()
                    },
                ],
            }],
            resend: vec![ResendControl {
                text: format!("Resend to {} in 0:45", c.email),
                disabled: true,
                countdown_s: None,
            }],
            codes: vec![
                MarkupCode {
                    source: "data-error-code".into(),
                    value: t[1].clone(),
                },
                MarkupCode {
                    source: "data-testid".into(),
                    value: format!("ui/message/{}", c.otp),
                },
            ],
        },
        cookies: vec![
            Cookie {
                name: "sid".into(),
                domain: ".example.org".into(),
                path: format!("/{}", t[2]),
                secure: true,
                value_len: 64,
                ..Default::default()
            },
            Cookie {
                name: t[3].clone(),
                domain: "id.example.org".into(),
                host_only: true,
                path: "/".into(),
                value_len: 32,
                ..Default::default()
            },
            Cookie {
                name: "sid".into(),
                domain: format!("{}.example.net", t[4]),
                path: "/".into(),
                ..Default::default()
            },
        ],
        trail: vec![
            TrailEvent {
                url: url.clone(),
                method: "POST".into(),
                kind: "main_frame".into(),
                status: Some(302),
                redirect_url: Some(format!(
                    "http://app-internal:8080/cb?code={}&state={}#id_token={}",
                    t[5], t[6], c.jwt
                )),
                set_cookie: vec![
                    format!(
                        "sid={}; Domain={}.example.org; Path=/{}; Secure; HttpOnly",
                        t[7], t[8], t[9]
                    ),
                    format!("{}; Secure", t[10]),
                    format!("csrftoken={}{}", t[11], c.otp),
                    format!("__Host-x={}; SameSite=None; Expires={}", c.jwt, t[0]),
                ],
                request_cookie_names: Some(vec![t[1].clone(), "sid".into()]),
                date: Some(t[2].clone()),
                retry_after: Some(c.otp.clone()),
                received_ms: Some(1_795_000_000_000),
                top_origin: Some(format!("https://{}.example.com/{}", t[3], t[4])),
                in_frame: true,
                error: Some(format!("net::ERR_{}", t[5])),
            },
            TrailEvent {
                url: format!("https://id.example.org/api/session/refresh?rt={}", t[6]),
                method: t[7].clone(),
                kind: t[8].clone(),
                status: Some(401),
                date: Some("Wed, 18 Nov 2026 10:00:00 GMT".into()),
                received_ms: Some(1_795_000_000_000),
                ..Default::default()
            },
        ],
        env: Env {
            published_urls: vec![format!("https://nanami.example.org/?k={}", t[9])],
            now_ms: Some(1_795_000_000_000),
            tz_offset_min: Some(60),
            browser: Some(Browser {
                name: t[10].clone(),
                version: c.otp.clone(),
            }),
            third_party_cookies_blocked: Some(true),
            ui_lang: Some(t[9].clone()),
            host_access: Some(auth_triage::snapshot::HostAccess::PageOnly),
        },
    }
}

/// `k` occurs in `out` as a whole word (digit canaries may occur inside a
/// hex digest by chance; that is not a leak of the code).
fn occurs(out: &str, k: &str) -> bool {
    out.match_indices(k).any(|(i, _)| {
        let before = out[..i].chars().next_back();
        let after = out[i + k.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

fn assert_clean(what: &str, out: &str, c: &Canaries) {
    for k in c.all() {
        let leaked = if k.bytes().all(|b| b.is_ascii_digit()) {
            occurs(out, &k)
        } else {
            out.contains(&k)
        };
        assert!(!leaked, "canary {k:?} leaked into the {what}:\n{out}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn no_canary_in_any_output(c in canaries(), msg in 0usize..MESSAGES.len(), status in prop::sample::select(vec![200u16, 400, 401, 403, 429]), code_only_in_trail in any::<bool>()) {
        let mut snap = snapshot(&c, msg, status);
        if code_only_in_trail {
            // The page shows no code: the one in the recorded redirect is
            // taken, and the evidence names where it came back.
            snap.url = format!("https://id.example.org/login/{}", c.t[0]);
            snap.page.codes.clear();
            snap.trail[0].in_frame = false;
        }
        let cats = Catalogs::new(&[]);
        let d = classify(&snap, &cats);
        assert_clean("diagnosis", &serde_json::to_string(&d).unwrap(), &c);
        let r = report::build(&snap, &d, &cats.versions);
        let md = report::to_markdown(&r);
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert_clean("Markdown report", &md, &c);
        assert_clean("JSON report", &json, &c);
        assert_clean("text rendering", &report::render_text(&r), &c);
        prop_assert!(report::verify(&md).unwrap().intact);
        // The snapshot also round-trips through JSON, as the CLI reads it.
        let again = Snapshot::from_json(&serde_json::to_string(&snap).unwrap()).unwrap();
        prop_assert_eq!(again, snap);
    }

    #[test]
    fn no_canary_in_error_messages(c in canaries(), field in 0usize..6) {
        let t = &c.t;
        let bad = match field {
            0 => format!(r#"{{"url": "https://a.example/", "page": {{"status": "{}"}}}}"#, t[0]),
            1 => format!(r#"{{"url": "https://a.example/", "{}": 1}}"#, t[1]),
            2 => format!(r#"{{"url": "https://a.example/", "page": {{"status": {}}}}}"#, c.otp),
            3 => format!(r#"{{"url": "https://a.example/", "cookies": [{{"name": "sid", "domain": "a", "same_site": "{}"}}]}}"#, t[2]),
            4 => format!(r#"{{"url": "https://a.example/", "trail": [{{"url": "x", "{}": "{}"}}]}}"#, t[3], c.jwt),
            _ => format!(r#"{{"url": "{}", "page": {{"text": "{}" "#, c.jwt, c.email),
        };
        let err = Snapshot::from_json(&bad).unwrap_err().to_string();
        assert_clean("error message", &err, &c);
        let rerr = match report::verify(&bad) { Ok(v) => v.message, Err(e) => e.to_string() };
        assert_clean("verify message", &rerr, &c);
    }
}

// ---------------------------------------------------------------------------
// The generative canary test. It does not know the detector: canaries are
// drawn from shapes secrets and personal data really have (most of which no
// shape rule catches), put in every position of a snapshot, and looked for
// in every output.
// ---------------------------------------------------------------------------

/// SplitMix64: a small deterministic generator (the run is reproducible
/// from its seed).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
    fn chars(&mut self, set: &[u8], n: usize) -> String {
        (0..n).map(|_| set[self.below(set.len())] as char).collect()
    }
}

const FIRST: &[&str] = &[
    "Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isabel", "James",
    "Karen", "Liam", "Maria", "Noah", "Olivia", "Peter", "Quinn", "Rosa", "Sophie", "Thomas",
    "Ursula", "Victor", "Wendy", "Xavier", "Yuki", "Zoe", "Will", "Mark", "Bill", "Rose", "Jack",
    "Hope", "Faith", "Dawn", "Amber", "Ruby", "Jade", "Summer", "Hunter", "Chase", "Lukas",
    "Hannah", "Mehmet", "Aisha", "Wei", "Priya", "Sven", "Ingrid", "Pierre", "Chloé",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Martinez",
    "Young",
    "King",
    "Wright",
    "Hill",
    "Green",
    "Baker",
    "Hall",
    "Turner",
    "Parker",
    "Cook",
    "Bell",
    "Ward",
    "Gray",
    "Wood",
    "Price",
    "Long",
    "Fox",
    "Stone",
    "Rivers",
    "West",
    "Day",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Dubois",
    "Rossi",
    "Tanaka",
    "Kim",
    "Nguyen",
    "Singh",
    "Kowalski",
    "Novak",
    "Jensen",
    "Hansen",
    "Silva",
    "Costa",
    "Ivanova",
];
/// Words of the kind passphrase generators use (diceware-like).
const WORDS: &[&str] = &[
    "correct", "horse", "battery", "staple", "orbit", "velvet", "canyon", "pepper", "lantern",
    "maple", "quartz", "ember", "harbor", "tundra", "violet", "mosaic", "walnut", "glacier",
    "saddle", "prism", "otter", "falcon", "meadow", "copper", "thunder", "willow", "rocket",
    "marble", "cactus", "nectar", "pillow", "summit", "tiger", "basil", "cobalt", "dune", "fable",
    "garnet", "hazel", "igloo", "jasper", "kettle", "lemon", "mango", "noodle", "olive", "pebble",
    "quill", "raven", "sierra", "tulip", "umber", "vortex", "wander", "yonder", "zephyr", "anchor",
    "bright", "cloud", "delta", "eagle", "forest", "garden", "island", "jungle", "kernel",
    "ladder", "mirror", "north", "ocean", "planet", "river", "silver", "window", "yellow", "apple",
    "bread", "chair", "dream", "earth", "green", "house", "light", "money", "paper", "water",
    "table", "music", "happy", "smile", "spring",
];

/// Common Japanese, Chinese and Korean surnames and given names (written
/// for this test): none is a vocabulary word.
const JA_FAMILY: &[&str] = &[
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
];
const JA_GIVEN: &[&str] = &[
    "太郎",
    "花子",
    "健太",
    "翔太",
    "陽菜",
    "結衣",
    "大輔",
    "直樹",
    "美咲",
    "さくら",
    "はると",
    "ゆい",
];
const ZH_FAMILY: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗",
];
const ZH_GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "桂英", "建华", "志强", "晓东",
];
const KO_FAMILY: &[&str] = &["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
const KO_GIVEN: &[&str] = &[
    "민준", "서연", "지호", "서윤", "도윤", "하은", "예준", "지우", "수빈", "현우",
];

/// Words of sign-in pages in several languages (written for this test).
const STEMS: &[&str] = &[
    "password",
    "passwort",
    "wachtwoord",
    "senha",
    "parola",
    "session",
    "sitzung",
    "sessione",
    "oturum",
    "cookie",
    "token",
    "jeton",
    "code",
    "invalid",
    "ungültig",
    "geçersiz",
    "expired",
    "verlopen",
    "scaduto",
    "bloqueado",
    "blocked",
    "limit",
    "falsch",
    "incorrect",
];

const SHAPES: &[&str] = &[
    "short mixed token",
    "lowercase token",
    "base32 token",
    "passphrase",
    "person name",
    "user name",
    "phone",
    "otp with separators",
    "letter-digit otp",
    "obfuscated e-mail",
    "base64 padded",
    "date of birth",
    "CJK name",
    "word on a known start",
];

fn canary(rng: &mut Rng, shape: &str) -> String {
    const MIXED: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const B32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const DIG: &[u8] = b"0123456789";
    let first = |r: &mut Rng| r.pick(FIRST).to_owned();
    let last = |r: &mut Rng| r.pick(LAST).to_owned();
    match shape {
        "short mixed token" => {
            let n = 6 + rng.below(11);
            // At least one digit and one letter.
            let mut s = rng.chars(MIXED, n - 2);
            s.insert(rng.below(s.len() + 1), rng.chars(DIG, 1).remove(0));
            s.insert(rng.below(s.len() + 1), rng.chars(b"QXZK", 1).remove(0));
            s
        }
        "lowercase token" => {
            let n = 6 + rng.below(11);
            rng.chars(LOWER, n)
        }
        "base32 token" => {
            let n = 8 + rng.below(9);
            rng.chars(B32, n)
        }
        "passphrase" => {
            let n = 3 + rng.below(3);
            let sep = rng.pick(&["-", " ", "_", ".", ""]);
            let words: Vec<String> = (0..n)
                .map(|i| {
                    let w = rng.pick(WORDS);
                    if sep.is_empty() && i > 0 {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                            .unwrap_or_default()
                    } else {
                        w.to_owned()
                    }
                })
                .collect();
            words.join(sep)
        }
        "person name" => format!("{} {}", first(rng), last(rng)),
        "user name" => {
            let (f, l) = (first(rng).to_lowercase(), last(rng).to_lowercase());
            match rng.below(4) {
                0 => format!("{f}_{l}"),
                1 => format!("{f}.{l}"),
                2 => format!("{f}{l}"),
                _ => format!("{f}{}", rng.chars(DIG, 2)),
            }
        }
        "phone" => {
            let d = |r: &mut Rng, n| r.chars(DIG, n);
            match rng.below(5) {
                0 => format!("({}) {}-{}", d(rng, 3), d(rng, 3), d(rng, 4)),
                1 => format!("+44 20 {} {}", d(rng, 4), d(rng, 4)),
                2 => format!("030 {}", d(rng, 8)),
                3 => format!("06 {} {} {} {}", d(rng, 2), d(rng, 2), d(rng, 2), d(rng, 2)),
                _ => format!("+81 3-{}-{}", d(rng, 4), d(rng, 4)),
            }
        }
        "otp with separators" => {
            let d = rng.chars(DIG, 6);
            match rng.below(4) {
                0 => format!("{}-{}", &d[..3], &d[3..]),
                1 => format!("{} {}", &d[..3], &d[3..]),
                2 => d
                    .chars()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => format!("{}.{}.{}", &d[..2], &d[2..4], &d[4..]),
            }
        }
        "letter-digit otp" => {
            let mut s = rng.chars(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 3);
            s.push_str(&rng.chars(DIG, 3));
            let v: Vec<char> = s.chars().collect();
            let mut v2 = v.clone();
            for i in (1..v2.len()).rev() {
                let j = rng.below(i + 1);
                v2.swap(i, j);
            }
            v2.into_iter().collect()
        }
        "obfuscated e-mail" => {
            let local = format!("{}.{}", first(rng).to_lowercase(), last(rng).to_lowercase());
            let dom = rng.pick(&["example", "mail", "corp-mail", "posteo"]);
            match rng.below(5) {
                0 => format!("{local} (at) {dom} (dot) org"),
                1 => format!("{local}[at]{dom}[dot]org"),
                2 => format!("{local} at {dom} dot org"),
                3 => format!("{local}@{dom}.org"),
                _ => format!("{local} AT {dom} DOT org"),
            }
        }
        "base64 padded" => {
            let n = 4 * (2 + rng.below(4));
            let mut s = rng.chars(B64, n - 2);
            s.insert(rng.below(s.len()), '/');
            s.push_str(if rng.below(2) == 0 { "=" } else { "A=" });
            if !s.ends_with("==") && rng.below(2) == 0 {
                s.pop();
                s.pop();
                s.push_str("==");
            }
            s
        }
        "word on a known start" => {
            // A user name, password or name that begins or ends with a
            // word the lexicons read (`passwordqzvkt`, `Sitzungbrml`,
            // `mxqtvcookie`): the known part must not carry the unknown
            // letters into an output. The stems are written here, not
            // read from the lexicons; the letters are random.
            let stem = rng.pick(STEMS);
            let n = 6 + rng.below(5);
            let tail = rng.chars(LOWER, n);
            let w = if rng.below(2) == 0 {
                format!("{stem}{tail}")
            } else {
                format!("{tail}{stem}")
            };
            if rng.below(2) == 0 {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else {
                w
            }
        }
        "CJK name" => match rng.below(3) {
            0 => format!("{}{}", rng.pick(JA_FAMILY), rng.pick(JA_GIVEN)),
            1 => format!("{}{}", rng.pick(ZH_FAMILY), rng.pick(ZH_GIVEN)),
            _ => format!("{}{}", rng.pick(KO_FAMILY), rng.pick(KO_GIVEN)),
        },
        _ => {
            let (y, m, d) = (1940 + rng.below(70), 1 + rng.below(12), 1 + rng.below(28));
            match rng.below(3) {
                0 => format!("{y}-{m:02}-{d:02}"),
                1 => format!("{d:02}/{m:02}/{y}"),
                _ => format!("{d:02}.{m:02}.{y}"),
            }
        }
    }
}

const POSITIONS: &[&str] = &[
    "query value",
    "query name",
    "query without =",
    "path segment",
    "fragment",
    "fragment parameter",
    "error",
    "error_code",
    "error_description",
    "error_uri",
    "page text",
    "alert",
    "title",
    "markup attribute",
    "resend text",
    "input name",
    "cookie name",
    "cookie path",
    "Set-Cookie nameless",
    "Set-Cookie value",
    "Set-Cookie name",
    "Set-Cookie Path",
    "Set-Cookie Domain",
    "Cookie header name",
    "trail URL",
    "trail redirect",
    "trail method",
    "trail type",
    "browser",
    "page lang",
    "UI lang",
    "bad field name",
];

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Sentences a page, an alert or a title carries a value in.
const TEXTS: &[&str] = &[
    "Invalid code. Your code is {}.",
    "Hello {}, your verification code has expired.",
    "The code was sent to {}. Please try again.",
    "Your temporary password is {}",
    "Signed in as {} - too many attempts, wait 30 seconds.",
    "Error code: {}",
    "Sign-in failed ({}).",
    "Contact {} if this keeps happening.",
    "{}",
    "Invalid code [{}]",
    "{}さん、認証コードが正しくありません。",
    "認証コードを{}に送信しました",
    "请联系{}获取验证码。",
    "{}님, 인증 코드가 만료되었습니다.",
];

fn place(
    rng: &mut Rng,
    base: &serde_json::Value,
    pos: &str,
    c: &str,
) -> (serde_json::Value, String) {
    use serde_json::json;
    let mut s = base.clone();
    let url = s["url"]
        .as_str()
        .unwrap_or("https://app.example.org/login")
        .to_owned();
    let origin = {
        let rest = url.splitn(4, '/').collect::<Vec<_>>();
        format!("{}//{}", rest[0], rest.get(2).unwrap_or(&"app.example.org"))
    };
    let q = if url.contains('?') { "&" } else { "?" };
    let text = rng.pick(TEXTS).replace("{}", c);
    let ev = |u: String| json!({"url": u, "method": "GET", "type": "main_frame", "status": 400, "received_ms": 1_000});
    let push = |s: &mut serde_json::Value, k1: &str, k2: Option<&str>, v: serde_json::Value| {
        let target = match k2 {
            Some(k2) => &mut s[k1][k2],
            None => &mut s[k1],
        };
        if !target.is_array() {
            *target = json!([]);
        }
        target.as_array_mut().unwrap().push(v);
    };
    let no_frag = url.split('#').next().unwrap_or("").to_owned();
    match pos {
        "query value" => s["url"] = json!(format!("{no_frag}{q}state={}", enc(c))),
        "query name" => s["url"] = json!(format!("{no_frag}{q}{}=1", enc(c))),
        "query without =" => s["url"] = json!(format!("{no_frag}{q}{}", enc(c))),
        "path segment" => s["url"] = json!(format!("{origin}/login/{}/verify", enc(c))),
        "fragment" => s["url"] = json!(format!("{no_frag}#{}", enc(c))),
        "fragment parameter" => s["url"] = json!(format!("{no_frag}#access_token={}", enc(c))),
        "error" => s["url"] = json!(format!("{no_frag}{q}error={}", enc(c))),
        "error_code" => s["url"] = json!(format!("{no_frag}{q}error_code={}", enc(c))),
        "error_description" => {
            s["url"] = json!(format!(
                "{no_frag}{q}error=access_denied&error_description={}",
                enc(&text)
            ))
        }
        "error_uri" => {
            s["url"] = json!(format!(
                "{no_frag}{q}error=access_denied&error_uri={}",
                enc(&format!(
                    "https://id.example.org/help/{}?u={}",
                    enc(c),
                    enc(c)
                ))
            ))
        }
        "page text" => {
            let t = s["page"]["text"].as_str().unwrap_or("").to_owned();
            s["page"]["text"] = json!(format!("{text}\n{t}"));
        }
        "alert" => push(&mut s, "page", Some("alerts"), json!(text)),
        "title" => s["page"]["title"] = json!(format!("Sign in – {c}")),
        "markup attribute" => push(
            &mut s,
            "page",
            Some("codes"),
            json!({"source": rng.pick(&["data-error-code", "data-code", "data-error"]), "value": c}),
        ),
        "resend text" => push(
            &mut s,
            "page",
            Some("resend"),
            json!({"text": format!("Resend code to {c}"), "disabled": true}),
        ),
        "input name" => push(
            &mut s,
            "page",
            Some("forms"),
            json!({"inputs": [{"name": c, "autocomplete": "one-time-code"}]}),
        ),
        "cookie name" => push(
            &mut s,
            "cookies",
            None,
            json!({"name": if rng.below(2) == 0 { c.to_owned() } else { format!("sess_{c}") }, "domain": "app.example.org", "path": "/", "secure": true, "http_only": true, "same_site": "lax", "value_len": 10}),
        ),
        "cookie path" => push(
            &mut s,
            "cookies",
            None,
            json!({"name": "session", "domain": "app.example.org", "path": format!("/{c}"), "secure": true, "http_only": true, "same_site": "lax", "value_len": 10}),
        ),
        "Set-Cookie nameless"
        | "Set-Cookie value"
        | "Set-Cookie name"
        | "Set-Cookie Path"
        | "Set-Cookie Domain" => {
            let line = match pos {
                "Set-Cookie nameless" => format!("{c}; Path=/; Secure"),
                "Set-Cookie value" => format!("session={c}; Path=/; Secure; HttpOnly"),
                "Set-Cookie name" => format!("{c}=1; Path=/; Secure"),
                // Host-shaped (see `hostify`): a label of its own, or of a
                // tenant host under the page's parent domain.
                "Set-Cookie Domain" => match rng.below(3) {
                    0 => format!("session=1; Domain={c}; Path=/; Secure"),
                    1 => format!("session=1; Domain={c}.example.org; Path=/; Secure"),
                    _ => format!("session=1; Domain=.{c}.app.example.org; Secure"),
                },
                _ => format!("session=1; Path=/{c}; Secure"),
            };
            let mut e = ev(format!("{origin}/login"));
            e["set_cookie"] = json!([line]);
            push(&mut s, "trail", None, e);
        }
        "Cookie header name" => {
            let mut e = ev(format!("{origin}/login"));
            e["request_cookie_names"] = json!(["session", c]);
            push(&mut s, "trail", None, e);
        }
        "trail URL" => push(
            &mut s,
            "trail",
            None,
            ev(format!(
                "{origin}/mfa/{}?state={}&{}",
                enc(c),
                enc(c),
                enc(c)
            )),
        ),
        "trail redirect" => {
            let mut e = ev(format!("{origin}/callback"));
            e["status"] = json!(302);
            e["redirect_url"] = json!(format!(
                "{origin}/login?error={}&error_description={}",
                enc(c),
                enc(&text)
            ));
            push(&mut s, "trail", None, e);
        }
        "trail method" => {
            let mut e = ev(format!("{origin}/login"));
            e["method"] = json!(c);
            push(&mut s, "trail", None, e);
            let mut e2 = ev(format!("{origin}/login"));
            e2["method"] = json!(c);
            e2["request_cookie_names"] = json!([]);
            e2["received_ms"] = json!(2_000);
            push(&mut s, "trail", None, e2);
        }
        "trail type" => {
            let mut e = ev(format!("{origin}/login"));
            e["type"] = json!(c);
            push(&mut s, "trail", None, e);
        }
        "browser" => s["env"]["browser"] = json!({"name": c, "version": c}),
        "page lang" => s["page"]["lang"] = json!(c),
        "UI lang" => s["env"]["ui_lang"] = json!(c),
        _ => {
            // An input the reader refuses: the error message must not echo it.
            return (
                s,
                format!(
                    r#"{{"url":"https://a.example/","page":{{"{}":1}}}}"#,
                    c.replace(['"', '\\'], "")
                ),
            );
        }
    }
    (s, String::new())
}

/// A canary as a host label would carry it: lower case, its separators
/// and other characters as `-`.
fn hostify(c: &str) -> String {
    c.to_lowercase()
        .chars()
        .map(|ch| if ch.is_alphanumeric() { ch } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_owned()
}

/// Forms of an output a reader sees: as written, with Markdown escapes
/// and percent escapes undone, lower case.
fn views(out: &str) -> [String; 2] {
    let plain = out.replace('\\', "");
    let decoded = auth_triage::web::percent_decode(&plain).replace('+', " ");
    [plain.to_lowercase(), decoded.to_lowercase()]
}

#[test]
fn generated_canaries_reach_no_output() {
    let n: usize = std::env::var("NO_SECRETS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_200);
    let seed: u64 = std::env::var("NO_SECRETS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261129);
    let mut rng = Rng(seed);
    let cats = Catalogs::new(&[]);
    let bases: Vec<serde_json::Value> = [
        "mfa-invalid-code",
        "mfa-rate-limited-429",
        "oauth-code-only-in-trail",
        "cookie-domain-not-published",
        "proxy-scheme-loop",
        "mfa-expired-kratos",
        "healthy-login",
        "minimal",
    ]
    .iter()
    .map(|c| {
        let p = format!(
            "{}/tests/fixtures/{c}/snapshot.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    })
    .collect();
    let mut counts = vec![vec![0usize; POSITIONS.len()]; SHAPES.len()];
    let mut leaks: Vec<String> = Vec::new();
    let mut leak_counts = vec![vec![0usize; POSITIONS.len()]; SHAPES.len()];
    for case in 0..n {
        let si = case % SHAPES.len();
        let pi = (case / SHAPES.len()) % POSITIONS.len();
        let mut c = canary(&mut rng, SHAPES[si]);
        if POSITIONS[pi] == "Set-Cookie Domain" {
            c = hostify(&c);
        }
        let base = &bases[rng.below(bases.len())];
        let (snap_json, bad) = place(&mut rng, base, POSITIONS[pi], &c);
        counts[si][pi] += 1;
        let mut outs: Vec<(&str, String)> = Vec::new();
        if !bad.is_empty() {
            let e = Snapshot::from_json(&bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            outs.push(("error message", e));
        } else {
            match Snapshot::from_json(&snap_json.to_string()) {
                Err(e) => outs.push(("error message", e.to_string())),
                Ok(snap) => {
                    let d = classify(&snap, &cats);
                    outs.push(("classify JSON", serde_json::to_string(&d).unwrap()));
                    outs.push(("classify text", auth_triage::diagnosis::render_text(&d)));
                    let r = report::build(&snap, &d, &cats.versions);
                    let md = report::to_markdown(&r);
                    outs.push(("report JSON", serde_json::to_string(&r).unwrap()));
                    outs.push(("render", report::render_text(&r)));
                    // verify's messages about an edited copy of this report
                    // (every 8th case: the slowest output to make).
                    if case % 8 == 0 {
                        let v = report::verify(&format!(
                            "{md}\n{}",
                            md.replacen("verdict **", "verdict **x", 1)
                        ))
                        .map(|v| v.message)
                        .unwrap_or_else(|e| e.to_string());
                        outs.push(("verify message", v));
                    }
                    outs.push(("report Markdown", md));
                    let trail: Vec<String> = snap
                        .trail
                        .iter()
                        .map(|e| serde_json::to_string(&report::redact_trail_event(e)).unwrap())
                        .collect();
                    outs.push(("stored trail", trail.join("\n")));
                }
            }
        }
        let mut needles = vec![c.to_lowercase()];
        // A CJK name shown in part (its given name) is a leak too.
        if SHAPES[si] == "CJK name" {
            let chars: Vec<char> = c.chars().collect();
            let given: String = chars[chars.len().saturating_sub(2)..].iter().collect();
            needles.push(given);
        }
        // Each part of a person's name, as written (Titlecase, a whole
        // word): `<word:5> Long` shows half a name.
        let parts: Vec<&str> = if SHAPES[si] == "person name" {
            c.split(' ').collect()
        } else {
            Vec::new()
        };
        for (what, out) in &outs {
            let raw = out.replace('\\', "");
            if views(out)
                .iter()
                .any(|v| needles.iter().any(|n| v.contains(n.as_str())))
                || parts.iter().any(|p| occurs(&raw, p))
            {
                leak_counts[si][pi] += 1;
                if leaks.len() < 40 {
                    leaks.push(format!(
                        "{} in {} -> {what}: {c:?}",
                        SHAPES[si], POSITIONS[pi]
                    ));
                }
                break;
            }
        }
    }
    let total: usize = leak_counts.iter().flatten().sum();
    println!("\n== canaries: {n} cases (seed {seed}), {total} with a canary in an output");
    println!("  by shape:");
    for (si, s) in SHAPES.iter().enumerate() {
        println!(
            "    {s:<22} {:>7} cases {:>5} leaks",
            counts[si].iter().sum::<usize>(),
            leak_counts[si].iter().sum::<usize>()
        );
    }
    println!("  by position:");
    for (pi, p) in POSITIONS.iter().enumerate() {
        println!(
            "    {p:<22} {:>7} cases {:>5} leaks",
            counts.iter().map(|r| r[pi]).sum::<usize>(),
            leak_counts.iter().map(|r| r[pi]).sum::<usize>()
        );
    }
    for l in &leaks {
        println!("  LEAK {l}");
    }
    assert_eq!(total, 0, "canaries reached an output");
}

// ---------------------------------------------------------------------------
// The same generative test on HAR input: a HAR (a redirect that sets a
// cookie, a login page, a failed code post, an XHR with a JSON error) with
// a canary in one position of the file, and every output of `auth-triage
// har` checked: the diagnosis (JSON, text), the report (Markdown), the
// sanitized HAR (`--sanitize`), and the error message when the HAR is
// refused.
// ---------------------------------------------------------------------------

const HAR_POSITIONS: &[&str] = &[
    "URL path",
    "URL query value",
    "URL query name",
    "URL fragment",
    "Location header",
    "redirectURL",
    "request header value",
    "header name",
    "Cookie header value",
    "Cookie header name",
    "request cookies[] value",
    "request cookies[] name",
    "Set-Cookie value",
    "Set-Cookie name",
    "Set-Cookie Path",
    "response cookies[] value",
    "post data text",
    "post data params",
    "HTML text",
    "HTML alert",
    "HTML title",
    "HTML input value",
    "HTML input name",
    "HTML script",
    "HTML markup code",
    "HTML base64",
    "JSON error",
    "JSON error_description",
    "JSON message",
    "JSON token field",
    "JSON nested errors",
    "pages title",
    "pageref",
    "creator",
    "statusText",
    "_error",
    "Date header",
    "Server header",
    "Retry-After",
    "Content-Type",
    "bad field",
];

fn har_html(title: &str, alert: &str, extra: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>{title}</title><script>var t="tok";</script></head><body>
<h1>Two-step verification</h1>{alert}
<form method="post" action="/mfa"><input name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6" value="">
<input type="hidden" name="csrf" value="hiddenvalue"><button type="submit">Verify</button></form>{extra}</body></html>"#
    )
}

fn har_base() -> serde_json::Value {
    use serde_json::json;
    let hdr = |n: &str, v: &str| json!({"name": n, "value": v});
    json!({"log": {
        "version": "1.2",
        "creator": {"name": "WebInspector", "version": "537.36"},
        "pages": [{"id": "page_1", "startedDateTime": "2026-11-29T15:00:00.000Z", "title": "https://app.example.org/login", "pageTimings": {"onLoad": 10}}],
        "entries": [
            {"pageref": "page_1", "startedDateTime": "2026-11-29T15:00:00.000Z", "time": 10, "_resourceType": "document",
             "request": {"method": "GET", "url": "https://app.example.org/login?next=%2Fhome", "httpVersion": "HTTP/1.1",
                 "headers": [hdr("Accept", "text/html"), hdr("Cookie", "pref=light")], "cookies": [{"name": "pref", "value": "light"}], "queryString": [], "headersSize": -1, "bodySize": 0},
             "response": {"status": 302, "statusText": "Found", "httpVersion": "HTTP/1.1",
                 "headers": [hdr("Location", "https://id.example.org/mfa?state=abc"), hdr("Set-Cookie", "session=v4lue; Path=/; Secure; HttpOnly; SameSite=Lax"), hdr("Date", "Sun, 29 Nov 2026 15:00:00 GMT")],
                 "cookies": [{"name": "session", "value": "v4lue", "path": "/", "secure": true, "httpOnly": true}],
                 "content": {"size": 0, "mimeType": "text/html"}, "redirectURL": "https://id.example.org/mfa?state=abc", "headersSize": -1, "bodySize": 0},
             "cache": {}, "timings": {"send": 1, "wait": 8, "receive": 1}},
            {"pageref": "page_1", "startedDateTime": "2026-11-29T15:00:01.000Z", "time": 10, "_resourceType": "document",
             "request": {"method": "GET", "url": "https://id.example.org/mfa?state=abc", "httpVersion": "HTTP/1.1", "headers": [hdr("Accept", "text/html")], "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 0},
             "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [hdr("Content-Type", "text/html; charset=utf-8"), hdr("Date", "Sun, 29 Nov 2026 15:00:01 GMT")], "cookies": [],
                 "content": {"size": 100, "mimeType": "text/html", "text": har_html("Two-step verification", "", "")}, "redirectURL": "", "headersSize": -1, "bodySize": 100},
             "cache": {}, "timings": {"send": 1, "wait": 8, "receive": 1}},
            {"pageref": "page_1", "startedDateTime": "2026-11-29T15:00:05.000Z", "time": 10, "_resourceType": "document",
             "request": {"method": "POST", "url": "https://id.example.org/mfa", "httpVersion": "HTTP/1.1", "headers": [hdr("Content-Type", "application/x-www-form-urlencoded"), hdr("Cookie", "session=v4lue")], "cookies": [{"name": "session", "value": "v4lue"}], "queryString": [],
                 "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "otp=861234&csrf=hiddenvalue", "params": [{"name": "otp", "value": "861234"}]}, "headersSize": -1, "bodySize": 20},
             "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [hdr("Content-Type", "text/html; charset=utf-8"), hdr("Date", "Sun, 29 Nov 2026 15:00:05 GMT"), hdr("Server", "nginx/1.22.1")], "cookies": [],
                 "content": {"size": 100, "mimeType": "text/html", "text": har_html("Two-step verification", r#"<div class="alert" role="alert">Invalid authenticator code.</div>"#, "")}, "redirectURL": "", "headersSize": -1, "bodySize": 100},
             "cache": {}, "timings": {"send": 1, "wait": 8, "receive": 1}},
            {"pageref": "page_1", "startedDateTime": "2026-11-29T15:00:06.000Z", "time": 10, "_resourceType": "xhr",
             "request": {"method": "POST", "url": "https://id.example.org/api/verify", "httpVersion": "HTTP/1.1", "headers": [hdr("Authorization", "Bearer abc")], "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 0},
             "response": {"status": 400, "statusText": "Bad Request", "httpVersion": "HTTP/1.1", "headers": [hdr("Content-Type", "application/json")], "cookies": [],
                 "content": {"size": 60, "mimeType": "application/json", "text": r#"{"error":"invalid_grant","error_description":"Invalid code."}"#}, "redirectURL": "", "headersSize": -1, "bodySize": 60},
             "cache": {}, "timings": {"send": 1, "wait": 8, "receive": 1}}
        ]
    }})
}

/// Put canary `c` in HAR position `pos`. Returns the HAR's text.
fn place_har(rng: &mut Rng, pos: &str, c: &str) -> String {
    use serde_json::json;
    let mut h = har_base();
    let text = rng.pick(TEXTS).replace("{}", c);
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    {
        let e = &mut h["log"]["entries"];
        let push_hdr = |v: &mut serde_json::Value, n: &str, val: &str| {
            v.as_array_mut()
                .unwrap()
                .push(json!({"name": n, "value": val}));
        };
        match pos {
            "URL path" => e[1]["request"]["url"] = json!(format!("https://id.example.org/mfa/{}", enc(c))),
            "URL query value" => e[0]["request"]["url"] = json!(format!("https://app.example.org/login?token={}", enc(c))),
            "URL query name" => e[0]["request"]["url"] = json!(format!("https://app.example.org/login?{}=1", enc(c))),
            "URL fragment" => e[1]["request"]["url"] = json!(format!("https://id.example.org/mfa#{}", enc(c))),
            "Location header" => e[0]["response"]["headers"][0]["value"] = json!(format!("/mfa?state={}&error_description={}", enc(c), enc(&text))),
            "redirectURL" => e[0]["response"]["redirectURL"] = json!(format!("https://id.example.org/mfa/{}?code={}", enc(c), enc(c))),
            "request header value" => e[3]["request"]["headers"][0]["value"] = json!(format!("Bearer {c}")),
            "header name" => push_hdr(&mut e[2]["request"]["headers"], c, "1"),
            "Cookie header value" => e[2]["request"]["headers"][1]["value"] = json!(format!("session={c}; theme=dark")),
            "Cookie header name" => e[2]["request"]["headers"][1]["value"] = json!(format!("session=v4lue; {c}=1")),
            "request cookies[] value" => e[2]["request"]["cookies"][0]["value"] = json!(c),
            "request cookies[] name" => e[2]["request"]["cookies"][0]["name"] = json!(c),
            "Set-Cookie value" => e[0]["response"]["headers"][1]["value"] = json!(format!("session={c}; Path=/; Secure; HttpOnly")),
            "Set-Cookie name" => e[0]["response"]["headers"][1]["value"] = json!(format!("{c}=1; Path=/; Secure")),
            "Set-Cookie Path" => e[0]["response"]["headers"][1]["value"] = json!(format!("session=1; Path=/{c}; Secure")),
            "response cookies[] value" => e[0]["response"]["cookies"][0]["value"] = json!(c),
            "post data text" => e[2]["request"]["postData"]["text"] = json!(format!("otp={}&password={}", enc(c), enc(c))),
            "post data params" => e[2]["request"]["postData"]["params"][0]["value"] = json!(c),
            "HTML text" => e[2]["response"]["content"]["text"] = json!(har_html("Two-step verification", "", &format!("<p>{}</p>", esc(&text)))),
            "HTML alert" => e[2]["response"]["content"]["text"] = json!(har_html("Two-step verification", &format!(r#"<div role="alert">{}</div>"#, esc(&text)), "")),
            "HTML title" => e[2]["response"]["content"]["text"] = json!(har_html(&format!("Sign in – {}", esc(c)), "", "")),
            "HTML input value" => e[2]["response"]["content"]["text"] = json!(har_html("Verify", "", &format!(r#"<input name="email" value="{}"><textarea name="note">{}</textarea>"#, esc(c), esc(c)))),
            "HTML input name" => e[2]["response"]["content"]["text"] = json!(har_html("Verify", "", &format!(r#"<input name="{}" aria-label="{}" placeholder="{}">"#, esc(c), esc(&text), esc(c)))),
            "HTML script" => e[2]["response"]["content"]["text"] = json!(har_html("Verify", "", &format!(r#"<script>window.__T="{}"</script><div hidden>{}</div>"#, esc(c), esc(c)))),
            "HTML markup code" => e[2]["response"]["content"]["text"] = json!(har_html("Verify", "", &format!(r#"<p data-error-code="{}">Error</p>"#, esc(c)))),
            "HTML base64" => {
                let html = har_html("Verify", &format!(r#"<div role="alert">{}</div>"#, esc(&text)), "");
                e[2]["response"]["content"]["text"] = json!(b64(html.as_bytes()));
                e[2]["response"]["content"]["encoding"] = json!("base64");
            }
            "JSON error" => e[3]["response"]["content"]["text"] = json!(json!({"error": c, "error_description": "Invalid code."}).to_string()),
            "JSON error_description" => e[3]["response"]["content"]["text"] = json!(json!({"error": "invalid_grant", "error_description": text}).to_string()),
            "JSON message" => e[3]["response"]["content"]["text"] = json!(json!({"code": c, "message": text, "status": 400}).to_string()),
            "JSON token field" => e[3]["response"]["content"]["text"] = json!(json!({"access_token": c, "id_token": c, "user": {"email": c, "name": c}}).to_string()),
            "JSON nested errors" => e[3]["response"]["content"]["text"] = json!(json!({"ui": {"messages": [{"id": 4000006, "text": text, "type": "error", "context": {"value": c}}], "nodes": [{"attributes": {"name": "totp_code", "value": c}, "messages": [{"text": text}]}]}}).to_string()),
            "statusText" => e[2]["response"]["statusText"] = json!(c),
            "_error" => e[1]["response"]["_error"] = json!(c),
            "Date header" => e[1]["response"]["headers"][1]["value"] = json!(c),
            "Server header" => e[2]["response"]["headers"][2]["value"] = json!(format!("{c}/1.0")),
            "Retry-After" => push_hdr(&mut e[3]["response"]["headers"], "Retry-After", c),
            "Content-Type" => e[3]["response"]["headers"][0]["value"] = json!(format!("application/json; charset={c}")),
            _ => {}
        }
    }
    match pos {
        "pages title" => h["log"]["pages"][0]["title"] = json!(format!("Sign in – {c}")),
        "pageref" => {
            h["log"]["pages"][0]["id"] = json!(c);
            for e in h["log"]["entries"].as_array_mut().unwrap() {
                e["pageref"] = json!(c);
            }
        }
        "creator" => h["log"]["creator"] = json!({"name": c, "version": c}),
        "bad field" => {
            // A HAR the reader refuses: the message must not echo the input.
            h["log"]["entries"][1]["request"]["url"] = json!(1);
            h["log"]["entries"][1][c.replace(['"', '\\'], "")] = json!(c);
            let mut s = h.to_string();
            s.truncate(s.len() - 5);
            return s;
        }
        _ => {}
    }
    h.to_string()
}

fn esc_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

fn b64(b: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::new();
    for ch in b.chunks(3) {
        let n = (u32::from(ch[0]) << 16)
            | (u32::from(*ch.get(1).unwrap_or(&0)) << 8)
            | u32::from(*ch.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= ch.len() {
                o.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                o.push('=');
            }
        }
    }
    o
}

#[test]
fn generated_canaries_in_har_reach_no_output() {
    let n: usize = std::env::var("NO_SECRETS_HAR_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_200);
    let seed: u64 = std::env::var("NO_SECRETS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261129);
    let mut rng = Rng(seed ^ 0x4841_5200);
    let cats = Catalogs::new(&[]);
    let mut counts = vec![vec![0usize; HAR_POSITIONS.len()]; SHAPES.len()];
    let mut leak_counts = vec![vec![0usize; HAR_POSITIONS.len()]; SHAPES.len()];
    let mut leaks: Vec<String> = Vec::new();
    let mut refused = 0usize;
    for case in 0..n {
        let si = case % SHAPES.len();
        let pi = (case / SHAPES.len()) % HAR_POSITIONS.len();
        let c = canary(&mut rng, SHAPES[si]);
        let har = place_har(&mut rng, HAR_POSITIONS[pi], &c);
        counts[si][pi] += 1;
        let needle = c.to_lowercase();
        // The check means something: the HAR holds the canary.
        let har_views = views(&har);
        let quoted = serde_json::to_string(&c).unwrap();
        let held = har_views.iter().any(|v| v.contains(&needle))
            || har.contains(&enc(&c))
            || har.contains(quoted.trim_matches('"'))
            || har.contains(&esc_html(&c))
            || HAR_POSITIONS[pi] == "HTML base64";
        assert!(
            held,
            "the HAR does not hold the canary: {}",
            HAR_POSITIONS[pi]
        );
        let mut outs: Vec<(&str, String)> = Vec::new();
        let diagnose = |s: &Snapshot| {
            let d = classify(s, &cats);
            (d.failure_type != auth_triage::FailureType::Unclassified).then_some(d.confidence)
        };
        match auth_triage::har::read_and_pick(&har, &[], &diagnose) {
            Err(e) => {
                refused += 1;
                outs.push(("error message", e.to_string()));
            }
            Ok(read) => {
                let d = classify(&read.snapshot, &cats);
                outs.push(("har JSON", serde_json::to_string(&d).unwrap()));
                outs.push(("har text", auth_triage::diagnosis::render_text(&d)));
                outs.push((
                    "har Markdown",
                    report::to_markdown(&report::build(&read.snapshot, &d, &cats.versions)),
                ));
                outs.push(("page line", auth_triage::redact::url(&read.snapshot.url)));
            }
        }
        let mut clean = String::new();
        match auth_triage::har::sanitize::sanitize(&har, &cats, &mut |s| clean.push_str(s)) {
            Ok(_) => {
                serde_json::from_str::<serde_json::Value>(&clean)
                    .expect("the sanitized HAR is JSON");
                outs.push(("sanitized HAR", clean));
            }
            Err(e) => outs.push(("sanitize error", e.to_string())),
        }
        for (what, out) in &outs {
            if views(out).iter().any(|v| v.contains(&needle)) {
                leak_counts[si][pi] += 1;
                if leaks.len() < 40 {
                    leaks.push(format!(
                        "{} in {} -> {what}: {c:?}",
                        SHAPES[si], HAR_POSITIONS[pi]
                    ));
                }
                break;
            }
        }
    }
    let total: usize = leak_counts.iter().flatten().sum();
    println!(
        "\n== HAR canaries: {n} cases (seed {seed}), {refused} HARs refused, {total} with a canary in an output \
         (outputs: har JSON, text, Markdown, page line, sanitized HAR, error messages)"
    );
    println!("  by shape:");
    for (si, s) in SHAPES.iter().enumerate() {
        println!(
            "    {s:<22} {:>7} cases {:>5} leaks",
            counts[si].iter().sum::<usize>(),
            leak_counts[si].iter().sum::<usize>()
        );
    }
    println!("  by position:");
    for (pi, p) in HAR_POSITIONS.iter().enumerate() {
        println!(
            "    {p:<24} {:>7} cases {:>5} leaks",
            counts.iter().map(|r| r[pi]).sum::<usize>(),
            leak_counts.iter().map(|r| r[pi]).sum::<usize>()
        );
    }
    for l in &leaks {
        println!("  LEAK {l}");
    }
    assert_eq!(total, 0, "canaries reached an output of auth-triage har");
}

/// The vocabularies of the allow-list hold no word the canary generator
/// draws: no name, no passphrase word (English's list is older and has a
/// few, which the run rules hold: `Will Young` is a name, three content
/// words a passphrase).
#[test]
fn vocabularies_hold_no_canary_words() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vocab");
    let drawn: Vec<String> = FIRST
        .iter()
        .chain(LAST)
        .chain(WORDS)
        .chain(JA_FAMILY)
        .chain(JA_GIVEN)
        .chain(ZH_GIVEN.iter().filter(|g| g.chars().count() > 1))
        .chain(KO_GIVEN)
        .map(|w| w.to_lowercase())
        .collect();
    let mut words = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The older lists (en.txt; codes.txt, moved out of src/vocab.rs,
        // which holds `long`) are held by the run rules instead.
        if name == "en.txt" || name == "codes.txt" {
            continue;
        }
        for l in std::fs::read_to_string(&path).unwrap().lines() {
            let w = l.trim().to_lowercase();
            if w.is_empty() || w.starts_with('#') || w.starts_with('[') {
                continue;
            }
            words += 1;
            assert!(!drawn.contains(&w), "{name}: {w} is a canary word");
            // A one-character surname is no word of its own.
            assert!(
                !ZH_FAMILY.contains(&w.as_str()) && !KO_FAMILY.contains(&w.as_str()) || w == "이",
                "{name}: {w} is a surname"
            );
        }
    }
    println!("{words} vocabulary words (en aside): none is a canary word");
}
