//! Text handling: sentence splitting, normalisation into tokens, and phrase
//! matching against a [`Lexicon`] loaded from data (`lexicon/*.json`).
//!
//! Adding a language means adding a lexicon file, not code. Matching is linear
//! in the text: one hash look-up per token plus the few prefix phrases.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::InputError;
use crate::json::{FromJson, Path, Reader};

/// A concept of the lexicon (index into a bit set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Concept {
    Otp = 0,
    Challenge,
    Flow,
    Session,
    Boundary,
    Cred,
    Account,
    Invalid,
    Expired,
    Rate,
    /// "too many", "zu viele": a rate limit only when a rate object follows.
    Many,
    /// "exceeded", "maximum number of": a rate limit only when the sentence
    /// names what was counted (attempts, requests, codes …).
    Bound,
    RateObject,
    Missing,
    Permanent,
    Temporary,
    Needs,
    GenericError,
    TooLarge,
    /// Units of a wait ("42 seconds", "42 Sekunden", "42秒"), after a number.
    Second,
    Minute,
    Hour,
    /// "unavailable", "nicht verfügbar", "利用できない": a server or service
    /// that is down, which a "try again later" beside it does not make a
    /// limit on the user.
    Unavailable,
    /// "CSRF", "cross-site request forgery", "falsification de requête
    /// intersite", "跨站请求伪造": the anti-forgery token, a session fault.
    Csrf,
    /// "failed", "rejected", "fehlgeschlagen", "échoué", "失敗": the verdict
    /// that a step did not pass. Not "failed to send", "送信に失敗": a verb
    /// of doing before the verdict is a failure to act, listed as a longer
    /// phrase without this concept.
    Failed,
    /// "header", "En-tête", "ヘッダー": a request header, which a "too large"
    /// beside it makes an oversized request.
    Header,
    /// "are you blocking", "doesn't accept", "blockieren", "bloquez-vous",
    /// "차단", and the request to stop ("aktivieren Sie", "włącz"): the
    /// browser refuses what the site sets. Beside a cookie (a boundary
    /// object) it is a session fault, as "cookies are disabled" is.
    Refused,
    /// "limited", "gedrosselt", "limitato", "被限制": a participle of
    /// limiting or throttling. A rate limit only beside what was counted
    /// ("requests limited", "请求被限制") or as the whole headline
    /// ("Limitato"): "character limit" and "storage limited" stay negatives.
    Limited,
    /// "reached", "erreicht", "bereikt", "达到", "도달": a limit reached,
    /// a rate limit beside a limit word ("das Limit … erreicht", "达到…上限")
    /// however many words stand between.
    Reached,
    /// "several", "multiple", "plusieurs", "mehrere", "多次": a count of
    /// failed attempts that says there were many without "too many".
    Several,
    /// "double-check", "controleer", "確認してください", "다시 확인": the
    /// advice to look at what was typed again. Beside the code, after a
    /// failure, it says the code was wrong.
    Recheck,
    /// "IP address", "IP-Adresse", "IP地址": the address a request came
    /// from. Also a boundary object ("your IP address changed"), but an
    /// address refused by the site's policy ("IP address not allowed",
    /// "your IP has been banned") is no fault of the deployment.
    Ip,
    /// "not allowed", "nicht erlaubt", "non autorisé", "許可されていません":
    /// a policy that refuses, unlike "missing" or "changed".
    Disallowed,
    /// "reload the page", "Seite neu laden", "ページを再読み込み": the advice
    /// to load the page again, which renews the page's form token but not a
    /// one-time code.
    Reload,
    /// "token", "Jeton", "トークン", "令牌": a token without saying which (a
    /// one-time code or the page's form token).
    Token,
    /// "misconfigured", "Fehlkonfiguration", "設定ミス": set up wrong. Also
    /// `invalid` (a boundary object set up wrong is a boundary fault), but
    /// never a verdict on the code: "This usually happens because of a
    /// misconfiguration" on the MFA step blames the operator, not the user.
    Misconfigured,
    /// "please wait", "veuillez patienter", "お待ちください": a wait asked of
    /// the user, with no length. Not a limit on its own (a page that is
    /// loading says it too), but a block it follows will end.
    Wait,
    /// "configuration", "Einrichtung", "設定": setting a factor up. "Two-factor
    /// setup failed" is no failed code.
    Setup,
    /// "2 attempts remaining", "Sie können es noch 2 Mal versuchen",
    /// "还可以尝试 2 次": a warning after a failure, not yet a limit.
    Remaining,
    /// "we use cookies", "Wir verwenden Cookies", "Cookieを使用しています",
    /// "cookie policy": the site's notice about its own cookies, which a
    /// login page shows beside every error. Listed as boundary objects too,
    /// so a fault said beside them counts ("This site uses cookies, which
    /// your browser has disabled"); but the notice's purpose words ("to
    /// ensure", "sicherzustellen") are no need, and no failure before it is
    /// about its cookies.
    Consent,
    /// "sign in again", "melden Sie sich erneut an", "reconnectez-vous",
    /// "再度ログイン", "请重新登录": the advice to start the sign-in over.
    /// After a session that expired, it says the sign-in's session was lost.
    Relogin,
    /// "expires in", "is valid for", "läuft … ab", "expirera dans",
    /// "有効期限は", "后失效": how long something stays valid, announced. With
    /// a length and nothing failed ("The code expires in 10 minutes"), it is
    /// the step's prompt, not a wait: the length is no time to wait out.
    Validity,
    /// "promo code", "Gutschein", "bon de réduction", "クーポン", "优惠券": what
    /// a shop offers. Its code is no sign-in's code, and its expiry no
    /// step's ("Your promo code has expired", "Il tuo voucher è scaduto").
    Commerce,
    /// "storage", "free articles", "licences", "Speicherplatz", "容量":
    /// what a plan allots. Used up, it is a quota met, no limit on signing
    /// in ("You have reached your storage quota").
    Resource,
    /// "API token", "API-Schlüssel", "clé d'API", "APIキー", "API 密钥",
    /// "personal access token": a program's key to a service. Not the code
    /// a person types, and not a sign-in's own failure: "Invalid API token"
    /// is no wrong code, unless the sentence names the code too ("Could not
    /// create the API token: the two-factor code is incorrect").
    Api,
    /// A phrase that holds another concept's word but says none of them:
    /// Spanish "ha estado" (has been) holds "estado" (the OAuth state). It
    /// takes its words from the other phrases and is then dropped: no rule
    /// reads it.
    Plain,
}

impl Concept {
    const ALL: [(Concept, &'static str); 46] = [
        (Concept::Otp, "otp"),
        (Concept::Challenge, "challenge"),
        (Concept::Flow, "flow"),
        (Concept::Session, "session"),
        (Concept::Boundary, "boundary"),
        (Concept::Cred, "cred"),
        (Concept::Account, "account"),
        (Concept::Invalid, "invalid"),
        (Concept::Expired, "expired"),
        (Concept::Rate, "rate"),
        (Concept::Many, "many"),
        (Concept::Bound, "bound"),
        (Concept::RateObject, "rate_object"),
        (Concept::Missing, "missing"),
        (Concept::Permanent, "permanent"),
        (Concept::Temporary, "temporary"),
        (Concept::Needs, "needs"),
        (Concept::GenericError, "generic_error"),
        (Concept::TooLarge, "too_large"),
        (Concept::Second, "second"),
        (Concept::Minute, "minute"),
        (Concept::Hour, "hour"),
        (Concept::Unavailable, "unavailable"),
        (Concept::Csrf, "csrf"),
        (Concept::Failed, "failed"),
        (Concept::Header, "header"),
        (Concept::Refused, "refused"),
        (Concept::Limited, "limited"),
        (Concept::Reached, "reached"),
        (Concept::Several, "several"),
        (Concept::Recheck, "recheck"),
        (Concept::Ip, "ip"),
        (Concept::Disallowed, "disallowed"),
        (Concept::Reload, "reload"),
        (Concept::Token, "token"),
        (Concept::Misconfigured, "misconfigured"),
        (Concept::Wait, "wait"),
        (Concept::Setup, "setup"),
        (Concept::Remaining, "remaining"),
        (Concept::Consent, "consent"),
        (Concept::Relogin, "relogin"),
        (Concept::Validity, "validity"),
        (Concept::Commerce, "commerce"),
        (Concept::Resource, "resource"),
        (Concept::Api, "api"),
        (Concept::Plain, "plain"),
    ];

    fn from_name(name: &str) -> Option<Concept> {
        by_name(&Self::ALL, name)
    }

    fn bit(self) -> u64 {
        1 << (self as u8)
    }
}

/// A function word the rules read around the concepts: how a sentence is
/// put, not what it is about. Each lexicon lists its own under `words`, so
/// a new language brings them as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// "if", "wenn", "si", "場合": what follows is a condition, not a fact.
    If,
    /// "or", "oder", "ou", "または": an alternative.
    Or,
    /// "administrator", "beheerder", "管理者": who helps, named.
    Administrator,
    /// "link", "lien", "リンク": a link.
    Link,
    /// "domain", "Domäne", "ドメイン": a domain, a cookie's or an e-mail
    /// address's.
    Domain,
    /// "problem with", "Problem mit", "problème avec", "bir sorun",
    /// "出现问题": a problem said to be with something, unlike a failure to
    /// act ("could not load", "a problem revoking") or none ("problemlos").
    Problem,
    /// "every", "alle", "toutes les", "cada", "每", "마다": a length of time
    /// that repeats. A sign-in asked for every so often is a policy, not a
    /// wait ("A new login is required every 24 hours").
    Every,
    /// "time", "duration", "Dauer", "tiempo", "時間": a length of time as a
    /// noun. A session past its bound in time ran out; one past a number of
    /// sessions met a quota.
    Time,
    /// "ago", "il y a", "geleden", "分前", "분 전": the length named is in
    /// the past ("you signed in more than 30 minutes ago"), no wait.
    Ago,
    /// "logged out", "abgemeldet", "déconnecté", "ログアウトされ", "已登出":
    /// a sign-out said to have happened, not one asked for ("log out and
    /// log in again") or offered.
    SignedOut,
    /// "not", "nicht", "pas", "されていません", "没有": what follows did not
    /// happen ("You have not been logged out").
    Not,
    /// "successfully", "erfolgreich", "avec succès", "正常に", "成功", or
    /// thanks: the page reports what the user asked for, no failure.
    Success,
    /// "other sessions", "all devices", "anderen Geräten", "他のデバイス":
    /// what happened, happened elsewhere than in this browser.
    Elsewhere,
    /// "e-mail", "phone number", "メール", "手机": where a code is sent. Beside
    /// a code it is the code's channel, not a credential that failed ("The
    /// code sent to your e-mail is invalid").
    Contact,
    /// "sent", "received", "gesendet", "envoyé", "送信した", "发送": a code
    /// said to be sent or received, and so where it went is its channel.
    Sent,
    /// "inactivity", "Inaktivität", "inactividad", "長時間操作がなかった",
    /// "长时间未操作": the session ran out because the user was idle, a
    /// signed-in session's timeout, not a step's.
    Idle,
    /// "another browser", "anderen Tab", "別のブラウザ", "其他浏览器": a
    /// browser or tab other than this one. A sign-in started there holds
    /// its state there, not in this browser's cookies.
    OtherBrowser,
    /// "started", "gestartet", "lancée", "開始", "发起": a sign-in said to
    /// have begun (somewhere).
    Started,
    /// "by", "via", "per", "par", "por", "ile": the means a code came by,
    /// beside a contact ("per E-Mail", "E-posta ile").
    By,
    /// "prevents", "empêche", "impide", "uniemożliwia": what keeps a
    /// boundary object named after it from working refuses it.
    Prevents,
    /// "new", "neue", "nuevo", "新的": a new sign-in somewhere else is news
    /// of another login (a security alert), not this one's state.
    New,
    /// "change", "Änderung", "changement", "cambio", "変更", "更改": an
    /// address said to have changed. A session ended by a change of the
    /// client's IP address is one a proxy or a network broke ("Die Sitzung
    /// wurde aufgrund einer Änderung Ihrer IP-Adresse beendet").
    Change,
    /// "ended", "beendet", "clôturée", "finalizado", "終了しました", "终止":
    /// a session said to have ended (not how: see [`Word::Change`]).
    Ended,
    /// "redirected", "weitergeleitet", "reconnexion", "跳转", "リダイレクト":
    /// the page's own action under way. A length before it counts that
    /// action down ("You will be redirected in 5 seconds"), not a wait.
    Underway,
    /// "in progress", "en cours", "läuft", "ログイン中", "正在": the page at
    /// work; "please wait" beside it is a progress line's.
    Progress,
    /// "resend", "erneut senden", "renvoyer", "再送信", "重新获取": a code
    /// sent again. A countdown to it is the page's resend button at work.
    Resend,
    /// "later", "not now", "plus tard", "später", "稍后再说", "나중에": a
    /// prompt put off. Alone it is a button's label, no limit.
    Later,
    /// "phone", "smartphone", "Handy", "appareil", "スマートフォン", "手机":
    /// a device, where an approval waits (unlike an address, which is
    /// verified).
    Device,
    /// "form", "Formular", "formulaire", "フォーム", "表单": the page's form.
    /// Sent again after a reload, it carries a new hidden token.
    Form,
    /// "redirect", "loop", "Schleife", "boucle", "ループ", "循环": a
    /// boundary phrase that says the browser goes round in circles.
    Loop,
    /// "approve", "bestätigen", "valider", "aprobar", "承認", "批准": the
    /// user's answer an approval waits for.
    Approve,
    /// "unlock", "entsperren", "débloquer", "desbloquear", "ロック解除",
    /// "解锁": what an administrator is asked to do for a lock with no end.
    Unlock,
    /// "entered", "eingegeben", "saisi", "introdujo", "入力", "输入": the
    /// user's answer a code's step waits for.
    Enter,
    /// "does not belong to", "gehört nicht zu", "n'appartient pas",
    /// "属していません", "不属于", "속하지 않": a thing said to be another's.
    /// A token another sign-in's is state that no longer matches the
    /// browser's.
    Belongs,
    /// "not yet expired", "pas encore expiré", "noch nicht abgelaufen",
    /// "未超时", "아직 만료되지 않": an expiry said not to have come. A wait
    /// or code that has not run out yet is a cooldown still running.
    NotYet,
    /// "sending", "Senden", "envoi", "invio", "versturen": the code's
    /// delivery. "Senden des Codes fehlgeschlagen" is a delivery that
    /// failed, not a code judged. Chinese, Japanese and Korean list none:
    /// their failed deliveries are phrases ("验证码发送失败", "送信に失敗").
    Sending,
    /// "redirect", "Weiterleitung", "redirection", "reindirizzamento",
    /// "リダイレクト", "重定向": the browser sent on to another address. One
    /// the site refuses or calls wrong is its list of return addresses, set
    /// up without the published one.
    Redirect,
    /// "prevent", "avoid", "verhindern", "éviter", "防ぐ", "防止": what a
    /// sentence means to prevent is no fault that happened ("To prevent
    /// invalid redirects, you go to the home page after signing in").
    Avoid,
    /// "only", "nur", "seulement", "solo", "のみ", "只能": what may be done
    /// no more than so much. Done only so often ("You can only request one
    /// code every 60 seconds", "每IP只能发5条短信") it is a limit.
    Only,
    /// "PIN", "NIP": a personal number that unlocks a card, a phone or an
    /// app. A "PIN code" alone is that number, a credential; beside a
    /// one-time code ("SMS code or PIN code") it is another name for it.
    Pin,
    /// "may", "possibly", "möglicherweise", "peut-être", "かもしれません",
    /// "可能": what follows is supposed, a cause suggested, not said.
    Maybe,
    /// "supports", "accepts", "prend en charge", "unterstützt", "支持": what
    /// the browser is to be checked to do (with cookies).
    Supports,
    /// "try again", "réessayez", "erneut versuchen", "再試行", "重试": a new
    /// try asked for, so the one before failed.
    Retry,
    /// "chat", "game", "exam", "video call", "会議": an activity whose
    /// session is not the sign-in's ("Your chat session has expired").
    Activity,
    /// "took too long", "zu lange gebraucht", "pris trop de temps",
    /// "demorou muito", "時間がかかりすぎ", "太久": a step the user did not
    /// finish in time.
    TooLong,
    /// "log in", "einloggen", "se connecter", "iniciar sesión", "inloggen",
    /// "giriş yapmak", "ログイン", "登录": the sign-in as a verb or a noun.
    SignIn,
    /// "remaining time", "verbleibende Zeit", "temps restant", "残り時間",
    /// "剩余时间": how long is left of something (a block, or a code's
    /// validity).
    TimeLeft,
    /// "cannot", "unable to", "できません", "无法", "할 수 없",
    /// "yapamazsınız": what may not be done, where the language says so
    /// apart from its plain denial ([`Word::Not`]).
    Cannot,
    /// "right now", "im Moment", "pour le moment", "en este momento",
    /// "現在は", "目前": a failure said to be of the moment, the checker's
    /// ("Unable to verify the code right now"), not the user's answer.
    Now,
    /// "already used", "bereits verwendet", "déjà utilisé", "使用済み": a
    /// code or link spent, no wrong one; beside an expiry ("expired or
    /// already used") the two say it can no longer be used.
    Used,
}

impl Word {
    const ALL: [(Word, &'static str); 50] = [
        (Word::If, "if"),
        (Word::Or, "or"),
        (Word::Administrator, "administrator"),
        (Word::Link, "link"),
        (Word::Domain, "domain"),
        (Word::Problem, "problem"),
        (Word::Every, "every"),
        (Word::Time, "time"),
        (Word::Ago, "ago"),
        (Word::SignedOut, "signed_out"),
        (Word::Not, "not"),
        (Word::Success, "success"),
        (Word::Elsewhere, "elsewhere"),
        (Word::Contact, "contact"),
        (Word::Sent, "sent"),
        (Word::Idle, "idle"),
        (Word::OtherBrowser, "other_browser"),
        (Word::Started, "started"),
        (Word::By, "by"),
        (Word::Prevents, "prevents"),
        (Word::New, "new"),
        (Word::Change, "change"),
        (Word::Ended, "ended"),
        (Word::Underway, "underway"),
        (Word::Progress, "progress"),
        (Word::Resend, "resend"),
        (Word::Later, "later"),
        (Word::Device, "device"),
        (Word::Form, "form"),
        (Word::Loop, "loop"),
        (Word::Approve, "approve"),
        (Word::Unlock, "unlock"),
        (Word::Enter, "enter"),
        (Word::Belongs, "belongs"),
        (Word::NotYet, "not_yet"),
        (Word::Sending, "sending"),
        (Word::Redirect, "redirect"),
        (Word::Avoid, "avoid"),
        (Word::Only, "only"),
        (Word::Pin, "pin"),
        (Word::Maybe, "maybe"),
        (Word::Supports, "supports"),
        (Word::Retry, "retry"),
        (Word::Activity, "activity"),
        (Word::TooLong, "too_long"),
        (Word::SignIn, "sign_in"),
        (Word::TimeLeft, "time_left"),
        (Word::Cannot, "cannot"),
        (Word::Now, "now"),
        (Word::Used, "used"),
    ];

    fn from_name(name: &str) -> Option<Word> {
        by_name(&Self::ALL, name)
    }

    /// The word's place in [`Word::ALL`].
    fn index(self) -> usize {
        self as usize
    }
}

/// The value a lexicon file names `name` in a table of (value, name).
fn by_name<T: Copy>(all: &[(T, &'static str)], name: &str) -> Option<T> {
    all.iter().find(|(_, n)| *n == name).map(|(t, _)| *t)
}

/// A set of concepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Concepts(u64);

impl Concepts {
    /// The set of one concept.
    pub fn of(c: Concept) -> Self {
        let mut s = Self::default();
        s.add(c);
        s
    }
    pub fn has(self, c: Concept) -> bool {
        self.0 & c.bit() != 0
    }
    pub fn add(&mut self, c: Concept) {
        self.0 |= c.bit();
    }
    pub fn remove(&mut self, c: Concept) {
        self.0 &= !c.bit();
    }
    pub fn union(&mut self, o: Concepts) {
        self.0 |= o.0;
    }
    /// Whether every concept of the set is one of `cs`.
    pub fn within(self, cs: &[Concept]) -> bool {
        self.0 & !cs.iter().fold(0, |m, c| m | c.bit()) == 0
    }
    /// The lexicon names of the concepts in the set, for tools that show
    /// how a text was read (`examples/concepts.rs`).
    pub fn names(self) -> Vec<&'static str> {
        Concept::ALL
            .iter()
            .filter(|(c, _)| self.has(*c))
            .map(|(_, n)| *n)
            .collect()
    }
}

/// One normalised token: lower case, apostrophes dropped; numbers keep their value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// The word after a French or Italian elided article ("email" of
    /// "l'email", "invito" of "dell'invito"), read when the whole token
    /// ("lemail") begins no phrase; `text` otherwise.
    pub tail: &'a str,
    pub num: Option<u64>,
    /// A number the page left as its template's slot (`%d`, `%.2f`): it
    /// stands where a number goes, but has no value.
    pub slot: bool,
    /// A slot of the template for a value of any kind (`%s`, `{minutes}`,
    /// `{{count}}`, `%(seconds)s`, `:seconds`): it may stand for a number.
    /// Read as one where a number goes ("try again in {minutes} minutes",
    /// "noch %s Versuche"), not as one elsewhere ("contact %s").
    pub value: bool,
}

impl Token<'_> {
    /// A number, or a template's slot for one.
    pub fn is_number(&self) -> bool {
        self.num.is_some() || self.slot
    }

    /// A number, or any slot of the template, which may stand for one.
    pub fn may_be_number(&self) -> bool {
        self.is_number() || self.value
    }
}

/// The length in bytes of a printf number slot at the start of `s`
/// (`%d`, `%i`, `%u`, `%f`, `%.2f`, `%1$d`, `%ld`), if there is one.
fn number_slot(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'%') {
        return None;
    }
    let mut i = 1;
    let digits = |i: &mut usize| {
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
    };
    digits(&mut i);
    if b.get(i) == Some(&b'$') {
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        digits(&mut i);
    }
    while b.get(i) == Some(&b'l') {
        i += 1;
    }
    let conv = *b.get(i)?;
    // Not followed by a letter: "%dagen" is no slot.
    let next_is_letter = b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
    (matches!(conv, b'd' | b'i' | b'u' | b'f') && !next_is_letter).then_some(i + 1)
}

/// A template's slot for a value at the start of `s`, if there is one:
/// printf's `%s`, `%1$s`, `%@`, `%v`; Python's `%(name)s` and `%(name)d`;
/// `{name}`, `{{ name }}` and `${name}` (a name that begins with a letter:
/// `{0}` reads as the number it holds); and, after a space or at the start,
/// `:name` (`in :seconds seconds`). Its length in bytes, and its name if it
/// has one.
fn value_slot(s: &str, after_space: bool) -> Option<(usize, Option<&str>)> {
    let b = s.as_bytes();
    let name_end = |from: usize| {
        let name = s.get(from..)?;
        let first = name.chars().next()?;
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        let len = name
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(name.len(), |(i, _)| i);
        Some(from + len)
    };
    match *b.first()? {
        b'%' => {
            let mut i = 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i > 1 {
                if b.get(i) != Some(&b'$') {
                    return None;
                }
                i += 1;
            }
            if b.get(i) == Some(&b'(') {
                let end = name_end(i + 1)?;
                if b.get(end) != Some(&b')') {
                    return None;
                }
                let name = s.get(i + 1..end);
                return matches!(b.get(end + 1), Some(b's' | b'd' | b'i' | b'f'))
                    .then_some((end + 2, name));
            }
            let conv = *b.get(i)?;
            let next_is_letter = b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
            (matches!(conv, b's' | b'@' | b'v') && !next_is_letter).then_some((i + 1, None))
        }
        b'{' | b'$' => {
            let mut i = usize::from(b.first() == Some(&b'$'));
            let mut braces = 0;
            while b.get(i) == Some(&b'{') && braces < 2 {
                i += 1;
                braces += 1;
            }
            if braces == 0 {
                return None;
            }
            while b.get(i) == Some(&b' ') {
                i += 1;
            }
            let start = i;
            let name_stop = name_end(i)?;
            let mut end = name_stop;
            while b.get(end) == Some(&b' ') {
                end += 1;
            }
            (0..braces)
                .all(|k| b.get(end + k) == Some(&b'}'))
                .then_some((end + braces, s.get(start..name_stop)))
        }
        b':' if after_space => {
            let end = name_end(1)?;
            let name = s.get(1..end)?;
            let ascii_lower = name.bytes().all(|c| c.is_ascii_lowercase() || c == b'_');
            (ascii_lower && end > 2).then_some((end, Some(name)))
        }
        _ => None,
    }
}

/// A slot's name that says it holds a number or a length ("minutes",
/// "retry_after", "attemptsLeft", "n"), not a name, an address or an app
/// ("username", "admin", "domain").
fn names_a_number(name: &str) -> bool {
    const STEMS: [&str; 27] = [
        "sec", "min", "hour", "hr", "stund", "sekund", "time", "tiempo", "tempo", "temps", "count",
        "num", "anzahl", "amount", "wait", "delay", "duration", "remain", "left", "attempt",
        "tries", "retr", "limit", "period", "day", "skew", "cooldown",
    ];
    let mut parts = Vec::new();
    let mut part = String::new();
    for c in name.chars() {
        if !c.is_alphanumeric() || (c.is_uppercase() && !part.is_empty()) {
            parts.push(std::mem::take(&mut part));
        }
        if c.is_alphanumeric() {
            part.extend(c.to_lowercase());
        }
    }
    parts.push(part);
    parts.iter().any(|p| {
        matches!(p.as_str(), "n" | "x" | "s" | "m" | "h" | "d")
            || STEMS.iter().any(|stem| p.starts_with(stem))
    })
}

/// What follows a slot lets it stand for a number: a space, the end, a
/// full stop, or a unit written right after it in Han, kana or Hangul
/// ("%s秒后", "{n}분"). Not a letter or an apostrophe ("{{user}}'s", "{name}s
/// Konto", "{hour}h{minute}") and not a comma ("Hallo %s, u heeft …": "u" is
/// no unit there).
fn slot_may_be_a_number(follows: &str) -> bool {
    const CJK_UNITS: [&str; 11] = [
        "秒", "分钟", "分鐘", "分後", "分后", "分間", "小时", "時間", "초", "분", "시간",
    ];
    match follows.chars().next() {
        None => true,
        Some(c) if c.is_whitespace() || matches!(c, '.' | '!' | '?' | '。' | '…') => true,
        Some(_) => {
            CJK_UNITS.iter().any(|u| follows.starts_with(u)) || {
                // A unit glued on ("{seconds}s", "%smin"), then a space, a
                // stop, a bracket or the end; not "{hour}h{minute}".
                let unit_len = follows.bytes().take_while(u8::is_ascii_alphabetic).count();
                follows
                    .get(..unit_len)
                    .is_some_and(|u| GLUED_UNITS.contains(&u))
                    && follows[unit_len..].chars().next().is_none_or(|c| {
                        c.is_whitespace() || matches!(c, '.' | '!' | '?' | ')' | '）' | '。' | ',')
                    })
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pat {
    Exact(String),
    Prefix(String),
    /// A word ending: `*sitzung` matches German compounds such as "Interaktionssitzung".
    Suffix(String),
    /// Inside a word: `*admin*` matches "Systemadministrator". Only in the
    /// lists of [`Word`]s: the phrase index needs a first letter or a last.
    Infix(String),
    Number,
}

impl Pat {
    fn matches(&self, t: &Token<'_>) -> bool {
        match self {
            Pat::Exact(s) => t.text == s.as_str(),
            Pat::Prefix(p) => t.text.starts_with(p.as_str()),
            Pat::Suffix(p) => t.text.ends_with(p.as_str()),
            Pat::Infix(p) => t.text.contains(p.as_str()),
            Pat::Number => t.may_be_number(),
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    pats: Vec<Pat>,
    concepts: Concepts,
    /// The lexicons (by index in [`Lexicon::langs`]) that hold this phrase.
    langs: u64,
    /// How many of `pats` are whole words (a tie-break between phrases as
    /// long), counted once when the phrase is added.
    exact: usize,
}

/// FNV-1a: tokens are short, and SipHash's setup cost dominates on them.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Phrases by one character of their first pattern: a table for ASCII (looked
/// up for every token, so no hashing), a map for the rest.
#[derive(Debug)]
struct ByChar {
    ascii: Vec<Vec<Phrase>>,
    other: FnvMap<char, Vec<Phrase>>,
}

impl Default for ByChar {
    fn default() -> Self {
        ByChar {
            ascii: vec![Vec::new(); 128],
            other: FnvMap::default(),
        }
    }
}

impl ByChar {
    fn entry(&mut self, c: char) -> &mut Vec<Phrase> {
        match self.ascii.get_mut(c as usize) {
            Some(v) => v,
            None => self.other.entry(c).or_default(),
        }
    }
    fn get(&self, c: char) -> &[Phrase] {
        match self.ascii.get(c as usize) {
            Some(v) => v,
            None => self.other.get(&c).map_or(&[], Vec::as_slice),
        }
    }
    fn values_mut(&mut self) -> impl Iterator<Item = &mut Vec<Phrase>> {
        self.ascii.iter_mut().chain(self.other.values_mut())
    }
}

/// A compiled lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Phrases whose first token is an exact word, by that word.
    by_first: FnvMap<String, Vec<Phrase>>,
    /// Phrases starting with a prefix pattern, by the prefix's first character.
    prefix_first: ByChar,
    /// Phrases starting with a suffix pattern, by the suffix's last character.
    suffix_first: ByChar,
    /// Phrases starting with a number.
    number_first: Vec<Phrase>,
    /// The languages of the lexicons added, in order (`"en"`, `"ja"` …).
    langs: Vec<String>,
    /// The most tokens a phrase has.
    max_len: usize,
    /// The function words of the lexicons, by [`Word`] (its index in
    /// `Word::ALL`). A rule asks for one word at a time, so it reads only
    /// that word's list.
    words: Vec<Vec<FunctionWord>>,
    /// The lexicons of head-final languages (bit i: `langs[i]`).
    head_final: u64,
    /// The English lexicon's bit, 0 before it is added.
    english: u64,
    /// Numbers written as words ("one", "cinq", "eine", "三"): the word, its
    /// value and the lexicon that lists it.
    numbers: Vec<(String, u64, u64)>,
}

/// One entry of a [`Word`]'s list: its patterns, the lexicon that lists it,
/// and the lexicons that list the same patterns as another word only.
#[derive(Debug)]
struct FunctionWord {
    pats: Vec<Pat>,
    lang: u64,
    /// English "per" is a word of "every" ("one code per minute"); Italian
    /// lists "per" as "by" and "for" ("valido per 5 minuti"): on an Italian
    /// page the English reading is not taken.
    elsewhere: u64,
}

/// A lexicon file: `{"lang": "en", "concepts": {"mfa_object": ["…", …], …}}`.
struct LexiconFile {
    lang: String,
    concepts: Vec<(String, Vec<String>)>,
    /// `"words": {"if": ["if", "in case"], "or": ["or"], …}`: see [`Word`].
    words: Vec<(String, Vec<String>)>,
    /// `"order": "head-final"`: the language puts what a clause says of a
    /// noun before the noun ("telefon numarasına gönderilen kod", "メールで
    /// 送信したコード": the code sent to the phone).
    head_final: bool,
    /// `"numbers": {"one": 1, "an": 1, …}`: numbers written as words, read as
    /// numbers right before a unit of time ("locked for one hour").
    numbers: Vec<(String, u64)>,
}

impl FromJson for LexiconFile {
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        let mut concepts = Vec::new();
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        let mut lang = String::new();
        let mut head_final = false;
        let start = r.object(at, &mut |r, key, _| {
            if key == "lang" {
                lang = String::read(r, &Path::Field(at, "lang"))?;
                Ok(())
            } else if key == "order" {
                let at = Path::Field(at, "order");
                let pos = r.pos();
                match String::read(r, &at)?.as_str() {
                    "head-final" => head_final = true,
                    "head-initial" => head_final = false,
                    _ => return Err(r.error_at(pos, &at, "not head-final or head-initial")),
                }
                Ok(())
            } else if key == "concepts" || key == "plain_concepts" {
                // `plain_concepts`, `plain_words`: the phrases typed
                // without accents, read as the others
                // (scripts/plain-spellings.mjs lists them).
                let at = Path::Field(at, "concepts");
                r.object(&at, &mut |r, name, _| {
                    concepts.push((name.to_owned(), Vec::read(r, &at)?));
                    Ok(())
                })?;
                Ok(())
            } else if key == "words" || key == "plain_words" {
                let at = Path::Field(at, "words");
                r.object(&at, &mut |r, name, _| {
                    words.push((name.to_owned(), Vec::read(r, &at)?));
                    Ok(())
                })?;
                Ok(())
            } else if key == "numbers" {
                let at = Path::Field(at, "numbers");
                r.object(&at, &mut |r, name, _| {
                    numbers.push((name.to_owned(), u64::read(r, &at)?));
                    Ok(())
                })?;
                Ok(())
            } else {
                r.skip()
            }
        })?;
        if concepts.is_empty() {
            return Err(r.error_at(start, at, "no concepts"));
        }
        Ok(LexiconFile {
            lang,
            concepts,
            words,
            head_final,
            numbers,
        })
    }
}

/// Check one lexicon file's text (`lexicon/<lang>.json`): the error names the
/// field and position.
pub fn check_lexicon(text: &str) -> Result<(), crate::InputError> {
    crate::json::from_str::<LexiconFile>(text).map(|_| ())
}

/// All lexicons (`lexicon/*.json`, see [`crate::data`]) merged into one
/// matcher (pages often mix languages, and `lang` attributes are often wrong).
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = Lexicon::default();
        for (_, src) in crate::data::folder("lexicon") {
            // The shipped files are checked by a unit test; a broken one is skipped, never a panic.
            if let Ok(file) = crate::json::from_str::<LexiconFile>(src) {
                lex.add_file(file);
            }
        }
        lex.finish();
        lex
    })
}

impl Lexicon {
    fn add_file(&mut self, file: LexiconFile) {
        let lang = match self.langs.iter().position(|l| *l == file.lang) {
            Some(i) => i,
            None => {
                self.langs.push(file.lang.clone());
                self.langs.len() - 1
            }
        };
        if file.head_final {
            self.head_final |= lang_bit(lang);
        }
        if file.lang == "en" {
            self.english = lang_bit(lang);
        }
        for (name, phrases) in file.concepts {
            let Some(concept) = Concept::from_name(&name) else {
                continue;
            };
            for p in phrases {
                self.add_phrase_in(&p, concept, lang);
            }
        }
        for (name, value) in file.numbers {
            // Kept as a token reads it ("Één" → "één").
            let key: String = token_texts(&name).concat();
            self.numbers.push((key, value, lang_bit(lang)));
        }
        let bit = lang_bit(lang);
        for (name, list) in file.words {
            let Some(word) = Word::from_name(&name) else {
                continue;
            };
            for p in list {
                if let Some(pats) = pats_of(&p).filter(|p| !p.is_empty()) {
                    // One list a word (a no-op after the first).
                    self.words.resize_with(Word::ALL.len(), Vec::new);
                    if let Some(list) = self.words.get_mut(word.index()) {
                        list.push(FunctionWord {
                            pats,
                            lang: bit,
                            elsewhere: 0,
                        });
                    }
                }
            }
        }
        self.mark_elsewhere(bit);
    }

    /// Marks the words that the lexicon `bit` (just added) and English
    /// read with no meaning in common. English is read on every page beside
    /// the page's own lexicon, and the page's own meaning wins: an English
    /// word is not read where the page's lexicon lists it, as other words
    /// only ("per": English "every", Italian "by"). A word both list under
    /// one meaning at least is one loanword, read in all its English senses
    /// ("redirect*").
    fn mark_elsewhere(&mut self, bit: u64) {
        let english = self.english;
        if english == 0 {
            return;
        }
        // Whether English and `lang` list `pats` under one word at least.
        let shared = |words: &[Vec<FunctionWord>], pats: &[Pat], lang: u64| {
            let lists =
                |l: &[FunctionWord], lang: u64| l.iter().any(|x| x.lang == lang && x.pats == pats);
            words.iter().any(|l| lists(l, english) && lists(l, lang))
        };
        // Each English entry and each lexicon that shares its patterns:
        // only pairs with the lexicon just added (the others were marked
        // when they came).
        let others: Vec<&FunctionWord> = self
            .words
            .iter()
            .flatten()
            .filter(|o| o.lang != english && (bit == english || o.lang == bit))
            .collect();
        let mut marks = Vec::new();
        for (w, list) in self.words.iter().enumerate() {
            for (i, e) in list.iter().enumerate().filter(|(_, e)| e.lang == english) {
                for o in others.iter().filter(|o| o.pats == e.pats) {
                    if !shared(&self.words, &e.pats, o.lang) {
                        marks.push((w, i, o.lang));
                    }
                }
            }
        }
        for (w, i, lang) in marks {
            if let Some(e) = self.words.get_mut(w).and_then(|l| l.get_mut(i)) {
                e.elsewhere |= lang;
            }
        }
    }

    /// The patterns of the words `w` of the lexicons of `mask`. An English
    /// word the page's own lexicon (the one language of `mask` beside
    /// English) lists as another word only is left out; with every lexicon
    /// read at once no language is the page's.
    fn words_of(&self, w: Word, mask: u64) -> impl Iterator<Item = &[Pat]> {
        let own = mask & !self.english;
        let own = if own.count_ones() == 1 { own } else { 0 };
        self.words
            .get(w.index())
            .into_iter()
            .flatten()
            .filter(move |e| e.lang & mask != 0 && e.elsewhere & own == 0)
            .map(|e| e.pats.as_slice())
    }

    /// Whether `toks` hold a word `w` of the lexicons of `mask`.
    pub fn word_in(&self, w: Word, toks: &[Token<'_>], mask: u64) -> bool {
        self.words_of(w, mask).any(|pats| pats_in(pats, toks))
    }

    /// The value of `word` written as a number ("five", "cinq", "五") in the
    /// lexicons of `mask`.
    pub fn number_word(&self, word: &str, mask: u64) -> Option<u64> {
        // A few hundred words, looked in only before a unit of time.
        self.numbers
            .iter()
            .find(|(w, _, langs)| w == word && langs & mask != 0)
            .map(|(_, v, _)| *v)
    }

    /// Whether `toks` are a word `w` of the lexicons of `mask`, whole.
    pub fn is_word(&self, w: Word, toks: &[Token<'_>], mask: u64) -> bool {
        self.words_of(w, mask)
            .any(|pats| pats.len() == toks.len() && pats_at(pats, toks, 0))
    }

    /// Whether `toks` open with a word `w` of the lexicons of `mask`.
    pub fn opens_with(&self, w: Word, toks: &[Token<'_>], mask: u64) -> bool {
        self.words_of(w, mask).any(|pats| pats_at(pats, toks, 0))
    }

    /// Whether `toks` hold a word `w` of the lexicons of `mask` written in
    /// Han, kana or Hangul, anywhere: those languages end a condition with it
    /// ("問題が解決しない場合は"), where others open it.
    pub fn cjk_word_in(&self, w: Word, toks: &[Token<'_>], mask: u64) -> bool {
        let cjk = |p: &Pat| matches!(p, Pat::Exact(x) if x.chars().all(is_cjk));
        self.words_of(w, mask)
            .filter(|pats| pats.iter().all(cjk))
            .any(|pats| pats_in(pats, toks))
    }

    #[cfg(test)]
    fn add_phrase(&mut self, phrase: &str, concept: Concept) {
        self.add_phrase_in(phrase, concept, 0);
        self.finish();
    }

    /// The lexicons of `mask` whose language is head-final (`"order":
    /// "head-final"`).
    pub fn head_final(&self, mask: u64) -> u64 {
        self.head_final & mask
    }

    /// The languages of the lexicons in this matcher, in the order they were added.
    pub fn langs(&self) -> &[String] {
        &self.langs
    }

    fn add_phrase_in(&mut self, phrase: &str, concept: Concept, lang: usize) {
        let Some(pats) = pats_of(phrase) else { return };
        let lang_bit = lang_bit(lang);
        self.max_len = self.max_len.max(pats.len());
        let Some(first) = pats.first() else { return };
        let list = match first {
            Pat::Exact(w) => self.by_first.entry(w.clone()).or_default(),
            Pat::Prefix(p) => self.prefix_first.entry(p.chars().next().unwrap_or(' ')),
            Pat::Suffix(p) => self
                .suffix_first
                .entry(p.chars().next_back().unwrap_or(' ')),
            Pat::Number => &mut self.number_first,
            // No letter to index it by: infixes are for word lists.
            Pat::Infix(_) => return,
        };
        if let Some(existing) = list.iter_mut().find(|x| x.pats == pats) {
            existing.concepts.add(concept);
            existing.langs |= lang_bit;
        } else {
            let mut concepts = Concepts::default();
            concepts.add(concept);
            let exact = pats.iter().filter(|p| matches!(p, Pat::Exact(_))).count();
            list.push(Phrase {
                pats,
                concepts,
                langs: lang_bit,
                exact,
            });
        }
    }

    fn finish(&mut self) {
        for v in self
            .by_first
            .values_mut()
            .chain(self.prefix_first.values_mut())
            .chain(self.suffix_first.values_mut())
        {
            crate::order::sort_by_key(v, |p| std::cmp::Reverse(p.pats.len()));
        }
        crate::order::sort_by_key(&mut self.number_first, |p| std::cmp::Reverse(p.pats.len()));
    }

    /// The longest phrase of every lexicon at the start of `toks`: its length
    /// in tokens and its concepts (one lookup, where [`Lexicon::scan`] reads
    /// every position).
    pub fn longest_at_start(&self, toks: &[Token<'_>]) -> Option<(usize, Concepts)> {
        self.longest(toks, u64::MAX).map(|(n, c, _)| (n, c))
    }

    /// Longest-match phrase matching. Returns the matches in order.
    pub fn scan(&self, toks: &[Token<'_>]) -> Vec<Match> {
        let mut out = Vec::new();
        self.scan_into(toks, &mut out);
        out
    }

    /// [`Lexicon::scan`] into a buffer the caller reuses (no allocation per sentence).
    pub fn scan_into(&self, toks: &[Token<'_>], out: &mut Vec<Match>) {
        self.scan_in(toks, u64::MAX, out);
    }

    /// [`Lexicon::scan_into`] with only the lexicons of `mask` (bit i:
    /// [`Lexicon::langs`]`[i]`): a page is read with the lexicons
    /// [`page_lexicons`] picks, as the extension loads them.
    pub fn scan_in(&self, toks: &[Token<'_>], mask: u64, out: &mut Vec<Match>) {
        out.clear();
        let mut i = 0;
        let mut alt: Vec<Token<'_>> = Vec::new();
        while i < toks.len() {
            let rest = toks.get(i..).unwrap_or(&[]);
            let Some(first) = rest.first() else { break };
            let mut best = self.longest(rest, mask);
            // "l'email", "dell'invito": the word after the elided article.
            if best.is_none() && first.tail.len() < first.text.len() {
                alt.clear();
                alt.extend(rest.iter().take(self.max_len.max(1)).copied());
                if let Some(t) = alt.first_mut() {
                    t.text = t.tail;
                }
                best = self.longest(&alt, mask);
            }
            match best {
                // Words that say nothing here: passed over.
                Some((n, concepts, _)) if concepts == Concepts::of(Concept::Plain) => i += n,
                Some((n, concepts, langs)) => {
                    out.push(Match {
                        start: i,
                        len: n,
                        concepts,
                        langs,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    /// The longest phrase of the lexicons of `mask` at the start of `rest`:
    /// (its length in tokens, its concepts, the lexicons that hold a phrase
    /// as long).
    fn longest(&self, rest: &[Token<'_>], mask: u64) -> Option<(usize, Concepts, u64)> {
        // (length, exact words, concepts, lexicons that gave them,
        // lexicons that hold a phrase as long)
        let mut best: Option<(usize, usize, Concepts, u64, u64)> = None;
        let first = rest.first()?;
        let numbers: &[Phrase] = if first.may_be_number() {
            &self.number_first
        } else {
            &[]
        };
        let by_start = first
            .text
            .chars()
            .next()
            .map_or(&[][..], |c| self.prefix_first.get(c));
        let by_end = first
            .text
            .chars()
            .next_back()
            .map_or(&[][..], |c| self.suffix_first.get(c));
        // Each list is sorted longest first (`finish`): once its phrases are
        // shorter than the best found, none of the rest can win. A phrase
        // found by its first word has that word matched already.
        let exact_first = self.by_first.get(first.text).map_or(&[][..], Vec::as_slice);
        for (list, matched) in [(exact_first, 1), (by_start, 0), (by_end, 0), (numbers, 0)] {
            for ph in list {
                let n = ph.pats.len();
                if best.is_some_and(|(bn, ..)| bn > n) {
                    break;
                }
                if ph.langs & mask == 0 || n > rest.len() {
                    continue;
                }
                if !ph
                    .pats
                    .iter()
                    .zip(rest)
                    .skip(matched)
                    .all(|(p, t)| p.matches(t))
                {
                    continue;
                }
                // The longest phrase wins; of two as long, the one with
                // more whole words: German "Aktualisierungstoken" listed
                // as a session token beats another lexicon's `*token`.
                let exact = ph.exact;
                // Every lexicon that holds a phrase as long still counts
                // for the page's language ("password" is Italian too).
                // Within one lexicon, phrases as long add up: its author
                // meant both.
                let langs = ph.langs & mask;
                match &mut best {
                    Some((bn, be, bc, bcl, bl)) if *bn == n => {
                        *bl |= langs;
                        // Of one lexicon, two phrases as long that disagree
                        // on both the form's field and the code are not
                        // meant together: the one with more whole words
                        // wins. German "Produktschlüssel", listed as a
                        // field, is no `*schlüssel`.
                        let differ = |c| bc.has(c) != ph.concepts.has(c);
                        if *be != exact
                            && *bcl & langs != 0
                            && differ(Concept::Cred)
                            && differ(Concept::Otp)
                        {
                            if exact > *be {
                                (*be, *bc, *bcl) = (exact, ph.concepts, langs);
                            }
                        } else if *be == exact || *bcl & langs != 0 {
                            bc.union(ph.concepts);
                            *bcl |= langs;
                            *be = (*be).max(exact);
                        } else if *be < exact {
                            (*be, *bc, *bcl) = (exact, ph.concepts, langs);
                        }
                    }
                    _ => best = Some((n, exact, ph.concepts, langs, langs)),
                }
            }
        }
        best.map(|(n, _, concepts, _, langs)| (n, concepts, langs))
    }
}

/// The patterns of a phrase of a lexicon: its words, a `*` before or after a
/// word for its end or start (both for a part inside it), `#` for a number;
/// Han, kana and Hangul a letter a pattern. `None` for a bare star.
fn pats_of(phrase: &str) -> Option<Vec<Pat>> {
    let mut pats = Vec::new();
    let phrase = phrase.replace('ı', "i");
    for w in phrase.split(|c: char| c.is_whitespace() || c == '_' || c == '-') {
        if w.is_empty() {
            continue;
        }
        if w.trim_matches('*').is_empty() {
            return None; // bare stars would match every word: not a phrase
        }
        if w.chars().any(is_cjk) {
            // No spaces in Chinese and Japanese (and Korean words carry
            // their particles): the text is tokenised one character at a
            // time there, so a phrase is its sequence of characters and
            // matches as a substring. Other letters in the word stay whole.
            let mut run = String::new();
            for c in w.chars() {
                if is_cjk(c) {
                    if !run.is_empty() {
                        pats.push(Pat::Exact(std::mem::take(&mut run)));
                    }
                    pats.push(Pat::Exact(c.to_string()));
                } else if c != '*' && c != '\'' {
                    run.extend(c.to_lowercase());
                }
            }
            if !run.is_empty() {
                pats.push(Pat::Exact(run));
            }
        } else if w == "#" {
            pats.push(Pat::Number);
        } else if let Some(p) = w.strip_prefix('*').and_then(|p| p.strip_suffix('*')) {
            pats.push(Pat::Infix(p.replace('\'', "").to_lowercase()));
        } else if let Some(p) = w.strip_prefix('*') {
            pats.push(Pat::Suffix(p.replace('\'', "").to_lowercase()));
        } else if let Some(p) = w.strip_suffix('*') {
            pats.push(Pat::Prefix(p.replace('\'', "").to_lowercase()));
        } else {
            pats.push(Pat::Exact(w.replace('\'', "").to_lowercase()));
        }
    }
    Some(pats)
}

/// Whether `pats` match the tokens from some position on.
fn pats_in(pats: &[Pat], toks: &[Token<'_>]) -> bool {
    (0..toks.len()).any(|i| pats_at(pats, toks, i))
}

/// Whether `pats` match the tokens from `i` on.
fn pats_at(pats: &[Pat], toks: &[Token<'_>], i: usize) -> bool {
    toks.get(i..i + pats.len())
        .is_some_and(|ts| pats.iter().zip(ts).all(|(p, t)| p.matches(t)))
}

/// The bit of the lexicon at index `i` of [`Lexicon::langs`] in a mask of
/// lexicons (none past the 64th).
fn lang_bit(i: usize) -> u64 {
    1u64.checked_shl(u32::try_from(i).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

/// A phrase found at token `start`, `len` tokens long.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    pub start: usize,
    pub len: usize,
    pub concepts: Concepts,
    /// The lexicons that hold the phrase (bit i: [`Lexicon::langs`]`[i]`).
    pub langs: u64,
}

/// The word before a full stop is an abbreviation with stops inside it,
/// each part one or two letters ("a.u.b", "z.B", "e.g", "d.h"): "Meld
/// a.u.b. opnieuw aan" is one sentence, when a small letter follows.
fn abbreviation_before(head: &str) -> bool {
    let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// The word before a full stop is a unit of time shortened after a number
/// or a template's slot ("10 sec.", "{{seconds}} Min.", "%d godz."): "Over
/// 10 sec. wordt opnieuw verbonden" is one sentence, when a small letter
/// follows.
fn unit_abbreviation_before(head: &str) -> bool {
    const UNITS: [&str; 12] = [
        "sec", "secs", "min", "mins", "sek", "seg", "std", "hr", "hrs", "godz", "sn", "dk",
    ];
    let mut words = head.split_whitespace().rev();
    let unit = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit))
        && before
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || c == '}' || c == 'd' || c == 's')
        && (before.chars().any(|c| c.is_ascii_digit()) || before.contains(['%', '{', '$']))
}

/// The next word begins with a small letter: the sentence goes on after an
/// abbreviation ("Meld a.u.b. opnieuw aan"), where a capital begins a new
/// one ("… in the U.S. Your session has expired").
fn lower_case_next(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A date or an ordinal written with full stops ends here: "am 31.12.
/// abgelaufen", "bis zum 3. nicht" (one to four digits right before).
fn date_before(head: &str) -> bool {
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits)
}

/// Split text into sentences: on line breaks, on `.`, `!`, `?`, `;`
/// followed by white space or the end (so hosts and decimals stay whole), and
/// after the full-width `。`, `！`, `？`, `；` of Chinese and Japanese (no space
/// follows them).
/// A full stop after an abbreviation ([`abbreviation_before`]) ends none
/// when a small letter follows.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            let end_here = c == '\n'
                || c == '\r'
                || matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff1b}')
                || (matches!(c, '!' | '?' | ';') && next.is_none_or(char::is_whitespace))
                || (matches!(c, '.' | '\u{2026}')
                    && next.is_none_or(char::is_whitespace)
                    && !(lower_case_next(text.get(at + 1..).unwrap_or(""))
                        && (abbreviation_before(text.get(start..at).unwrap_or(""))
                            || unit_abbreviation_before(text.get(start..at).unwrap_or(""))
                            || date_before(text.get(start..at).unwrap_or("")))));
            if end_here {
                let end = at + c.len_utf8();
                let s = text.get(start..end).unwrap_or("");
                start = end;
                if !s.trim().is_empty() {
                    return Some(s.trim());
                }
            }
        }
        if start < text.len() {
            let s = text.get(start..).unwrap_or("");
            start = text.len();
            if !s.trim().is_empty() {
                return Some(s.trim());
            }
        }
        None
    })
}

/// Letters of the scripts written without spaces between words (Han,
/// Hiragana, Katakana) and Hangul, whose words carry their particles: the
/// tokeniser makes each one a token, and lexicon phrases in them match as
/// character sequences.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana (with the prolonged sound mark)
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x3130..=0x318F // Hangul compatibility Jamo
        | 0xAC00..=0xD7AF // Hangul syllables
    )
}

/// The language tag of a shipped lexicon for an HTML `lang` value
/// (`"pt-BR"` → `"pt"`, `"zh-CN"` → `"zh-Hans"`), or `None`.
pub fn lexicon_lang(tag: &str, langs: &[String]) -> Option<String> {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let name = if primary == "zh" {
        let rest: Vec<&str> = parts.collect();
        if rest
            .iter()
            .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
        {
            "zh-Hant".to_owned()
        } else {
            "zh-Hans".to_owned()
        }
    } else {
        primary.to_owned()
    };
    langs
        .iter()
        .find(|l| l.eq_ignore_ascii_case(&name))
        .cloned()
}

/// The language a text's script tells (kana: Japanese, Hangul: Korean, Han
/// alone: Chinese) when it writes a third of the letters or more, and
/// whether more than 1 of 100 letters are accented Latin ones (not English).
fn script_of(sample: &str) -> (Option<&'static str>, bool) {
    let (mut kana, mut hangul, mut han, mut accented, mut letters) = (0, 0, 0, 0, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            0xC0..=0x24F => accented += 1,
            _ => {}
        }
    }
    // Kana and Hangul letters are worth more than Latin ones: a word is one
    // to three of them, against five or more Latin letters.
    let script = if (kana + han) * 3 >= letters && kana > 0 {
        Some("ja")
    } else if hangul * 3 >= letters && hangul > 0 {
        Some("ko")
    } else if han * 3 >= letters && han > 0 {
        Some("zh-Hans")
    } else {
        None
    };
    (script, accented * 100 > letters)
}

/// The lexicons a page is read with (bit i: [`Lexicon::langs`]`[i]`), the
/// ones the extension loads for it (`extension/languages.js`,
/// `lexiconsFor`), so the CLI and the popup read a page alike: English, the
/// lexicon of the page's `lang` attribute, and that of its script. When
/// neither tells (no `lang`, a language without a lexicon, or `en` on a page
/// of accented Latin letters), every lexicon, and the vote of
/// [`page_language`] decides.
pub fn page_lexicons(lang_attr: Option<&str>, title: &str, text: &str) -> u64 {
    let langs = lexicon().langs();
    let bit = |l: &str| langs.iter().position(|x| x == l).map_or(0, lang_bit);
    let sample: String = title
        .chars()
        .chain(['\n'])
        .chain(text.chars())
        .take(20_000)
        .collect();
    let (script, accented) = script_of(&sample);
    let attr = lang_attr.and_then(|a| lexicon_lang(a, langs));
    let script = script.and_then(|s| lexicon_lang(s, langs));
    let told = attr.as_deref().is_some_and(|a| a != "en" || !accented) || script.is_some();
    if !told {
        return u64::MAX;
    }
    bit("en") | attr.as_deref().map_or(0, bit) | script.as_deref().map_or(0, bit)
}

/// The lexicons whose function words ([`Word`]) a page in `lang` is read
/// with: English and its own. Not every lexicon, as for phrases: function
/// words are short and mean other things elsewhere (Italian "se" is "if",
/// Spanish "Se ha bloqueado su cuenta" is no condition).
pub fn language_words(lang: &str) -> u64 {
    let langs = lexicon().langs();
    let bit = |l: &str| langs.iter().position(|x| x == l).map_or(0, lang_bit);
    bit("en") | bit(lang)
}

/// The page's language: its `lang` attribute when a loaded lexicon has that
/// language; else the script of its letters (kana: Japanese, Hangul: Korean,
/// Han alone: Chinese) when it writes most of them; else the lexicon whose
/// phrases the text holds most often; English when nothing tells.
pub fn page_language(lang_attr: Option<&str>, text: &str) -> String {
    let lex = lexicon();
    let langs = lex.langs();
    if let Some(l) = lang_attr.and_then(|a| lexicon_lang(a, langs)) {
        return l;
    }
    let sample: String = text.chars().take(20_000).collect();
    if let Some(l) = script_of(&sample).0.and_then(|s| lexicon_lang(s, langs)) {
        return l;
    }
    // The lexicon vote: phrases every lexicon shares ("code", "OTP") tell nothing.
    let mut votes = vec![0usize; langs.len()];
    let mut buf = TokenBuf::default();
    let mut matches = Vec::new();
    let all = if langs.len() >= 64 {
        u64::MAX
    } else {
        (1u64 << langs.len()) - 1
    };
    for sentence in sentences(&sample).take(400) {
        let toks = buf.fill(sentence);
        lex.scan_into(&toks, &mut matches);
        for m in matches.iter().filter(|m| m.langs != all) {
            for (i, v) in votes.iter_mut().enumerate() {
                if m.langs & (1u64 << i) != 0 {
                    *v += m.len;
                }
            }
        }
    }
    let best = votes
        .iter()
        .enumerate()
        .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
        .filter(|(_, v)| **v > 0)
        .and_then(|(i, _)| langs.get(i));
    best.cloned().unwrap_or_else(|| "en".to_owned())
}

/// A reusable buffer for normalised tokens, so tokenising a large page does
/// not allocate per token.
#[derive(Debug, Default)]
pub struct TokenBuf {
    text: String,
    /// (start, end, value, number slot, value slot, start of the word after an
    /// elided article)
    spans: Vec<(usize, usize, Option<u64>, bool, bool, usize)>,
    /// Where the word after an elided article starts in the open token.
    cut: usize,
}

/// French and Italian articles and words that elide before a vowel: "l'",
/// "d'", "qu'", "dell'", "nell'", "un'". The token keeps them joined
/// ("lemail"), as the lexicons list the common joins; the word after is
/// read when the join begins no phrase.
const ELIDED: [&str; 22] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "all", "dall",
    "dell", "nell", "sull", "coll", "un", "quest", "quell", "nessun",
];

/// The token a web address in the text becomes (see [`TokenBuf::fill`]).
pub const WEB_ADDRESS: &str = "://";

/// The length of the web address `rest` opens with ("http://…",
/// "https://…", to the next space, quote or Han, kana or Hangul letter:
/// "跳转链接https://a.example/cb不合法"), if it opens with one.
fn web_address_len(rest: &str) -> Option<usize> {
    let scheme = ["http://", "https://"].into_iter().find(|p| {
        rest.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })?;
    let body = rest.get(scheme.len()..)?;
    let end = body
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '「' | '」') || is_cjk(c)
        })
        .unwrap_or(body.len());
    (end > 0).then_some(scheme.len() + end)
}

impl TokenBuf {
    /// Normalise `s` into tokens: camelCase and snake_case are split,
    /// apostrophes dropped, everything that is not a letter or digit separates.
    pub fn fill(&mut self, s: &str) -> Vec<Token<'_>> {
        self.text.clear();
        self.spans.clear();
        self.cut = 0;
        let mut start = 0usize;
        let mut prev_lower = false;
        let mut all_digits = true;
        let mut skip_to = 0;
        for (at, c) in s.char_indices() {
            if at < skip_to {
                continue;
            }
            if c == '\'' || c == '\u{2019}' || c == '\u{02BC}' {
                if self.text.get(start..).is_some_and(|w| ELIDED.contains(&w)) {
                    self.cut = self.text.len();
                }
                continue;
            }
            // A web address ("https://cloud.example.com/login") is a value,
            // no words: its scheme is no "HTTPS" said, its path no "login".
            // It is one token, [`WEB_ADDRESS`], that no lexicon phrase reads.
            if matches!(c, 'h' | 'H') && self.text.len() == start {
                if let Some(n) = s.get(at..).and_then(web_address_len) {
                    start = self.whole_token(start, all_digits, WEB_ADDRESS);
                    all_digits = true;
                    prev_lower = false;
                    skip_to = at + n;
                    continue;
                }
            }
            // A slot: a number's (`%d`), one that may stand for a number
            // (`{minutes}`, `%s` before a space), or a value of another
            // kind (`{{username}}`), read as no word at all.
            let slot = matches!(c, '%' | '{' | '$' | ':')
                .then(|| s.get(at..))
                .flatten()
                .and_then(|rest| {
                    number_slot(rest).map(|n| (n, Some(true))).or_else(|| {
                        let after_space =
                            s.get(..at).is_none_or(|b| b.ends_with(char::is_whitespace));
                        value_slot(rest, after_space).map(|(n, name)| {
                            let follows = rest.get(n..).unwrap_or("");
                            let number =
                                name.is_none_or(names_a_number) && slot_may_be_a_number(follows);
                            (n, number.then_some(false))
                        })
                    })
                });
            if let Some((n, kind)) = slot {
                self.close(start, all_digits);
                start = self.text.len();
                if let Some(number) = kind {
                    self.text.push('#');
                    self.spans
                        .push((start, self.text.len(), None, number, !number, start));
                }
                start = self.text.len();
                all_digits = true;
                prev_lower = false;
                skip_to = at + n;
                continue;
            }
            // A plural ending in brackets glued to its word ("minute(s)",
            // "Minute(n)", "dakika(s)") belongs to the word.
            // Only the next three bytes are looked at: a page of '(' and no
            // ')' costs no scan to its end per bracket.
            if c == '(' && self.text.len() > start {
                let ending = s.get(at + 1..).and_then(|r| {
                    let n = r.bytes().take(3).position(|b| b == b')')?;
                    r.get(..n)
                });
                if let Some(e) =
                    ending.filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_lowercase()))
                {
                    skip_to = at + e.len() + 2;
                    continue;
                }
            }
            // Full-width Latin letters and digits ("３０秒") read as ASCII.
            let c = match c as u32 {
                0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                }
                // Turkish capital dotted I: "İ" lower-cases to "i" plus a combining dot.
                0x0130 => 'I',
                // Turkish dotless ı reads as i (so do the lexicons' words): "HATALI"
                // lower-cases to "hatali", and "Hatali kod" is written without it.
                0x0131 => 'i',
                _ => c,
            };
            let alnum = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            if alnum && !c.is_ascii() && is_cjk(c) {
                // One token per character: see [`is_cjk`].
                start = self.whole_token(start, all_digits, c.encode_utf8(&mut [0; 4]));
                all_digits = true;
                prev_lower = false;
            } else if alnum {
                let upper = if c.is_ascii() {
                    c.is_ascii_uppercase()
                } else {
                    c.is_uppercase()
                };
                // camelCase boundary: "LoopDetected" -> "loop detected"
                if upper && prev_lower {
                    self.close(start, all_digits);
                    start = self.text.len();
                    all_digits = true;
                }
                if c.is_ascii() {
                    self.text.push(c.to_ascii_lowercase());
                } else {
                    self.text.extend(c.to_lowercase());
                }
                all_digits &= c.is_ascii_digit();
                prev_lower = if c.is_ascii() {
                    c.is_ascii_lowercase()
                } else {
                    c.is_lowercase()
                };
            } else {
                self.close(start, all_digits);
                start = self.text.len();
                all_digits = true;
                prev_lower = false;
            }
            if self.spans.len() > 4096 {
                break; // one "sentence" this long is not a message; bound the work
            }
        }
        self.close(start, all_digits);
        self.spans
            .iter()
            .map(|&(a, b, num, slot, value, cut)| Token {
                text: self.text.get(a..b).unwrap_or(""),
                tail: self.text.get(cut..b).unwrap_or(""),
                num,
                slot,
                value,
            })
            .collect()
    }

    /// Closes the open token (from `start`), then adds `piece` as a token
    /// of its own; returns where the next token starts.
    fn whole_token(&mut self, start: usize, all_digits: bool, piece: &str) -> usize {
        self.close(start, all_digits);
        let at = self.text.len();
        self.text.push_str(piece);
        self.close(at, false);
        self.text.len()
    }

    fn close(&mut self, start: usize, all_digits: bool) {
        let end = self.text.len();
        if end > start {
            let num = if all_digits {
                self.text
                    .get(start..end)
                    .and_then(|d| d.parse::<u64>().ok())
            } else {
                None
            };
            let cut = if self.cut > start && self.cut < end {
                self.cut
            } else {
                start
            };
            // "45s", "10min", "2h": a number with its unit glued on is the
            // number and the unit ("Resend code in 45s").
            let starts_with_digit = self
                .text
                .as_bytes()
                .get(start)
                .is_some_and(u8::is_ascii_digit);
            let digits = if starts_with_digit && !all_digits {
                self.text
                    .get(start..end)
                    .map_or(0, |t| t.bytes().take_while(u8::is_ascii_digit).count())
            } else {
                0
            };
            let glued = (digits > 0)
                .then(|| self.text.get(start + digits..end))
                .flatten()
                .filter(|unit| GLUED_UNITS.contains(unit));
            match glued {
                Some(_) => {
                    let num = self
                        .text
                        .get(start..start + digits)
                        .and_then(|d| d.parse::<u64>().ok());
                    self.spans
                        .push((start, start + digits, num, false, false, start));
                    self.spans
                        .push((start + digits, end, None, false, false, start + digits));
                }
                None => self.spans.push((start, end, num, false, false, cut)),
            }
        }
        self.cut = 0;
    }
}

/// Abbreviated units of time written right after a number or a slot ("45s",
/// "10min", "{seconds}s", "30sn", "5dk"): seconds, minutes, hours.
const GLUED_UNITS: [&str; 13] = [
    "s", "sec", "secs", "sek", "sn", "m", "min", "mins", "mn", "dk", "h", "hr", "hrs",
];

/// Tokens of one string, as owned strings (for tests and small inputs).
pub fn token_texts(s: &str) -> Vec<String> {
    let mut b = TokenBuf::default();
    b.fill(s).iter().map(|t| t.text.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_sits_at_its_index() {
        for (i, (w, _)) in Word::ALL.iter().enumerate() {
            assert_eq!(w.index(), i, "{w:?}");
        }
    }

    #[test]
    fn a_template_number_slot_is_a_number_without_a_value() {
        for (s, want) in [
            ("%d", Some(2)),
            ("%.2f min", Some(4)),
            ("%1$d", Some(4)),
            ("%ld", Some(3)),
            ("%s", None),
            ("%dagen", None),
            ("100%", None),
            ("% d", None),
        ] {
            assert_eq!(number_slot(s), want, "{s:?}");
        }
        let mut b = TokenBuf::default();
        let toks = b.fill("erst nach %d Sekunden, 100% sicher");
        let slots: Vec<_> = toks
            .iter()
            .map(|t| (t.text, t.num, t.is_number()))
            .collect();
        assert_eq!(
            slots,
            [
                ("erst", None, false),
                ("nach", None, false),
                ("#", None, true),
                ("sekunden", None, false),
                ("100", Some(100), true),
                ("sicher", None, false),
            ]
        );
    }

    #[test]
    fn a_template_slot_for_a_value_may_stand_for_a_number() {
        let mut b = TokenBuf::default();
        let toks = b.fill(
            "in {{minutes}} min, { count } x, ${n} y, %s z, %1$s w, %(seconds)s v, \
             :seconds u, {0} t, %d s, %send r, {\"a\": 1}, 10:30, a:b, http://h, 50% off",
        );
        let got: Vec<_> = toks
            .iter()
            .map(|t| (t.text, t.is_number(), t.value))
            .collect();
        assert_eq!(
            got,
            [
                ("in", false, false),
                ("#", false, true),
                ("min", false, false),
                ("#", false, true),
                ("x", false, false),
                ("#", false, true),
                ("y", false, false),
                ("#", false, true),
                ("z", false, false),
                ("#", false, true),
                ("w", false, false),
                ("#", false, true),
                ("v", false, false),
                ("#", false, true),
                ("u", false, false),
                ("0", true, false),
                ("t", false, false),
                ("#", true, false),
                ("s", false, false),
                ("send", false, false),
                ("r", false, false),
                ("a", false, false),
                ("1", true, false),
                ("10", true, false),
                ("30", true, false),
                ("a", false, false),
                ("b", false, false),
                ("://", false, false),
                ("50", true, false),
                ("off", false, false),
            ]
        );
        // Where a number goes in a phrase ("noch # Versuche"), a slot may.
        let toks = b.fill("noch %s Versuche");
        assert!(toks.get(1).is_some_and(Token::may_be_number));
    }

    #[test]
    fn an_elided_article_keeps_the_join_and_offers_the_word_after() {
        let mut b = TokenBuf::default();
        let toks = b.fill("L’email dell'invito didn't, qu'il");
        let pairs: Vec<_> = toks.iter().map(|t| (t.text, t.tail)).collect();
        assert_eq!(
            pairs,
            [
                ("lemail", "email"),
                ("dellinvito", "invito"),
                ("didnt", "didnt"),
                ("quil", "il"),
            ]
        );
        // The join wins where a lexicon lists it; the word after is read
        // only when the join begins no phrase.
        let mut lex = Lexicon::default();
        lex.add_phrase("nom dutilisateur", Concept::Cred);
        lex.add_phrase("invito", Concept::Cred);
        lex.add_phrase("utilisateur", Concept::Account);
        let toks = b.fill("nom d'utilisateur, dell'invito, l'utilisateur");
        let got: Vec<_> = lex
            .scan(&toks)
            .iter()
            .map(|m| (m.start, m.len, m.concepts.has(Concept::Cred)))
            .collect();
        assert_eq!(got, [(0, 2, true), (2, 1, true), (3, 1, false)]);
        // Function words are matched whole: the lexicons list the joined
        // forms ("linactivité"), as "l'un", "d'un" must not read as "un".
        for text in ["l'inactivité", "dell’inattività", "inactivité"] {
            let toks = b.fill(text);
            assert!(lexicon().word_in(Word::Idle, &toks, u64::MAX), "{text}");
        }
        let toks = b.fill("l'activité");
        assert!(!lexicon().word_in(Word::Idle, &toks, u64::MAX));
    }

    #[test]
    fn shipped_lexicons_parse_and_name_known_concepts() {
        for (_, src) in crate::data::folder("lexicon") {
            let f: LexiconFile = crate::json::from_str(src).unwrap();
            for (k, _) in &f.concepts {
                assert!(Concept::from_name(k).is_some(), "unknown concept {k}");
            }
            // Every lexicon says its function words, each of them a pattern
            // (a list may be empty: Spanish has no "or" that means only that).
            for (w, name) in Word::ALL {
                let list = f.words.iter().find(|(k, _)| k == name);
                let list = list.unwrap_or_else(|| panic!("{}: no {name} words", f.lang));
                for p in &list.1 {
                    assert!(pats_of(p).is_some_and(|p| !p.is_empty()), "{w:?} {p}");
                }
            }
            // Each list a known word (`plain_words` lists some a second
            // time: their spellings typed without accents).
            for (k, _) in &f.words {
                assert!(Word::from_name(k).is_some(), "{}: unknown word {k}", f.lang);
            }
            // Every lexicon writes its numbers as words, each one token as
            // the page's text is cut ("dreißig", "三"). Korean lists none:
            // Hangul is cut a syllable a token, and "한" of "제한 시간" (the
            // time limit) would read as "한 시간" (one hour).
            assert!(
                f.numbers.len() >= 10 || f.lang == "ko",
                "{}: numbers",
                f.lang
            );
            for (w, v) in &f.numbers {
                assert_eq!(
                    token_texts(w),
                    [w.to_lowercase().replace('ı', "i")],
                    "{}: {w}",
                    f.lang
                );
                assert!((1..=60).contains(v), "{}: {w} {v}", f.lang);
            }
        }
        // The head-final languages say so; the others do not.
        let lex = lexicon();
        let bit = |l: &str| lang_bit(lex.langs().iter().position(|x| x == l).unwrap());
        for l in ["ja", "ko", "zh-Hans", "tr"] {
            assert_eq!(lex.head_final(bit(l)), bit(l), "{l}");
        }
        assert_eq!(lex.head_final(bit("en") | bit("de") | bit("fr")), 0);
        // A word order the lexicon does not know is an error that names it.
        let err =
            check_lexicon(r#"{"lang": "xx", "order": "sideways", "concepts": {"otp": ["x"]}}"#)
                .unwrap_err()
                .to_string();
        assert!(err.contains("order") && err.contains("head-final"), "{err}");
    }

    // "인증코드 오류", "code isn't right", "pas le code correct": a verdict
    // phrase that names the code is read as one match, so it says the code
    // too, or the verdict is read of nothing ("인증 코드 오류" read as a
    // failure of no code). Phrases of a request's, a form's or a clock's
    // token are the boundary's, not the code's.
    #[test]
    fn a_verdict_phrase_that_names_the_code_names_it() {
        for (_, src) in crate::data::folder("lexicon") {
            let f: LexiconFile = crate::json::from_str(src).unwrap();
            let list = |c: &str| {
                f.concepts
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| v.as_slice())
                    .unwrap_or(&[])
            };
            let codes: Vec<Vec<String>> = list("otp")
                .iter()
                .filter(|o| !o.contains('*'))
                .map(|o| token_texts(o))
                .collect();
            for verdict in ["invalid", "expired"] {
                for p in list(verdict).iter().filter(|p| !p.contains('*')) {
                    let toks = token_texts(p);
                    let names_code = codes.iter().any(|o| {
                        o.len() < toks.len() && toks.windows(o.len()).any(|w| w == o.as_slice())
                    });
                    let elsewhere = ["otp", "boundary", "challenge", "flow", "session", "cred"]
                        .iter()
                        .any(|c| list(c).contains(p));
                    assert!(
                        !names_code || elsewhere,
                        "{}: {verdict} {p:?} names a code",
                        f.lang
                    );
                }
            }
        }
    }

    #[test]
    fn function_words_are_read_in_the_pages_lexicons() {
        let lex = lexicon();
        let bit = |l: &str| lang_bit(lex.langs().iter().position(|x| x == l).unwrap());
        let mut b = TokenBuf::default();
        let opens =
            |text: &str, mask: u64, b: &mut TokenBuf| lex.opens_with(Word::If, &b.fill(text), mask);
        // Italian and Portuguese "se" is "if"; Spanish "Se ha bloqueado" is
        // no condition.
        let es = bit("en") | bit("es");
        assert!(!opens("Se ha bloqueado esta cuenta.", es, &mut b));
        assert!(opens(
            "Si el problema persiste, contacte al administrador.",
            es,
            &mut b
        ));
        assert!(opens(
            "Se il problema persiste, contatta l'amministratore.",
            bit("it"),
            &mut b
        ));
        assert!(opens(
            "In case you lost your phone, contact support.",
            bit("en"),
            &mut b
        ));
        // Only at the start; in Han, kana and Hangul, where a condition
        // ends its clause, anywhere, asked for on its own.
        assert!(!opens("Contact support if it persists.", bit("en"), &mut b));
        let ja = "問題が解決しない場合は、管理者に連絡してください。";
        assert!(!opens(ja, bit("ja"), &mut b));
        assert!(lex.cjk_word_in(Word::If, &b.fill(ja), bit("ja")));
        assert!(!lex.cjk_word_in(Word::If, &b.fill(ja), bit("ko")));
        // Dutch "Als" is "as" as often as "if": not listed.
        let nl = "Als gevolg van te veel pogingen is uw account geblokkeerd.";
        assert!(!opens(nl, u64::MAX, &mut b));
        // Only stars are no pattern.
        assert!(pats_of("**").is_none() && pats_of("*").is_none());
        // The page's language and English, not every lexicon.
        assert_eq!(language_words("es"), bit("en") | bit("es"));
        assert_eq!(language_words("x-unknown"), bit("en"));
        // A part inside a word: German compounds, elided articles.
        let admin = |text: &str, mask: u64, b: &mut TokenBuf| {
            lex.word_in(Word::Administrator, &b.fill(text), mask)
        };
        assert!(admin(
            "Wenden Sie sich an den Systemadministrator",
            bit("de"),
            &mut b
        ));
        assert!(admin("Contatta l'amministratore", bit("it"), &mut b));
        assert!(admin("관리자에게 문의하세요", bit("ko"), &mut b));
        assert!(!admin("Contact support", u64::MAX, &mut b));
        // "o" is Spanish and Italian "or" and Portuguese "the": read in the
        // page's language, it is "or" on a Spanish page only. Dutch "of" is
        // also "whether" ("Controleer of de code klopt"): listed only
        // before a verdict ("ongeldig of verlopen").
        let or =
            |text: &str, mask: u64, b: &mut TokenBuf| lex.word_in(Word::Or, &b.fill(text), mask);
        assert!(or("el código o la hora", language_words("es"), &mut b));
        assert!(or("il codice o l'ora", language_words("it"), &mut b));
        assert!(!or("o código e a hora", language_words("pt"), &mut b));
        assert!(!or(
            "controleer of de code klopt",
            language_words("nl"),
            &mut b
        ));
        assert!(or("ongeldig of verlopen", language_words("nl"), &mut b));
        assert!(or("le code ou l'heure", u64::MAX, &mut b));
        assert!(or("コードまたは時刻", u64::MAX, &mut b));
        // English "per" is "every" ("one code per minute"); Italian and
        // German list it as "by": on their pages the English reading is
        // not taken, on an English or Dutch page it is, and the page's own
        // word is read whatever English says.
        let every =
            |text: &str, mask: u64, b: &mut TokenBuf| lex.word_in(Word::Every, &b.fill(text), mask);
        assert!(every("one code per minute", language_words("en"), &mut b));
        assert!(every("één code per minuut", language_words("nl"), &mut b));
        assert!(!every("valido per 5 minuti", language_words("it"), &mut b));
        assert!(!every("per E-Mail gesendet", language_words("de"), &mut b));
        let by =
            |text: &str, mask: u64, b: &mut TokenBuf| lex.word_in(Word::By, &b.fill(text), mask);
        // A word both list under one meaning at least is a loanword, read in
        // all its English senses: "redirect*" is Italian's redirect too.
        let underway = lex.word_in(Word::Underway, &b.fill("redirecting"), language_words("it"));
        assert!(underway);
        assert!(by("inviato per e-mail", language_words("it"), &mut b));
        assert!(by("per E-Mail gesendet", language_words("de"), &mut b));
    }

    #[test]
    fn an_infix_begins_no_phrase() {
        let mut lex = Lexicon::default();
        lex.add_phrase("*admin*", Concept::Permanent);
        lex.add_phrase("contact *admin*", Concept::Permanent);
        lex.finish();
        let mut b = TokenBuf::default();
        let toks = b.fill("contact sysadmin");
        let m = lex.scan(&toks);
        assert_eq!(m.len(), 1);
        assert_eq!(m.first().map(|m| (m.start, m.len)), Some((0, 2)));
        assert!(lex.scan(&b.fill("sysadmin")).is_empty());
    }

    #[test]
    fn tokens_split_camel_and_snake() {
        let t = token_texts("LoopDetected - redirect_uri didn't match 42");
        assert_eq!(
            t,
            ["loop", "detected", "redirect", "uri", "didnt", "match", "42"]
        );
    }

    #[test]
    fn a_web_address_ends_before_han_kana_or_hangul() {
        assert_eq!(
            token_texts("链接https://a.example/cb不合法"),
            ["链", "接", WEB_ADDRESS, "不", "合", "法"]
        );
    }

    #[test]
    fn a_plural_ending_in_brackets_belongs_to_its_word() {
        assert_eq!(
            token_texts("5 dakika(s) sonra, Minute(n) (s) code(abc)"),
            ["5", "dakika", "sonra", "minute", "s", "code", "abc"]
        );
    }

    #[test]
    fn sentences_keep_hosts_whole() {
        let s: Vec<&str> =
            sentences("Origin https://a.example.org failed. Try again!\nOk").collect();
        assert_eq!(
            s,
            ["Origin https://a.example.org failed.", "Try again!", "Ok"]
        );
    }

    #[test]
    fn longest_match_wins() {
        let lex = lexicon();
        let mut b = TokenBuf::default();
        let toks = b.fill("Enter your one-time password");
        let m = lex.scan(&toks);
        assert!(m.iter().any(|m| m.concepts.has(Concept::Otp)));
        assert!(!m.iter().any(|m| m.concepts.has(Concept::Cred)));
    }

    #[test]
    fn a_whole_word_beats_another_lexicons_pattern_as_long() {
        // (lexicon 0: German, 1: Italian, 2: Polish)
        let mut lex = Lexicon::default();
        lex.add_phrase_in("*token", Concept::Otp, 1);
        lex.add_phrase_in("aktualisierungstoken", Concept::Session, 0);
        lex.add_phrase_in("odrzucony", Concept::Invalid, 2);
        lex.add_phrase_in("odrzucon*", Concept::Missing, 2);
        lex.add_phrase_in("code*", Concept::Otp, 0);
        lex.add_phrase_in("code*", Concept::RateObject, 1);
        lex.finish();
        let mut b = TokenBuf::default();
        let one = |text: &str, b: &mut TokenBuf| {
            let m = lex.scan(&b.fill(text));
            assert_eq!(m.len(), 1, "{text}");
            m.first().map(|m| (m.concepts, m.langs)).unwrap_or_default()
        };
        let (c, langs) = one("Aktualisierungstoken", &mut b);
        assert!(c.has(Concept::Session) && !c.has(Concept::Otp));
        // The Italian pattern still counts for the page's language.
        assert_eq!(langs, 0b011);
        assert!(one("Einmaltoken", &mut b).0.has(Concept::Otp));
        // One lexicon's word and its own pattern add up.
        let (c, _) = one("odrzucony", &mut b);
        assert!(c.has(Concept::Invalid) && c.has(Concept::Missing));
        // Patterns as specific as each other still merge.
        let (c, _) = one("codes", &mut b);
        assert!(c.has(Concept::Otp) && c.has(Concept::RateObject));
    }

    #[test]
    fn leading_star_matches_word_endings() {
        let mut lex = Lexicon::default();
        lex.add_phrase("*sitzung", Concept::Session);
        lex.add_phrase("*sitzung nicht", Concept::Missing);
        lex.finish();
        let mut b = TokenBuf::default();
        let has = |text: &str, c: Concept, b: &mut TokenBuf| {
            let toks = b.fill(text);
            lex.scan(&toks).iter().any(|m| m.concepts.has(c))
        };
        assert!(has("Interaktionssitzung", Concept::Session, &mut b));
        assert!(has("Sitzung", Concept::Session, &mut b));
        assert!(!has("Sitzungen", Concept::Session, &mut b));
        // The longer phrase wins at the same position.
        assert!(has(
            "Anmeldesitzung nicht gefunden",
            Concept::Missing,
            &mut b
        ));
        // A lone "*" is not a pattern that matches everything.
        let mut lex = Lexicon::default();
        lex.add_phrase("*", Concept::Session);
        lex.finish();
        let toks = b.fill("anything at all");
        assert!(!lex
            .scan(&toks)
            .iter()
            .any(|m| m.concepts.has(Concept::Session)));
    }

    fn concepts_of(text: &str) -> Concepts {
        let mut b = TokenBuf::default();
        let toks = b.fill(text);
        let mut set = Concepts::default();
        for m in lexicon().scan(&toks) {
            set.union(m.concepts);
        }
        set
    }

    #[test]
    fn a_field_listed_whole_beats_a_codes_word_ending() {
        // German "*schlüssel" and "*code" read compounds as codes; the
        // lexicon's whole word for a form's field wins over them.
        for text in [
            "Ungültiger Produktschlüssel",
            "Der Verschlüsselungscode ist falsch",
        ] {
            let c = concepts_of(text);
            assert!(c.has(Concept::Cred) && !c.has(Concept::Otp), "{text}");
        }
        assert!(concepts_of("Der Bestätigungscode ist falsch").has(Concept::Otp));
    }

    #[test]
    fn cjk_is_read_one_character_at_a_time() {
        assert_eq!(
            token_texts("認証コードが無効です"),
            ["認", "証", "コ", "ー", "ド", "が", "無", "効", "で", "す"]
        );
        // Latin words and numbers in between stay whole; full-width digits read as ASCII.
        assert_eq!(
            token_texts("OTPコード３０秒"),
            ["otp", "コ", "ー", "ド", "30", "秒"]
        );
        // A phrase matches wherever its characters stand in a row, with or without spaces.
        let ja = concepts_of("入力された確認コードは無効です");
        assert!(ja.has(Concept::Otp) && ja.has(Concept::Invalid));
        let zh = concepts_of("验证码已过期，请重新获取");
        assert!(zh.has(Concept::Otp) && zh.has(Concept::Expired));
        let ko = concepts_of("인증코드가 올바르지 않습니다");
        assert!(ko.has(Concept::Otp) && ko.has(Concept::Invalid));
        let ko_spaced = concepts_of("인증 코드가 올바르지 않습니다");
        assert!(ko_spaced.has(Concept::Otp));
        // Turkish capital dotted I lower-cases to a plain i.
        assert_eq!(token_texts("İSTEK"), ["istek"]);
        // Dotless ı reads as i, in the text and in the lexicon alike: the
        // capital I of "HATALI KOD" lower-cases to a dotted i.
        assert_eq!(token_texts("HATALI Hatalı"), ["hatali", "hatali"]);
        assert!(concepts_of("HATALI KOD").has(Concept::Invalid));
    }

    #[test]
    fn an_abbreviation_with_stops_does_not_end_a_sentence() {
        let s: Vec<&str> =
            sentences("Sessie verlopen. Meld a.u.b. opnieuw aan. Zie z.B. hier.").collect();
        assert_eq!(
            s,
            [
                "Sessie verlopen.",
                "Meld a.u.b. opnieuw aan.",
                "Zie z.B. hier."
            ]
        );
        // A host name is no abbreviation.
        let s: Vec<&str> = sentences("Open www.example.org. Then sign in.").collect();
        assert_eq!(s, ["Open www.example.org.", "Then sign in."]);
    }

    #[test]
    fn a_unit_shortened_after_a_number_does_not_end_a_sentence() {
        let s: Vec<&str> =
            sentences("Over 10 sec. wordt opnieuw verbonden. Bitte in 5 Min. erneut.").collect();
        assert_eq!(
            s,
            [
                "Over 10 sec. wordt opnieuw verbonden.",
                "Bitte in 5 Min. erneut."
            ]
        );
        // Not without a number before it, nor before a capital.
        let s: Vec<&str> = sentences("Wait a sec. then go. Try in 5 min. Then sign in.").collect();
        assert_eq!(
            s,
            ["Wait a sec.", "then go.", "Try in 5 min.", "Then sign in."]
        );
        // A date written with full stops, before a small letter.
        let s: Vec<&str> =
            sentences("Ihre Mitgliedschaft ist am 31.12. abgelaufen. Code: 1234. Bitte").collect();
        assert_eq!(
            s,
            [
                "Ihre Mitgliedschaft ist am 31.12. abgelaufen.",
                "Code: 1234.",
                "Bitte"
            ]
        );
    }

    #[test]
    fn a_number_with_its_unit_glued_on_is_the_number_and_the_unit() {
        for (text, want) in [
            ("Resend code in 45s", vec!["resend", "code", "in", "#", "s"]),
            ("retry in 10min", vec!["retry", "in", "#", "min"]),
            ("Resend in {seconds}s.", vec!["resend", "in", "#", "s"]),
            ("2fa 3ds 45x", vec!["2fa", "3ds", "45x"]),
        ] {
            let mut b = TokenBuf::default();
            let got: Vec<String> = b
                .fill(text)
                .iter()
                .map(|t| {
                    if t.may_be_number() {
                        "#".to_owned()
                    } else {
                        t.text.to_owned()
                    }
                })
                .collect();
            assert_eq!(got, want, "{text}");
        }
        let mut b = TokenBuf::default();
        assert_eq!(b.fill("in 45s").get(1).and_then(|t| t.num), Some(45));
        // In "{hour}h{minute}", a clock time, the hour is no length.
        let mut b = TokenBuf::default();
        let toks = b.fill("at {hour}h{minute}");
        assert_eq!(toks.get(1).map(|t| t.text), Some("h"));
    }

    #[test]
    fn full_width_punctuation_ends_sentences() {
        let s: Vec<&str> = sentences("コードが無効です。もう一度お試しください！次へ").collect();
        assert_eq!(
            s,
            ["コードが無効です。", "もう一度お試しください！", "次へ"]
        );
    }

    #[test]
    fn page_lexicons_are_the_ones_the_extension_loads() {
        let langs = lexicon().langs();
        let names = |mask: u64| -> Vec<&str> {
            let mut v: Vec<&str> = langs
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1u64 << i) != 0)
                .map(|(_, l)| l.as_str())
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(
            names(page_lexicons(Some("it"), "", "Sono state bloccate")),
            ["en", "it"]
        );
        assert_eq!(
            names(page_lexicons(Some("en"), "Sign in", "Invalid code")),
            ["en"]
        );
        assert_eq!(
            names(page_lexicons(None, "", "コードが無効です")),
            ["en", "ja"]
        );
        assert_eq!(
            names(page_lexicons(Some("pt-BR"), "", "認証コード")),
            ["en", "ja", "pt"]
        );
        // Nothing tells: every lexicon, and the vote decides.
        assert_eq!(page_lexicons(None, "", "Code invalide"), u64::MAX);
        assert_eq!(
            page_lexicons(Some("x-klingon"), "", "Code invalide"),
            u64::MAX
        );
        // `en` on a page of accented letters is not believed.
        assert_eq!(
            page_lexicons(Some("en"), "", "Le code a expiré. Réessayez."),
            u64::MAX
        );
        // English is read on every page, and only the chosen lexicons match:
        // English "state" does not match on an Italian page through another
        // lexicon, nor Italian phrases on an English one.
        let mut b = TokenBuf::default();
        let toks = b.fill("the code is invalid");
        let mut m = Vec::new();
        lexicon().scan_in(&toks, page_lexicons(Some("it"), "", ""), &mut m);
        assert!(m.iter().any(|m| m.concepts.has(Concept::Invalid)));
    }

    #[test]
    fn page_language_from_attribute_script_and_vote() {
        assert_eq!(page_language(Some("pt-BR"), "whatever"), "pt");
        assert_eq!(page_language(Some("zh-CN"), ""), "zh-Hans");
        assert_eq!(page_language(Some("ja_JP"), ""), "ja");
        // An attribute without a lexicon falls through to the script.
        assert_eq!(page_language(Some("x-klingon"), "ログインできません"), "ja");
        assert_eq!(page_language(None, "로그인 세션이 만료되었습니다"), "ko");
        assert_eq!(page_language(None, "验证码错误"), "zh-Hans");
        // A Japanese language switcher on an English page does not make it Japanese.
        assert_eq!(
            page_language(
                None,
                "The code you entered is invalid. Please try again. Language: English | 日本語"
            ),
            "en"
        );
        // Latin scripts: the lexicon with the most phrases in the text.
        assert_eq!(
            page_language(
                None,
                "Le code de vérification a expiré. Veuillez réessayer plus tard."
            ),
            "fr"
        );
        assert_eq!(
            page_language(
                None,
                "Der Bestätigungscode ist abgelaufen. Bitte später erneut versuchen."
            ),
            "de"
        );
        assert_eq!(
            page_language(None, "Demasiados intentos. Inténtalo de nuevo más tarde."),
            "es"
        );
        assert_eq!(page_language(None, ""), "en");
    }
}
