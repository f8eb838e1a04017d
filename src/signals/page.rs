//! Page signals: what the visible text, the alerts, the URL's error
//! description, the forms and the HTTP status say.
//!
//! Sentences are judged on concepts (an MFA object, a failure predicate, a
//! session boundary object, a credential …), not on fixed sentences; see
//! `docs/classifier.md` for the rules. Boilerplate without a failure
//! predicate ("Enter the code from your app") never votes for a failure.

use crate::diagnosis::{Evidence, Rule, Source};
use crate::redact;
use crate::say::Msg;
use crate::snapshot::Snapshot;
use crate::text::{self, Concept as C, Concepts, Match, Token, Word};

/// What one sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Invalid,
    Expired,
    Rate,
    Session,
    TooLarge,
    /// A failure that is none of the four (wrong password, MFA required, …).
    Other,
}

impl Judgement {
    pub const ALL: [Judgement; 6] = [
        Judgement::Invalid,
        Judgement::Expired,
        Judgement::Rate,
        Judgement::Session,
        Judgement::TooLarge,
        Judgement::Other,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Votes and evidence from the page.
#[derive(Debug, Default)]
pub struct PageSignals {
    pub votes: [f32; 6],
    pub evidence: Vec<Evidence>,
    /// Best-supported message per judgement: (weight, masked excerpt).
    pub excerpts: [Option<(f32, String)>; 6],
    /// Seconds of cooldown read from text or a resend countdown.
    pub cooldown_s: Option<u32>,
    pub otp_input: bool,
    /// A sentence read a bare "session expired" or "page expired" as an
    /// expired step (the session or the page its only object).
    bare_session_expiry: bool,
    /// A sentence read an expired step of any other object (a code, a
    /// challenge, a step).
    other_expiry: bool,
    /// A sentence read a session that expired or was signed out, with a
    /// sign-in over, as lost.
    session_timed_out: bool,
    /// A sentence read a bare "session expired" (the session its only
    /// object, not the page) as an expired step.
    bare_session_itself: bool,
    /// A sentence named a one-time code or a challenge.
    code_named: bool,
    /// The strongest vote for a limit that was a resend countdown (a
    /// resend control in cooldown, "Resend code in 0:38").
    resend_countdown: f32,
    /// A sentence read a limit that is no resend countdown.
    other_limit: bool,
    /// A sentence said a code was wrong or expired (not in a condition or
    /// a question).
    code_failed: bool,
}

impl PageSignals {
    /// Add `w` to the votes for `j` (codes, statuses: each one counts).
    pub fn add_vote(&mut self, j: Judgement, w: f32) {
        if let Some(v) = self.votes.get_mut(j.index()) {
            *v += w;
        }
    }

    /// Raise the votes for `j` to at least `w`.
    pub fn raise_vote(&mut self, j: Judgement, w: f32) {
        if let Some(v) = self.votes.get_mut(j.index()) {
            *v = v.max(w);
        }
    }

    pub fn votes_for(&self, j: Judgement) -> f32 {
        self.votes.get(j.index()).copied().unwrap_or(0.0)
    }

    /// The masked excerpt of the best message for `j`.
    pub fn excerpt_for(&self, j: Judgement) -> Option<&str> {
        self.excerpts
            .get(j.index())
            .and_then(|e| e.as_ref())
            .map(|(_, e)| e.as_str())
    }

    fn vote(&mut self, j: Judgement, w: f32, excerpt: Option<String>) {
        let i = j.index();
        // The strongest sentence counts, not the number of sentences: page
        // boilerplate repeats itself, error messages do not.
        if let Some(v) = self.votes.get_mut(i) {
            *v = v.max(w);
        }
        if let (Some(e), Some(slot)) = (excerpt, self.excerpts.get_mut(i)) {
            if slot.as_ref().is_none_or(|(bw, _)| w > *bw) {
                *slot = Some((w, e));
            }
        }
    }
}

/// Concept set of a sentence plus positional facts the rules need.
struct Sentence<'a> {
    set: Concepts,
    toks: &'a [Token<'a>],
    matches: &'a [Match],
    /// The sentence before said that something failed, not why
    /// ("Failed to update the user."), so a bare "Please try again later"
    /// here is the retry after that failure.
    after_failure: bool,
    /// The sentence before said something failed or was wrong
    /// ("Verification failed."), whatever it was judged.
    after_verdict: bool,
    /// The sentence before was a credential's failure ("Invalid
    /// confirmation link."): a bare link next ("The link may have
    /// expired.") is that credential's.
    after_cred: bool,
    /// The sentence before named a code or a link and judged nothing ("We
    /// sent a 6-digit code to your e-mail."): a validity next ("It expires
    /// in 10 minutes.") is that code's.
    after_code: bool,
    /// The sentence before was read as a wrong code ("The code is
    /// incorrect."): an expiry only supposed next ("It may have expired.")
    /// offers a cause of that verdict.
    after_wrong_code: bool,
    /// The sentence before said something ran out, not a session, and
    /// named no limit ("Zeitüberschreitung", "Tempo esgotado"): a length
    /// the step is given next is the allowance that ran out.
    after_expiry: bool,
    /// A sentence before, in this text, named a redirect loop ("Too many
    /// redirects", "Die Anmeldung hängt in einer Schleife"), not as a
    /// question: advice to clear cookies after it is the loop's remedy.
    after_loop: bool,
    /// The sentence before said an approval was not given within a length
    /// ("Vous n'avez pas validé la connexion dans les 2 minutes"; see
    /// [`Sentence::unanswered_approval`]): a request said to expire next
    /// is that approval's.
    after_unanswered: bool,
    /// Whether this sentence is an approval not given in its time, once
    /// judged (see [`Sentence::unanswered_approval`]); read again for the
    /// next sentence without looking it up twice.
    unanswered: std::cell::OnceCell<bool>,
    /// The sentence before was a bare heading ("Error", "エラー"): a failure
    /// that says nothing of what failed, so a retry after it is no advice.
    after_heading: bool,
    /// The sentence before named a shop's code, card or payment ("The
    /// coupon code is invalid."): a code to check next is that one.
    after_commerce: bool,
    /// The sentence before blocked or limited something ("Account locked.",
    /// "Too many attempts."), more than naming who helps.
    after_block: bool,
    /// The sentence before said something failed and the rules could not
    /// place it ("認証中にエラーが発生しました"): a bare "Please try again
    /// later" here is the retry after that failure, no limit. Read only
    /// for that retry, not as a failure the next sentence explains.
    after_unplaced_error: bool,
    /// The next sentence asks to reload the page ("Token expired. Please
    /// reload the page."), looked at after a token that expired, is wrong
    /// or failed, or after a session that ran out; or, after such a
    /// session, to clear the cookies ("Sesión expirada. Limpia tus
    /// cookies"): either says where the state was lost.
    next_reload: bool,
    /// After a token said wrong, missing or expired, the next sentence asks
    /// to check a clock ("Token expired. Check that the server's date and
    /// time match the client's."): the token failed on the clocks.
    next_clock: bool,
    /// After a token said wrong or missing, the next sentence names a link
    /// and no code ("Invalid or missing token. Please check the link
    /// again."): the token was the link's.
    next_link: bool,
    /// The next sentence blocks with no end and no wait ("Too many
    /// attempts. Contact an administrator."); looked at only after a limit.
    next_block: bool,
    /// The next sentence asks to reload the page and send its form again
    /// ("Refresh the page and submit the form again."); looked at only
    /// after a request said to be invalid (see [`request_said_invalid`]).
    next_resubmit: bool,
    /// The sentence after a session that expired advises to sign in again
    /// or to reload the page ("Your session has expired. Please sign in
    /// again.", "… Please reload the page and try again."), and names no
    /// code ("Please sign in again and request a new code" is the step's);
    /// looked at only after an expired session.
    next_relogin: bool,
    /// After a failure that names nothing ("Verification failed."), the
    /// next sentence names a server's fault ("A server error occurred."):
    /// the failure was the server's, not a verdict on the code. After a
    /// limit's words, an outage or an error with no number named next and
    /// not supposed ("Try again later. Something went wrong on our side.")
    /// makes a retry later the fault's advice.
    next_fault: bool,
    /// The sentence before said a sign-in or sign-out went well, or thanked
    /// ("Thanks for stopping by!"): a sign-out next is the one asked for.
    after_success: bool,
    /// The sentence says a sign-out happened ("You have been logged out by
    /// the server", "既にログアウトしています"; see [`Word::SignedOut`]).
    signed_out: bool,
    /// The sentence says the user was idle ([`Word::Idle`]: "inactivity",
    /// "长时间未操作"): read once, for the rules and for the look at the
    /// next sentence.
    idle: bool,
    /// The sentence asks ("Having a problem with your session?"): a
    /// question says what might be, not what happened.
    question: bool,
    /// The lexicons whose function words ([`Word`]) are read: the page's
    /// language and English (see [`text::language_words`]).
    words: u64,
}

impl Sentence<'_> {
    fn has(&self, c: C) -> bool {
        self.set.has(c)
    }
    /// Where the first match of a concept starts (`usize::MAX` if none).
    fn first_index(&self, c: C) -> usize {
        self.matches
            .iter()
            .find(|m| m.concepts.has(c))
            .map_or(usize::MAX, |m| m.start)
    }
    /// An account or application that may be what ran out: one named
    /// before the last word of expiry ("Your account has expired"), or
    /// after it with no sign-in asked for after it ("Your session timed out
    /// while we waited for your security key"). Named between the expiry
    /// and the sign-in, it is where to sign in ("Your session expired,
    /// please return to the application and sign in again").
    fn account_may_have_expired(&self) -> bool {
        let last_expiry = self
            .matches
            .iter()
            .filter(|m| m.concepts.has(C::Expired) || m.concepts.has(C::Bound))
            .map(|m| m.start)
            .max()
            .unwrap_or(usize::MAX);
        self.matches.iter().any(|a| {
            a.concepts.has(C::Account)
                && (a.start < last_expiry
                    || !self
                        .matches
                        .iter()
                        .any(|r| r.concepts.has(C::Relogin) && r.start >= a.start + a.len))
        })
    }
    /// A `prevents` word with a boundary object named after it: a word
    /// before the last boundary object's start (none without one).
    fn prevents_a_boundary_object(&self) -> bool {
        let Some(last) = self
            .matches
            .iter()
            .filter(|b| b.concepts.has(C::Boundary))
            .map(|b| b.start)
            .max()
        else {
            return false;
        };
        let lex = text::lexicon();
        (0..last).any(|i| {
            self.toks
                .get(i..i + 1)
                .is_some_and(|t| lex.word_in(Word::Prevents, t, self.words))
        })
    }
    /// "Plus tard", "Przypomnij później", "稍后再说" (a button that puts a
    /// prompt off: the whole sentence a [`Word::Later`]), and a bare
    /// "Veuillez patienter.", "Bitte warten..." (at most three words, each
    /// match a wait, no number) when nothing before it failed, blocked or
    /// stood as a heading ("Votre compte est en attente d'approbation.
    /// Veuillez patienter.", a progress line): only words of waiting are no
    /// limit. "Réessayez plus tard...", "Vorübergehend gesperrt..." and
    /// "Conta bloqueada. Aguarde..." say one.
    fn wait_furniture(&self) -> bool {
        let waiting = [C::Rate, C::Temporary, C::Wait]
            .into_iter()
            .fold(Concepts::default(), |set, c| union(set, Concepts::of(c)));
        let only_waiting = !self.matches.is_empty()
            && self
                .matches
                .iter()
                .all(|m| m.concepts.has(C::Rate) && union(waiting, m.concepts) == waiting);
        let fresh =
            !(self.after_verdict || self.after_failure || self.after_block || self.after_heading);
        // Han, kana and Hangul are a token a character: "お待ちください" is
        // all one match.
        let matched: usize = self.matches.iter().map(|m| m.len).sum();
        let bare_wait = fresh
            && self.toks.len() <= 3.max(matched + 1)
            && !self.toks.iter().any(Token::may_be_number)
            && self.matches.iter().all(|m| m.concepts.has(C::Wait));
        // "Envoi du code en cours, merci de patienter", "ログイン中、しばらく
        // お待ちください": the page at work, said in the sentence, and every
        // limit word in it a word of waiting; nothing failed before it and
        // nothing is counted or locked. A cooldown keeps its own limit words
        // ("Sending your code, please wait 60 seconds before requesting a
        // new one").
        let progress = fresh
            && !self.has(C::Many)
            && !self.has(C::Permanent)
            && self
                .matches
                .iter()
                .all(|m| !m.concepts.has(C::Rate) || m.concepts.has(C::Wait))
            && text::lexicon().word_in(Word::Progress, self.toks, self.words);
        progress
            || only_waiting
                && (bare_wait || text::lexicon().is_word(Word::Later, self.toks, self.words))
    }
    /// "La demande de connexion n'a pas été approuvée à temps sur votre
    /// téléphone", "The sign-in request expired on your phone": a device
    /// ([`Word::Device`], the whole match) after the request or approval
    /// that ran out is where it waited, not a credential that failed.
    /// Not an address ("El enlace para confirmar su email ha expirado"
    /// names what is being confirmed), nor beside a link ("Le lien pour
    /// confirmer votre téléphone a expiré" confirms the phone), nor a
    /// device before the step ("Phone verification expired"), but in
    /// Chinese, Japanese and Korean, whose phrases end in their head
    /// ("スマートフォンでの承認"). A code's channel is
    /// [`Self::code_sent_to`]'s.
    fn approval_device(&self, m: &Match) -> bool {
        let cjk = self
            .toks
            .get(m.start)
            .is_some_and(|t| t.text.chars().any(text::is_cjk));
        self.has(C::Expired)
            && !self.has(C::Invalid)
            && !self.has(C::Failed)
            && !self.has(C::Otp)
            && self
                .toks
                .get(m.start..m.start + m.len)
                .is_some_and(|ts| text::lexicon().is_word(Word::Device, ts, self.words))
            && !text::lexicon().word_in(Word::Link, self.toks, self.words)
            && self.matches.iter().any(|c| {
                (c.concepts.has(C::Challenge) || c.concepts.has(C::Flow))
                    && !c.concepts.has(C::Cred)
                    && (cjk || c.start + c.len <= m.start)
            })
    }
    /// `m` is only asked for again after something ran out: "Your sign-in
    /// attempt has expired, please enter your username and password again",
    /// "登录超时，请重新输入用户名和密码", "ログイン試行の有効期限が切れまし
    /// た、IDとパスワードを再入力してください". The credential is named after
    /// the expiry, with a word of entering after the expiry too, and nothing
    /// after the expiry is judged wrong or missing. "Your password has
    /// expired" names it before; "验证链接已过期，请重新验证邮箱地址" asks to
    /// confirm an address, not to enter it.
    fn asked_again_after_expiry(&self, m: &Match) -> bool {
        let Some((expiry, e)) = self
            .matches
            .iter()
            .enumerate()
            .find(|(_, e)| e.concepts.has(C::Expired))
        else {
            return false;
        };
        let end = e.start + e.len;
        // What ran out is an attempt, a second step or a session named
        // before the expiry, nothing else: not "Expired password: please
        // enter a new one", nor "Your verification link has expired, enter
        // your email address to get a new one". "La verificación en dos
        // pasos caducó — introduce la contraseña otra vez" names the step.
        let before = self.matches.get(..expiry).unwrap_or(&[]);
        let attempt_ran_out = before.iter().any(|n| {
            [C::Flow, C::Session, C::Otp]
                .into_iter()
                .any(|c| n.concepts.has(c))
        }) && !before.iter().any(|n| {
            [C::Cred, C::Challenge, C::Account]
                .into_iter()
                .any(|c| n.concepts.has(c))
        });
        // "The code has expired: sign in again with your password", "验证码
        // 已过期，请使用密码重新登录": a new sign-in asked for after the expiry
        // asks for it again too.
        let relogin_after = self
            .matches
            .iter()
            .any(|r| r.concepts.has(C::Relogin) && r.start >= end);
        attempt_ran_out
            && m.start >= end
            && (relogin_after
                || self
                    .toks
                    .get(end..)
                    .is_some_and(|rest| text::lexicon().word_in(Word::Enter, rest, self.words)))
            && !self.matches.iter().filter(|n| n.start >= end).any(|n| {
                [
                    C::Invalid,
                    C::Failed,
                    C::GenericError,
                    C::Missing,
                    C::Expired,
                ]
                .into_iter()
                .any(|c| n.concepts.has(c))
            })
    }
    /// A contact named as the code's channel: "OTP-Verifizierung per
    /// E-Mail fehlgeschlagen" (a word of means before it), "E-mail OTP
    /// verification failed" (the code right after it); not a contact given
    /// as an alternative to the code ("Invalid e-mail or code"), nor in a
    /// sentence that sends something or names an account: there the
    /// address may be what failed ("Der Code konnte nicht per E-Mail
    /// versendet werden, da die Adresse ungültig ist", "Email OTP sign-in
    /// failed: no account was found for this address").
    fn code_channel(&self, m: &Match) -> bool {
        if !word_in_match(Word::Contact, self.toks, m, self.words) || self.has(C::Account) {
            return false;
        }
        let lex = text::lexicon();
        let end = m.start + m.len;
        let by_before = m
            .start
            .checked_sub(1)
            .and_then(|i| self.toks.get(i..m.start))
            .is_some_and(|ts| lex.word_in(Word::By, ts, self.words));
        ![Word::Or, Word::Sent, Word::Sending]
            .into_iter()
            .any(|w| lex.word_in(w, self.toks, self.words))
            && self.matches.iter().any(|c| {
                c.concepts.has(C::Otp)
                    && !c.concepts.has(C::Cred)
                    && !c.concepts.has(C::Token)
                    && (by_before || c.start == end)
            })
    }
    /// `m` only names where a code was sent: a contact word ("e-mail",
    /// "phone number") beside a code said to be sent or received, named
    /// before a verdict on the code (or after it as where the code was
    /// sent), and no "or" between the two. Not a failure to
    /// act ("发送验证码到邮箱失败", sending the code to the e-mail failed; "Der
    /// Code konnte nicht gesendet werden: die E-Mail-Adresse ist
    /// ungültig"), nor a contact judged with nothing sent ("saving the MFA
    /// settings failed, probably an invalid e-mail"). The contact is the
    /// code's channel only in the code's phrase: after the code ("the code
    /// sent to your e-mail"), or before it with a word of means beside it
    /// ("per E-Mail", "E-posta ile"); in Chinese, Japanese and Korean, whose
    /// phrases end in their head, before the code ("メールで送信した確認コー
    /// ド", not "確認コードを送信したメールアドレス", the address the code was
    /// sent to).
    fn code_sent_to(&self, m: &Match) -> bool {
        let verdict = self
            .matches
            .iter()
            .find(|v| is_verdict(v) && !v.concepts.has(C::Failed))
            .map_or(usize::MAX, |v| v.start);
        if verdict == usize::MAX || !word_in_match(Word::Contact, self.toks, m, self.words) {
            return false;
        }
        let lex = text::lexicon();
        let n = self.toks.len();
        // `i` may be `usize::MAX`, the word before the first (`0 - 1`,
        // wrapped): its range is then empty. (A `checked_sub` at the call,
        // as `means` below has, costs 12 bytes of the popup's module, which
        // has 2 to spare.)
        let word_at = |w: Word, i: usize, len: usize| {
            self.toks
                .get(i..i.wrapping_add(len).min(n))
                .is_some_and(|ts| lex.word_in(w, ts, self.words))
        };
        // Where the sent words begin (a word may span tokens: "送信した",
        // "記載された", "お送りいたしました" nine).
        let sent: Vec<usize> = (0..n)
            .filter(|&i| {
                self.toks
                    .get(i..)
                    .is_some_and(|ts| lex.opens_with(Word::Sent, ts, self.words))
            })
            .collect();
        // A negation up to three words before the sent word, with no code
        // between and not a verdict's own ("n'a pas été envoyé", "non è
        // stato inviato"; not "ne correspond pas au code fourni", "nie
        // pasuje do wysłanego").
        let undone = |p: usize| {
            (p.saturating_sub(3)..p).any(|i| {
                word_at(Word::Not, i, 1)
                    && !self.matches.iter().any(|c| {
                        (c.concepts.has(C::Otp) && c.start > i && c.start < p)
                            || (is_verdict(c) && (c.start..c.start + c.len).contains(&i))
                    })
            }) || self.matches.iter().any(|f| {
                (f.concepts.has(C::Failed) || f.concepts.has(C::GenericError))
                    && f.start + f.len + 2 >= p
                    && f.start <= p + 4
            })
        };
        if sent.is_empty() || sent.iter().any(|&p| undone(p)) {
            return false;
        }
        // After the verdict, only as what the code was sent to ("does not
        // match the code sent to {emailAddress}").
        // A clause that ends in its verb names the contact just before the
        // sent word ("…, den wir an Ihre E-Mail-Adresse gesendet haben",
        // "die we naar je e-mail stuurden").
        // A new e-mail that was sent is the message the code went in ("Der
        // Code ist abgelaufen, eine neue E-Mail wurde gesendet").
        let sent_after = m.start + m.len;
        let sent_to = sent.contains(&sent_after)
            || sent.iter().any(|&p| p < m.start && m.start - p <= 4)
            || word_at(Word::New, m.start.wrapping_sub(1), 1);
        // A language that puts the clause before its noun names the code's
        // channel before the code ("telefon numaranıza gönderilen kod"): the
        // contact after a code said to be sent is what the clause tells of
        // ("Doğrulama kodu gönderilen telefon numarası geçersiz").
        let head_final_words = lex.head_final(self.words);
        let head_final = self
            .toks
            .get(m.start)
            .is_some_and(|t| t.text.chars().any(text::is_cjk))
            || sent.iter().any(|&p| {
                // A participle before its noun ("gönderilen telefon numarası"),
                // not a sentence's verb ("Kod e-posta ile gönderildi ancak
                // geçersiz"): the contact or a code follows it at once.
                let noun_next = |start: usize| start > p && start <= p + 2;
                self.toks
                    .get(p..(p + 4).min(n))
                    .is_some_and(|ts| lex.opens_with(Word::Sent, ts, head_final_words))
                    && (noun_next(m.start)
                        || self
                            .matches
                            .iter()
                            .any(|c| c.concepts.has(C::Otp) && noun_next(c.start)))
            });
        let means = m
            .start
            .checked_sub(1)
            .is_some_and(|i| word_at(Word::By, i, 1))
            || word_at(Word::By, m.start + m.len, 1);
        // A participle between the contact and the code it qualifies
        // ("Der an Ihre E-Mail gesendete Code ist ungültig").
        // An "or" between the contact and the code sets them against each
        // other ("Invalid code or e-mail"), unless it joins two channels
        // just before the contact ("The code sent by SMS or e-mail is
        // invalid", "enviado por SMS o correo"): the word before it is no
        // code.
        let alternative = |i: usize| {
            word_at(Word::Or, i, 1)
                && (i + 1 != m.start
                    || self
                        .matches
                        .iter()
                        .any(|c| c.concepts.has(C::Otp) && c.start + c.len == i))
        };
        let attributive = sent.contains(&sent_after)
            && self
                .matches
                .iter()
                .any(|c| c.concepts.has(C::Otp) && c.start == sent_after + 1);
        (m.start < verdict || sent_to)
            && self.matches.iter().any(|code| {
                // A link sent is as much the step's as a code ("El enlace
                // de acceso que te enviamos por correo ha expirado").
                (code.concepts.has(C::Otp) || code.concepts.has(C::Challenge))
                    && !code.concepts.has(C::Token)
                    && !code.concepts.has(C::Cred)
                    && if head_final {
                        m.start < code.start
                    } else {
                        code.start < m.start || means || attributive
                    }
                    && between(m, code).is_some_and(|mut r| !r.any(alternative))
            })
    }
    /// A word of a limit or a wait that holds no number ("lockout",
    /// "cooldown", "Sperre", "blocco temporaneo"): what expires is a block,
    /// not a code ("Your lockout expires in 15 minutes" is a wait).
    fn blocks_without_a_length(&self) -> bool {
        // A phrase of the length itself ("in 5 minutes", "5 dakika sonra",
        // "10分後": the number in it or right before it) is no such word.
        self.matches.iter().any(|m| {
            (m.concepts.has(C::Rate) || m.concepts.has(C::Temporary))
                && !self
                    .toks
                    .get(m.start.saturating_sub(1)..m.start + m.len)
                    .is_some_and(|t| t.iter().any(Token::may_be_number))
        })
    }
    /// "Vous n'avez pas validé la connexion dans l'application dans les 2
    /// minutes", "Girişi 2 dakika içinde uygulamadan onaylamadınız": an
    /// approval not given, or a code not entered ("No introdujo el código
    /// en los 3 minutos disponibles"), within the time it had. A negation, a
    /// word of approving or entering and a length, each length bare;
    /// nothing limited, counted, blocked, judged wrong or resent, no
    /// credential but the device it waited on, not a condition and not a
    /// question ("If you don't approve within 2 minutes, …").
    fn unanswered_approval(&self) -> bool {
        *self
            .unanswered
            .get_or_init(|| self.approval_not_given_in_time())
    }
    fn approval_not_given_in_time(&self) -> bool {
        // The concepts and a number first: they cost next to nothing to
        // read; the units and the words are looked up only in a sentence
        // that may hold one.
        if self.question
            || !self.toks.iter().any(Token::may_be_number)
            || [
                C::Many,
                C::Limited,
                C::Reached,
                C::Permanent,
                C::Wait,
                C::Bound,
                C::Invalid,
                C::Session,
            ]
            .into_iter()
            .any(|c| self.has(c))
        {
            return false;
        }
        let lex = text::lexicon();
        lengths_in(self.toks).next().is_some()
            && (lex.word_in(Word::Approve, self.toks, self.words)
                || lex.word_in(Word::Enter, self.toks, self.words))
            && lex.word_in(Word::Not, self.toks, self.words)
            && !lex.word_in(Word::If, self.toks, self.words)
            && !lex.word_in(Word::Resend, self.toks, self.words)
            // The phone the approval waited on is no credential.
            && self.matches.iter().all(|m| {
                !m.concepts.has(C::Cred)
                    || self
                        .toks
                        .get(m.start..m.start + m.len)
                        .is_some_and(|ts| lex.is_word(Word::Device, ts, self.words))
            })
            && self.waits_are_bare_lengths()
    }
    /// Every word of a limit or a wait is a unit or a bare length
    /// ("dentro de 5 minutos"), none a retry or a lock ("try again in 5
    /// minutes", "temporarily locked").
    fn waits_are_bare_lengths(&self) -> bool {
        self.matches
            .iter()
            .filter(|m| m.concepts.has(C::Rate) || m.concepts.has(C::Temporary))
            .all(|m| names_a_unit(m) || length_early_in(self.toks, m))
    }
    /// "O pedido expirou por não ter sido confirmado dentro de 5 minutos",
    /// "Onay bildirimi 2 dakika içinde yanıtlanmadığı için geçersiz oldu":
    /// every length is the time a step was given to be approved and was
    /// not, a word of negation between it and the expiry (not a lock after
    /// the expiry: "Le code a expiré et vous ne pourrez pas vous reconnecter
    /// pendant 15 minutes"). Each length is bare, its number at most the
    /// third word of its phrase ("dentro de 5 minutos", not "try again in 5
    /// minutes"), and nothing is resent or requested.
    fn allowance_not_met(&self) -> bool {
        let lex = text::lexicon();
        let Some(expired) = self.matches.iter().find(|m| m.concepts.has(C::Expired)) else {
            return false;
        };
        // A negation between them, and nothing asked for ("The code expired
        // and you cannot request a new one for 5 minutes" is a wait) but
        // what expired.
        let not_between = |a: usize, b: usize| {
            let (from, to) = if a < b { (a, b) } else { (b, a) };
            self.toks
                .get(from..to)
                .is_some_and(|ts| lex.word_in(Word::Not, ts, self.words))
                // What expired, named right before its expiry, is no request
                // ("… verilmediği için isteğin süresi doldu").
                && !self.matches.iter().any(|m| {
                    m.concepts.has(C::RateObject)
                        && (from..to).contains(&m.start)
                        && m.start + m.len != expired.start
                })
        };
        let mut lengths = lengths_in(self.toks).peekable();
        lengths.peek().is_some()
            && lex.word_in(Word::Approve, self.toks, self.words)
            && !lex.word_in(Word::Resend, self.toks, self.words)
            && self.waits_are_bare_lengths()
            && lengths.all(|(i, _)| {
                if i < expired.start {
                    not_between(i, expired.start)
                } else {
                    not_between(expired.start + expired.len, i)
                }
            })
    }
    /// A word of validity ends right before `m`, at most one word apart
    /// ("expira em 15 minutos", "válido durante 20 minutos").
    fn validity_right_before(&self, m: &Match) -> bool {
        self.matches.iter().any(|v| {
            v.concepts.has(C::Validity)
                && v.start + v.len <= m.start
                && m.start - (v.start + v.len) <= 1
        })
    }
    /// A past expiry right after `m`, at most one word apart: "60 saniye
    /// sonra zaman aşımına uğradı" (timed out after 60 seconds) says how
    /// long it lived, not when to come back.
    fn expiry_right_after(&self, m: &Match) -> bool {
        self.matches.iter().any(|v| {
            v.concepts.has(C::Expired)
                && v.start >= m.start + m.len
                && v.start - (m.start + m.len) <= 1
        })
    }
    /// Every length of time the sentence names ("10 minutes") stands by a
    /// word of validity ("valid for 10 minutes", "expires in 10 minutes",
    /// "10分間有効", "10 dakika geçerlidir"): none is a wait.
    fn every_length_is_a_validity(&self) -> bool {
        // Each word of validity vouches for one length, the one it stands
        // right before or after, at most one word apart ("valid for 10
        // minutes", "läuft nach 15 Minuten ab", "10 Minuten gültig",
        // "5分後に無効になります"), or the one its phrase holds ("10分钟内有效"):
        // "验证码10分钟内有效，60秒后可重新获取" names a wait too.
        let mut used = vec![false; self.matches.len()];
        lengths_in(self.toks)
            .map(|(i, len)| (i, i + 1 + len))
            .all(|(i, unit_end)| {
                // A past expiry vouches for its length too ("expired after
                // 10 minutes", "nach 10 Minuten abgelaufen").
                let validity = |(_, m): &(usize, &Match)| {
                    m.concepts.has(C::Validity) || m.concepts.has(C::Expired)
                };
                let covers = |(_, m): &(usize, &Match)| m.start <= i + 1 && i + 1 < m.start + m.len;
                let before =
                    |(_, m): &(usize, &Match)| m.start + m.len <= i && i - (m.start + m.len) <= 1;
                let after =
                    |(_, m): &(usize, &Match)| m.start >= unit_end && m.start - unit_end <= 1;
                let free = self
                    .matches
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !used.get(*k).copied().unwrap_or(true))
                    .filter(validity);
                let pick = free
                    .clone()
                    .find(covers)
                    .or_else(|| free.clone().find(before))
                    .or_else(|| free.clone().find(after))
                    .map(|(k, _)| k);
                pick.and_then(|k| used.get_mut(k))
                    .map(|u| *u = true)
                    .is_some()
            })
    }
    /// A length of time is named that is not in the past: "locked 2
    /// minutes ago for 15 minutes" names one to wait, "you signed in 30
    /// minutes ago" none. The word for "ago" stands right after the length
    /// ("ago", "geleden", "temu", "分前") or right before it ("il y a",
    /// "hace", "vor").
    fn names_a_length_to_come(&self) -> bool {
        let lex = text::lexicon();
        if !lex.word_in(Word::Ago, self.toks, self.words) {
            return names_duration(self.toks);
        }
        let ago_in = |from: usize, to: usize| {
            self.toks
                .get(from..to)
                .is_some_and(|t| lex.word_in(Word::Ago, t, self.words))
        };
        // An "ago" ending right at `end` (before the number, or with it).
        let ends_at = |end: usize| {
            (end.saturating_sub(4)..end).any(|j| ago_in(j, end) && !ago_in(j, end - 1))
        };
        lengths_in(self.toks).any(|(i, len)| {
            // Right after the unit: "2 minutes ago", "2分前", "2 minuti fa"
            // (not "15 minuti: questo fa parte …").
            let after = ago_in(i + 1, (i + 2 + len).min(self.toks.len()));
            !after && !ends_at(i) && !ends_at(i + 1)
        })
    }
    /// What went past its bound is a length of time ("has exceeded the
    /// maximum time allowed", "die erlaubte Höchstdauer überschritten"), not
    /// a number of sessions ("the maximum number of sessions").
    fn bound_is_a_time(&self) -> bool {
        // The time word within four words of the bound, and no number or
        // unit in the sentence.
        let lex = text::lexicon();
        self.names_no_number_or_unit()
            && self
                .matches
                .iter()
                .filter(|m| m.concepts.has(C::Bound))
                .any(|m| {
                    let from = m.start.saturating_sub(4);
                    let to = (m.start + m.len + 4).min(self.toks.len());
                    self.toks
                        .get(from..to)
                        .is_some_and(|t| lex.word_in(Word::Time, t, self.words))
                })
            || self.time_opens_to_its_bound()
    }
    /// No number in the sentence, and no unit that is no time noun too
    /// (時間 and 시간 are both): what went past a bound was then no count
    /// ("sessions per hour exceeded", "1時間あたり").
    fn names_no_number_or_unit(&self) -> bool {
        let lex = text::lexicon();
        !self.toks.iter().any(Token::is_number)
            && !self.matches.iter().any(|m| {
                names_a_unit(m)
                    && !self
                        .toks
                        .get(m.start..m.start + m.len)
                        .is_some_and(|t| lex.word_in(Word::Time, t, self.words))
            })
    }
    /// A sentence whose subject is the time (opening it, after an
    /// article at most: a short word that is no Han, kana or Hangul),
    /// ending with its bound: "Délai de vérification en deux étapes
    /// dépassé", "Le délai de saisie du code est dépassé", "The time
    /// allowed to enter the code has been exceeded". Not with a
    /// number or a unit ("30 minutes time limit", "quelques
    /// minutes"), nor denied ("n'est pas encore dépassé").
    fn time_opens_to_its_bound(&self) -> bool {
        let lex = text::lexicon();
        (lex.opens_with(Word::Time, self.toks, self.words)
            || (self
                .toks
                .first()
                .is_some_and(|t| t.text.chars().count() <= 3 && !t.text.chars().any(text::is_cjk))
                && self
                    .toks
                    .get(1..)
                    .is_some_and(|t| lex.opens_with(Word::Time, t, self.words))))
            && self.names_no_number_or_unit()
            && ![Word::Not, Word::NotYet]
                .into_iter()
                .any(|w| lex.word_in(w, self.toks, self.words))
            && self
                .matches
                .last()
                .is_some_and(|m| m.concepts.has(C::Bound) && m.start + m.len == self.toks.len())
    }
    /// Where the first named code ends, a bare token aside (`usize::MAX`
    /// if none).
    fn first_code_end(&self) -> usize {
        self.matches
            .iter()
            .find(|m| m.concepts.has(C::Otp) && !m.concepts.has(C::Token))
            .map_or(usize::MAX, |m| m.start + m.len)
    }
    /// "Code invalide — vérifiez l'heure de votre téléphone": the code said
    /// wrong, then the advice to check one boundary object, with nothing
    /// said wrong of the object itself ("check your clock, it is wrong")
    /// and no list of a deployment's objects ("check that the redirect URI
    /// and cookie domain are correct").
    fn check_advised_after_code(&self) -> bool {
        let (recheck, boundary) = (self.first_index(C::Recheck), self.first_index(C::Boundary));
        let fault = [
            C::Invalid,
            C::Missing,
            C::Expired,
            C::Refused,
            C::Disallowed,
        ];
        self.first_code_end() <= recheck
            && recheck < boundary
            && self
                .matches
                .iter()
                .filter(|m| m.concepts.has(C::Boundary))
                .count()
                == 1
            && !self
                .matches
                .iter()
                .any(|m| m.start >= boundary && fault.into_iter().any(|c| m.concepts.has(c)))
    }
    /// Something said wrong or invalid, not only set up wrong: the words
    /// of a verdict on what the user entered.
    fn says_invalid(&self) -> bool {
        self.matches
            .iter()
            .any(|m| m.concepts.has(C::Invalid) && !m.concepts.has(C::Misconfigured))
    }
    /// "Try again later", "später erneut", "più tardi": a retry without a
    /// count or a time, whose every rate word is a word of waiting. After a
    /// failure that names no limit, it is advice, not a limit.
    fn only_later(&self) -> bool {
        let mut rate = self.matches.iter().filter(|m| m.concepts.has(C::Rate));
        !names_duration(self.toks)
            && rate.clone().next().is_some()
            && rate.all(|m| m.concepts.has(C::Temporary))
    }
    /// "Lo ha intentado más de 5 veces": a number just before a word for
    /// tries or times counts them.
    fn counts_tries(&self) -> bool {
        self.matches.iter().any(|m| {
            m.concepts.has(C::RateObject)
                && m.start > 0
                && self.toks.get(m.start - 1).is_some_and(Token::may_be_number)
        })
    }
    /// A match of `a` and one of `b` with at most `after` tokens between
    /// when `b` follows, at most `before` when it comes first.
    fn near(&self, a: C, b: C, after: usize, before: usize) -> bool {
        self.near_where(a, b, after, before, |_, _| true)
    }
    /// As [`Sentence::near`], for a pair that `joined` also accepts, given
    /// the first of the two in the sentence and the second.
    fn near_where(
        &self,
        a: C,
        b: C,
        after: usize,
        before: usize,
        joined: impl Fn(&Match, &Match) -> bool,
    ) -> bool {
        self.matches.iter().filter(|m| m.concepts.has(a)).any(|m| {
            self.matches.iter().filter(|n| n.concepts.has(b)).any(|n| {
                let (m_end, n_end) = (m.start + m.len, n.start + n.len);
                (n.start >= m_end && n.start - m_end <= after && joined(m, n))
                    || (m.start >= n_end && m.start - n_end <= before && joined(n, m))
            })
        })
    }
    /// A denial in the two tokens before token `at` ("The code is not
    /// invalid or expired"), not one inside the words from `at` on ("niet
    /// correct" is a verdict).
    fn denied_before(&self, at: usize) -> bool {
        self.toks
            .get(at.saturating_sub(2)..at)
            .is_some_and(|before| text::lexicon().word_in(Word::Not, before, self.words))
    }
    /// "Ungültiger oder abgelaufener Code", "验证码错误或已过期": a code said
    /// wrong or expired, the two verdicts joined by "or" (at most four
    /// tokens apart, eight of Han or kana, the "or" between them: "잘못되었거나 만료된", or with
    /// the second: Dutch lists "of verlopen", as a bare "of" is also
    /// "whether"). The product does not know which; the code the user
    /// typed is what was refused. Not a pair denied ("The code is not
    /// invalid or expired").
    fn wrong_or_expired(&self) -> bool {
        let lex = text::lexicon();
        // Han and kana are a token a character: "間違っているか、有効期限"
        // is as near as "wrong or expired".
        let near = |gap: &[Token<'_>]| {
            gap.len() <= 4
                || (gap.len() <= 8 && gap.iter().all(|t| t.text.chars().all(text::is_cjk)))
        };
        self.near_where(C::Invalid, C::Expired, 8, 8, |first, second| {
            let end = first.start + first.len;
            self.toks.get(end..second.start).is_some_and(near)
                && self
                    .toks
                    .get(end..second.start + second.len)
                    .is_some_and(|between| lex.word_in(Word::Or, between, self.words))
                && !self.denied_before(first.start)
        })
        // "Der Sicherheitscode ist abgelaufen oder wurde bereits verwendet",
        // "Ce code a expiré ou a déjà été utilisé": a code only said spent
        // beside its expiry can no longer be used; none was said wrong.
        && !self
            .matches
            .iter()
            .filter(|m| m.concepts.has(C::Invalid))
            .all(|m| word_in_match(Word::Used, self.toks, m, self.words))
    }
    /// A match of `c` covers token `i`.
    fn covers(&self, c: C, i: usize) -> bool {
        self.matches
            .iter()
            .any(|m| m.concepts.has(c) && (m.start..m.start + m.len).contains(&i))
    }
    /// Every match of `a` is also read as `b` ("every boundary object named
    /// is the IP address").
    fn every_also(&self, a: C, b: C) -> bool {
        self.matches
            .iter()
            .filter(|m| m.concepts.has(a))
            .all(|m| m.concepts.has(b))
    }
    /// "Requests limited", "请求被限制", or "Limitato" alone as the headline:
    /// a participle of limiting is a rate limit beside what was counted,
    /// with a time ("30秒間抑制されます"), or when it is all the sentence
    /// says (kana, Han or Hangul endings aside: "制限されています").
    /// "Limited to 64 characters" is not.
    fn limited(&self) -> bool {
        if !self.has(C::Limited) {
            return false;
        }
        // Limited for a while: "次回のログインは最大30秒間抑制されます",
        // "limitato per 5 minuti". A length limit names no time.
        if self.near(C::Limited, C::RateObject, 3, 3) || names_duration(self.toks) {
            return true;
        }
        let rest: Vec<&Token<'_>> = (0..self.toks.len())
            .filter(|i| !self.covers(C::Limited, *i))
            .filter_map(|i| self.toks.get(i))
            .collect();
        rest.is_empty()
            || (rest.len() <= 3 && rest.iter().all(|t| t.text.chars().all(text::is_cjk)))
    }
    /// "You can only request one code every 60 seconds", "每IP只能发5条短信",
    /// "Pro Stunde können nur 5 Codes angefordert werden": what may be
    /// asked for or sent only so often, or so much from one address, is
    /// counted, a limit said as its rule ("Each code can only be used once"
    /// names no time: a code's rule). What is counted is a request, a try
    /// or a message, not the code alone ("Your code changes every 30
    /// seconds, so only the latest one works"). Not a validity ("The code
    /// is only valid for 10 minutes each time"), nor a code said wrong or
    /// run out.
    fn only_so_often(&self) -> bool {
        let lex = text::lexicon();
        lex.word_in(Word::Only, self.toks, self.words)
            && lex.word_in(Word::Every, self.toks, self.words)
            && self
                .matches
                .iter()
                .any(|m| m.concepts.has(C::RateObject) && !m.concepts.has(C::Otp))
            && ([C::Ip, C::Second, C::Minute, C::Hour]
                .into_iter()
                .any(|c| self.has(c))
                || names_duration(self.toks))
            && ![C::Validity, C::Expired, C::Invalid, C::Cred, C::Session]
                .into_iter()
                .any(|c| self.has(c))
    }
    /// "too many" ("zu viele") only means a limit when attempts, requests,
    /// codes … follow within a few words, or stand just before it, as the
    /// languages that name the object first say it: "試行回数が多すぎます",
    /// "尝试次数过多", "요청이 너무 많습니다" (one particle between).
    /// One word can say both where an apostrophe joins them: "Trop
    /// d'essais" reads "trop dessais".
    fn too_many_with_object(&self) -> bool {
        if self.frequency_advised_against() {
            return false;
        }
        self.near(C::Many, C::RateObject, 4, 1)
            || self
                .matches
                .iter()
                .any(|m| m.concepts.has(C::Many) && m.concepts.has(C::RateObject))
            || self.many_then_named_object()
    }
    /// "Service https://app.example.org/ is not allowed", "Fehlende oder
    /// ungültige HTTP-Referenz, https://…", "不允许的服务 https://…": a web
    /// address said refused or wrong, within three words, is one the
    /// deployment did not list (as a redirect URI refused is). Not one
    /// given to visit ("Go to https://… to set it up"), nor beside the
    /// code, an account or a token (`judge` asks for no credential).
    fn web_address_refused(&self) -> bool {
        let address_at = |i: usize| {
            self.toks
                .get(i)
                .is_some_and(|t| t.text == text::WEB_ADDRESS)
        };
        // No more than three words between it and the verdict, either side.
        let beside = |m: &Match| {
            let end = m.start + m.len;
            (m.start.saturating_sub(4)..m.start)
                .chain(end..end + 4)
                .any(address_at)
        };
        ![C::Otp, C::Challenge, C::Account, C::Token]
            .into_iter()
            .any(|c| self.has(c))
            && self.matches.iter().any(|m| {
                [C::Invalid, C::Disallowed, C::Refused]
                    .into_iter()
                    .any(|c| m.concepts.has(c))
                    && beside(m)
            })
    }
    /// "2단계 인증 코드 오류", "二要素認証コード エラー": the code named,
    /// then the noun "error", and nothing else: a headline of the code's
    /// error, a wrong code, as "코드 오류", "code error" themselves are.
    /// Han, kana or Hangul only: elsewhere the last word may be a verb of
    /// failure ("Doğrulama kodu gönderilemedi", the code not sent).
    fn code_then_error(&self) -> bool {
        let cjk = |m: &Match| {
            self.toks
                .get(m.start..m.start + m.len)
                .is_some_and(|t| t.iter().all(|t| t.text.chars().all(text::is_cjk)))
        };
        matches!(self.matches, [code, error]
            if code.concepts.has(C::Otp)
                && !code.concepts.has(C::Cred)
                && !code.concepts.has(C::Token)
                && cjk(error)
                && code.start <= 1
                && error.concepts == Concepts::of(C::GenericError)
                && error.start >= code.start + code.len
                && error.start - (code.start + code.len) <= 1
                && error.start + error.len == self.toks.len())
    }
    /// "너무 많이 로그인에 실패하여", "too many sign-in and verification
    /// failures": what failed named between "too many" and the failures
    /// (a sign-in, a code, a password) does not part them; the words of
    /// those names do not count in the four between. Not when something
    /// else is counted before "too many" ("등록된 기기가 너무 많아", too many
    /// devices), nor with cookies or a setting named ("쿠키가 너무 많아
    /// 로그인에 실패").
    fn many_then_named_object(&self) -> bool {
        let named = |i: usize| {
            [C::Flow, C::Otp, C::Cred, C::Account]
                .into_iter()
                .any(|c| self.covers(c, i))
        };
        if self.has(C::Boundary) || self.has(C::Setup) {
            return false;
        }
        self.matches
            .iter()
            .filter(|m| m.concepts.has(C::Many) && m.start <= 2)
            .any(|m| {
                let end = m.start + m.len;
                self.matches
                    .iter()
                    .filter(|n| n.concepts.has(C::RateObject) && n.start >= end)
                    .any(|n| {
                        let gap = end..n.start;
                        gap.clone().any(named) && gap.filter(|i| !named(*i)).count() <= 4
                    })
            })
    }
    /// "Don't request codes too often", "请勿频繁获取验证码": a word of
    /// frequency ("too often", read as "too many" times) in a sentence that
    /// says not to: advice, not a count.
    fn frequency_advised_against(&self) -> bool {
        self.matches
            .iter()
            .any(|m| m.concepts.has(C::Many) && m.concepts.has(C::Rate))
            && text::lexicon().word_in(Word::Not, self.toks, self.words)
    }
    /// A limit reached: a limit word and "reached" in either order, with
    /// what was limited between ("Sie haben das Limit der Codeüberprüfungen
    /// für Ihr Konto erreicht", "je hebt de limiet van … bereikt",
    /// "已达到代码验证的上限"). A limit of sessions reached ("Nombre maximal
    /// de sessions atteint") is no limit on attempts.
    fn limit_reached(&self) -> bool {
        self.near(C::Bound, C::Reached, 12, 8) && !self.has(C::Session)
    }
    /// The advice to check something again ("double-check", "controleer",
    /// "確認してください") with a failure in this sentence or the one before,
    /// or a new try asked for in it ("Please check the code and try again",
    /// "请检查验证码后重试"): what is to be checked is what failed.
    fn recheck_after_failure(&self) -> bool {
        // Not a shop's code or card, named here or just before ("Please
        // check the gift card code and try again", "The coupon code is
        // invalid. Please check the code"), nor settings to check
        // ("邮件验证码发送失败，请检查邮件通知设置").
        self.has(C::Recheck)
            && !self.has(C::Commerce)
            && !self.has(C::Setup)
            && !self.after_commerce
            && (self.after_verdict
                || self.has(C::Failed)
                || self.has(C::GenericError)
                || text::lexicon().word_in(Word::Retry, self.toks, self.words))
    }
    /// A session named with an activity word within two words of it (six
    /// letters in Han, kana or Hangul, a token each), or in its own word
    /// ("chat session", "sesión de juego", "Chatsitzung", "ゲームのセッション"):
    /// an activity's session, not the sign-in's.
    fn activity_session(&self) -> bool {
        self.matches
            .iter()
            .filter(|m| m.concepts.has(C::Session))
            .any(|m| {
                let cjk = self
                    .toks
                    .get(m.start)
                    .is_some_and(|t| t.text.chars().any(text::is_cjk));
                let near = if cjk { 6 } else { 2 };
                let from = m.start.saturating_sub(near);
                let to = (m.start + m.len + near).min(self.toks.len());
                self.toks
                    .get(from..to)
                    .is_some_and(|near| text::lexicon().word_in(Word::Activity, near, self.words))
            })
    }
    /// An address the site's policy refuses: "IP address not allowed",
    /// "Your IP has been banned from this community", "IPアドレスが許可されていません".
    /// Every boundary object named is the address, and nothing says it is
    /// wrong or ran out ("your IP address changed" is a session fault).
    /// So is a domain refused with nothing else named ("The domain
    /// associated with your email address is not allowed for this
    /// workspace", a webmail's "Domain not allowed"): a sign-up or login
    /// policy, where a cookie's domain is a fault of the deployment
    /// ("Cookie domain not allowed") and an untrusted domain is a host the
    /// deployment did not list ("You are accessing the server from an
    /// untrusted domain": wrong, not refused).
    /// Not a redirect refused ("Redirects outside the domain are
    /// forbidden"): see [`Sentence::redirect_refused`].
    fn address_refused(&self) -> bool {
        if self.redirect_refused() {
            return false;
        }
        // "We do not support sign-ins from this IP address range", "Your
        // email domain does not support single sign-on": refused by the
        // site, as "not allowed" is.
        let refused = self.has(C::Disallowed) || self.has(C::Refused);
        let ip = self.every_also(C::Boundary, C::Ip)
            && self.has(C::Ip)
            && (refused || self.has(C::Permanent));
        let domain = refused
            && !self.has(C::Session)
            && self
                .matches
                .iter()
                .filter(|m| m.concepts.has(C::Boundary))
                .all(|m| word_in_match(Word::Domain, self.toks, m, self.words));
        (ip || domain)
            && !self.has(C::Invalid)
            && !self.has(C::Expired)
            && !self.session_ended_by_an_address_change()
    }
    /// "Redirects outside the domain are forbidden", "L'URL di
    /// ridirezionamento non è consentito", "The site you were redirected to
    /// is invalid", "Erreur de redirection : domaine non géré": a redirect
    /// the site refuses or calls wrong (or an error with the domain or
    /// address named; "Redirect error: please try again" alone says too
    /// little) is its list of return addresses, set up without the address
    /// the sign-in came from (the deployment's fault, as an invalid redirect
    /// URI is). Not a redirect under way or explained ("You have been
    /// redirected because you must set up two-factor authentication"):
    /// nothing is refused. Not beside the code or an account (nor a
    /// credential or tries counted: `judge` asks those): the redirect is
    /// then what follows their failure. Nor one a sentence means to prevent
    /// ("To prevent invalid redirects, you go to the home page after signing
    /// in").
    fn redirect_refused(&self) -> bool {
        let lex = text::lexicon();
        lex.word_in(Word::Redirect, self.toks, self.words)
            && ([C::Invalid, C::Disallowed, C::Refused]
                .into_iter()
                .any(|c| self.has(c))
                || self.has(C::GenericError)
                    && self.matches.iter().any(|m| {
                        m.concepts.has(C::Boundary)
                            && !word_in_match(Word::Redirect, self.toks, m, self.words)
                    }))
            && ![C::Otp, C::Challenge, C::Many, C::Account]
                .into_iter()
                .any(|c| self.has(c))
            && !lex.word_in(Word::Avoid, self.toks, self.words)
    }
    /// "The session was ended because your IP address changed", "La sesión
    /// terminó por un cambio en su dirección IP": a session said to have
    /// ended (or a sign-out, or "sign in again") and a change word a few
    /// words from the client's address. A session
    /// bound to the address it began from ends when a proxy or network
    /// changes it ("Your IP address has changed" alone already says it
    /// changed).
    /// A word of the page's own action under way ("redirected",
    /// "weitergeleitet", "跳转") within a few words of a length, and no
    /// negation in the sentence ("do not refresh the page").
    fn action_beside_a_length(&self) -> bool {
        let lex = text::lexicon();
        if lex.word_in(Word::Not, self.toks, self.words) {
            return false;
        }
        let n = self.toks.len();
        lengths_in(self.toks).any(|(i, unit)| {
            let cjk = self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.text.chars().any(text::is_cjk));
            // The word begins within reach; Han, kana and Hangul are read a
            // character a token.
            let reach = if cjk { 6 } else { 5 };
            (i.saturating_sub(reach)..(i + 1 + unit + reach).min(n)).any(|j| {
                self.toks
                    .get(j..)
                    .is_some_and(|ts| lex.opens_with(Word::Underway, ts, self.words))
            })
        })
    }
    /// A length the user was idle for: the idle word begins right after
    /// the length ("after 30 minutes of inactivity", "nach 30 Minuten
    /// Inaktivität", "30分間操作がなかった"), not elsewhere in the sentence
    /// ("Wegen Inaktivität läuft Ihre Sitzung in 5 Minuten ab" warns of one
    /// to come).
    fn idle_for_a_length(&self) -> bool {
        // No idle word, no length beside one (the word was read once).
        if !self.idle {
            return false;
        }
        let lex = text::lexicon();
        let n = self.toks.len();
        lengths_in(self.toks).any(|(i, unit)| {
            let end = i + 1 + unit;
            let cjk = self
                .toks
                .get(end.saturating_sub(1))
                .is_some_and(|t| t.text.chars().any(text::is_cjk));
            let reach = if cjk { 3 } else { 2 };
            (end..(end + reach + 1).min(n)).any(|j| {
                self.toks
                    .get(j..)
                    .is_some_and(|ts| lex.opens_with(Word::Idle, ts, self.words))
            })
        })
    }
    fn session_ended_by_an_address_change(&self) -> bool {
        // The concept tests first: most sentences name no address, and the
        // function words below are each a scan of the sentence.
        if !self.has(C::Ip) || self.question || self.has(C::Otp) || self.has(C::Challenge) {
            return false;
        }
        let lex = text::lexicon();
        let n = self.toks.len();
        let said = |w: Word| lex.word_in(w, self.toks, self.words);
        // The session said to have ended, not one kept, supposed or stepped
        // up ("Sitzungen werden nicht mehr beendet, wenn sich Ihre IP-Adresse
        // ändert", "end the session if the IP address changes", "your
        // session's IP address changed: enter the code we sent").
        let ended = (self.has(C::Session) && (said(Word::Ended) || self.has(C::Expired)))
            || said(Word::SignedOut)
            // A sign-in asked after the address, not a new one it made ("New
            // sign-in from a different IP address. Was this you?").
            || (self.has(C::Relogin) && self.first_index(C::Relogin) > self.first_index(C::Ip))
            || self.next_relogin;
        ended
            && !said(Word::Not)
            && !said(Word::If)
            && self
                .matches
                .iter()
                .filter(|m| m.concepts.has(C::Ip))
                .any(|m| {
                    // Han, kana and Hangul are read a character a token: a
                    // few words are more tokens ("の重要な変更").
                    let cjk = self
                        .toks
                        .get(m.start + m.len)
                        .is_some_and(|t| t.text.chars().any(text::is_cjk));
                    let reach = if cjk { 8 } else { 4 };
                    let around = m.start.saturating_sub(reach)..(m.start + m.len + reach).min(n);
                    self.toks
                        .get(around)
                        .is_some_and(|ts| lex.word_in(Word::Change, ts, self.words))
                })
    }
    /// "The request could not be verified. Refresh the page and submit the
    /// form again.", "Die Anfrage konnte nicht verifiziert werden. Bitte
    /// laden Sie die Seite neu und senden Sie das Formular erneut ab.": a
    /// request said to be invalid ([`request_said_invalid`]) that loading
    /// the page again and sending its form once more mends failed on the
    /// form's hidden token, a CSRF check by another name. The advice must
    /// name the form ([`Word::Form`]): "Please reload the page and try
    /// again" follows any failure.
    fn form_request_refused(&self) -> bool {
        request_said_invalid(self.set)
            && (self.next_resubmit
                || (self.has(C::Reload)
                    && text::lexicon().word_in(Word::Form, self.toks, self.words)))
    }
    /// "Token expired. Please reload the page.", "Security token mismatch.
    /// Please refresh the page": a token that expired, is wrong or failed,
    /// and that loading the page again renews, is the page's form token,
    /// not a one-time code (a new code is requested, not reloaded). Not a
    /// session ("Your session has expired, please refresh" stays an expired
    /// step) and not a named code or link.
    /// So is a token said missing from the form ("Hidden field \"token\" is
    /// required", "Il manque les champs __token ou __ts dans le
    /// formulaire"): what the page's form should have carried.
    fn form_token_failed(&self) -> bool {
        let missing_from_the_form = self.has(C::Missing)
            && self.has(C::Token)
            && text::lexicon().word_in(Word::Form, self.toks, self.words);
        (token_said_to_fail(self.set) || missing_from_the_form)
            && self.every_also(C::Otp, C::Token)
            && (self.has(C::Reload)
                || self.next_reload
                || self.form_expired()
                || missing_from_the_form)
            && !self.has(C::Session)
            && !self.has(C::Challenge)
    }
    /// "This form has expired.", "Formularz wygasł", "表单已过期": the form
    /// itself ran out (a phrase of both `token` and `expired` that holds the
    /// word for a form, and nothing else said but a reload or a try,
    /// "Formular abgelaufen, bitte erneut versuchen"), which is its hidden
    /// token by another name. Not "the page has expired", which names no
    /// form, nor a form closed for good ("This registration form has
    /// expired and takes no more entries").
    fn form_expired(&self) -> bool {
        let a_try = Concepts::of(C::RateObject);
        self.matches.iter().any(|m| {
            m.concepts.has(C::Token)
                && m.concepts.has(C::Expired)
                && word_in_match(Word::Form, self.toks, m, self.words)
                && self
                    .matches
                    .iter()
                    .all(|o| std::ptr::eq(o, m) || o.concepts.has(C::Reload) || o.concepts == a_try)
        })
    }
    /// The step words of the sentence only name a session's kind ("la
    /// sesión de autenticación", "認証セッション"): what ran out is the
    /// session, not the step.
    fn flow_names_the_session(&self) -> bool {
        // Every step word stands beside a session word, at most one word
        // between ("sesión de autenticación", "Kimlik doğrulama oturumu"),
        // or is one ("Authentifizierungssitzung", listed as both).
        self.matches
            .iter()
            .filter(|f| f.concepts.has(C::Flow))
            .all(|f| {
                f.concepts.has(C::Session)
                    || self
                        .matches
                        .iter()
                        .filter(|m| m.concepts.has(C::Session))
                        .any(|m| between(f, m).is_some_and(|b| b.len() <= 1))
            })
    }
    /// "Session could not be validated (user not found)", "la sesión (la
    /// cuenta está desactivada)", "没有找到该用户": the user or account is
    /// named with what is wrong with it, at most one word apart and with no
    /// session between ("user session not found" is the session's fault).
    fn account_is_the_cause(&self) -> bool {
        self.matches
            .iter()
            .filter(|m| m.concepts.has(C::Account))
            .any(|a| {
                self.matches
                    .iter()
                    .filter(|n| n.concepts.has(C::Missing) || n.concepts.has(C::Permanent))
                    // "User has no active session": what is said missing
                    // right before the session is the session's.
                    .filter(|n| {
                        !n.concepts.has(C::Session)
                            && !self
                                .matches
                                .iter()
                                .any(|m| m.concepts.has(C::Session) && m.start == n.start + n.len)
                    })
                    .any(|n| {
                        between(a, n).is_some_and(|b| {
                            b.len() <= 1 && !b.into_iter().any(|i| self.covers(C::Session, i))
                        })
                    })
            })
    }
    /// Several attempts that failed ("Plusieurs tentatives de connexion ont
    /// échoué", "multiple invalid login attempts"): a count of failures, as
    /// "too many" is. Not beside the code: "invalid code, several attempts
    /// left" counts what is left, not what was refused. Eight words (Han and
    /// kana count one a letter): "複数回ログインに失敗しました".
    fn several_failed(&self) -> bool {
        self.near(C::Several, C::RateObject, 8, 1)
            && !self.has(C::Otp)
            && (self.has(C::Failed) || self.has(C::GenericError) || self.has(C::Invalid))
    }
}

impl Sentence<'_> {
    /// A way out offered beside the step, not a block: "Lost your device?
    /// Contact Administrator" (a recovery form on an MFA page), "If your
    /// account is locked, contact your administrator". The administrator
    /// alone (German lexicons count "Administrator" as a block word, for
    /// "wenden Sie sich an Ihren Administrator") names who helps, and a
    /// condition says what might be; neither says the account is blocked.
    fn recovery_hint(&self) -> bool {
        let conditional = text::lexicon().opens_with(Word::If, self.toks, self.words);
        conditional || self.blocks_only_name_the_administrator()
    }

    /// Every block word of the sentence names who helps ("contact the
    /// administrator", "wenden Sie sich an den Administrator", "neem contact
    /// op met je beheerder"), none says the account is blocked. Several
    /// lexicons list the administrator as a block word, for "contact your
    /// administrator" after a lock.
    fn blocks_only_name_the_administrator(&self) -> bool {
        only_the_administrator(self.matches, self.toks, self.words)
    }
    /// Every block word of the sentence holds the function word `w`.
    fn every_block_holds(&self, w: Word) -> bool {
        self.every_holds(C::Permanent, w)
    }
    /// Every match of `c` holds the function word `w` ("every word of
    /// expiry is the user's idleness").
    fn every_holds(&self, c: C, w: Word) -> bool {
        every_holds(c, w, self.matches, self.toks, self.words)
    }
}

/// Every block word of these matches names the administrator (see
/// [`Sentence::blocks_only_name_the_administrator`]), in a word of the
/// lexicons of `mask`.
fn only_the_administrator(matches: &[Match], toks: &[Token<'_>], mask: u64) -> bool {
    every_holds(C::Permanent, Word::Administrator, matches, toks, mask)
}

/// Every match of concept `c` (a block word: `permanent`) holds the
/// function word `w`, in a word of the lexicons of `mask`.
fn every_holds(c: C, w: Word, matches: &[Match], toks: &[Token<'_>], mask: u64) -> bool {
    matches
        .iter()
        .filter(|m| m.concepts.has(c))
        .all(|m| word_in_match(w, toks, m, mask))
}

/// Whether the match's tokens hold a word `w` of the lexicons of `mask`.
fn word_in_match(w: Word, toks: &[Token<'_>], m: &Match, mask: u64) -> bool {
    toks.get(m.start..m.start + m.len)
        .is_some_and(|ts| text::lexicon().word_in(w, ts, mask))
}

/// "or" just before the boundary object: "OTP code invalid, or the server
/// time is wrong" gives it as one possible cause. Only words that mean
/// nothing else in the page's language (Spanish and Italian "o", which is
/// Portuguese "the", on their own pages only; not Dutch "of", which is also
/// "whether"), and only within three tokens
/// of the object, so that "the two-factor or recovery code … because your
/// session cookie is missing" is no alternative.
fn or_before(toks: &[Token<'_>], from: usize, to: usize, mask: u64) -> bool {
    toks.get(from.max(to.saturating_sub(3))..to)
        .is_some_and(|before| text::lexicon().word_in(Word::Or, before, mask))
}

/// Whether a sentence is at most `cjk` letters long (Han, kana or Hangul in
/// it) or `other` letters long.
fn no_longer_than(sentence: &str, cjk: usize, other: usize) -> bool {
    let max = if sentence.chars().any(text::is_cjk) {
        cjk
    } else {
        other
    };
    sentence.trim().chars().count() <= max
}

/// A token said to have expired, to be wrong or to have failed: the page's
/// form token when a reload is advised (see [`Sentence::form_token_failed`]).
/// A request said to be invalid ("The request could not be verified",
/// "无法验证该请求"), with nothing else named that it could be: no code,
/// credential, session, boundary object, token, account, limit or block.
/// The request is a `rate_object` word ("request", "Anfrage", "requête",
/// "リクエスト", "요청"); a field that names none ("Invalid customer number",
/// "出生日期无效") is the form's own check.
fn request_said_invalid(set: Concepts) -> bool {
    set.has(C::Invalid)
        && set.has(C::RateObject)
        && ![
            C::Otp,
            C::Cred,
            C::Challenge,
            C::Session,
            C::Boundary,
            C::Token,
            C::Account,
            C::Many,
            C::Rate,
            C::Permanent,
        ]
        .into_iter()
        .any(|c| set.has(c))
}

/// A moment: a time of day ("14:30", "10:30:00", "14h30"), or a date and
/// a time ("2025/03/15 10:30:00", "15.03.2025 10:30", "Mar 15, 2025 10:30";
/// a date whose month is a word still writes its year whole). A date alone
/// is none.
fn names_a_moment(toks: &[Token<'_>]) -> bool {
    // "14h30", as French and Portuguese write it.
    let hour_h_minutes = |t: &Token<'_>| {
        t.text.split_once('h').is_some_and(|(h, m)| {
            h.parse::<u8>().is_ok_and(|h| h < 24)
                && m.len() == 2
                && m.parse::<u8>().is_ok_and(|m| m < 60)
        })
    };
    // Two digits under 60: the minutes or the seconds of a clock.
    let sixty = |t: &Token<'_>| t.num.is_some_and(|n| n < 60) && t.text.len() == 2;
    let hour = |t: &Token<'_>| t.num.is_some_and(|h| h < 24);
    // "2025/03/15", "15.03.2025": a date with its year written whole.
    let year = |t: &Token<'_>| t.text.len() == 4 && t.num.is_some();
    let day_or_month = |t: &Token<'_>| t.num.is_some_and(|n| (1..=31).contains(&n));
    let date = |d: &[Token<'_>]| {
        matches!(d, [a, b, c] if (year(a) && day_or_month(b) && day_or_month(c))
            || (day_or_month(a) && day_or_month(b) && year(c)))
    };
    // What is left of a date whose month is a word ("Mar 15, 2025", "15
    // mars 2025"): the year written whole, after the day or alone.
    let named_month_date = |d: &[Token<'_>]| match d {
        [y] => year(y),
        [a, y] => day_or_month(a) && year(y),
        _ => false,
    };
    let dated = |d: &[Token<'_>]| date(d) || named_month_date(d);
    // A run of numbers (the separators are gone) that is a clock: "14:30",
    // "10:30:00", or one after a date ("2025/03/15 10:30:00", "Mar 15, 2025
    // 10:30 AM").
    let clock = |run: &[Token<'_>]| match run {
        [h, m] => hour(h) && sixty(m),
        [h, m, sec] => hour(h) && sixty(m) && sixty(sec),
        [d @ .., h, m] if dated(d) => hour(h) && sixty(m),
        [d @ .., h, m, sec] if dated(d) => hour(h) && sixty(m) && sixty(sec),
        _ => false,
    };
    toks.iter().any(hour_h_minutes)
        || toks
            .split(|t| !t.is_number())
            .any(|run| run.iter().all(|t| t.num.is_some()) && clock(run))
}

fn token_said_to_fail(set: Concepts) -> bool {
    (set.has(C::Expired) || set.has(C::Invalid) || set.has(C::Failed)) && set.has(C::Token)
}

/// The tokens between two matches, in whichever order they come (`None`
/// when they overlap).
fn between(a: &Match, b: &Match) -> Option<std::ops::Range<usize>> {
    let (a_end, b_end) = (a.start + a.len, b.start + b.len);
    if b.start >= a_end {
        Some(a_end..b.start)
    } else if a.start >= b_end {
        Some(b_end..a.start)
    } else {
        None
    }
}

/// A match that says something is wrong, ran out or is missing.
fn is_verdict(m: &Match) -> bool {
    [C::Invalid, C::Expired, C::Missing]
        .into_iter()
        .any(|c| m.concepts.has(c))
}

/// A match of a unit of time ("minutes", "Sekunden", "分").
fn names_a_unit(m: &Match) -> bool {
    [C::Second, C::Minute, C::Hour]
        .into_iter()
        .any(|u| m.concepts.has(u))
}

/// Whether a sentence asks: a question mark, or the question particle that
/// Japanese and Chinese end a question with ("セッションに問題がありますか",
/// "会话有问题吗").
fn is_question(sentence: &str) -> bool {
    let s = sentence.trim_end().trim_end_matches(['。', '.']);
    s.ends_with(['?', '？', 'か', '吗', '嗎'])
}

/// The sentence after a limit only blocks: a short sentence that only
/// sends to the administrator ("Contact an administrator.", or a longer one
/// that asks them to unlock), with no wait,
/// no number, no question, no condition ("If the problem persists, …",
/// "如问题持续存在，…") and no retry of the attempt ("Restart the
/// authentication attempt and if the problem persists, contact your
/// administrator").
fn only_blocks(next: &str, toks: &[Token<'_>], matches: &[Match], mask: u64) -> bool {
    let has = |c: C| matches.iter().any(|m| m.concepts.has(c));
    let lex = text::lexicon();
    let conditional = lex.opens_with(Word::If, toks, mask) || lex.cjk_word_in(Word::If, toks, mask);
    has(C::Permanent)
        && only_the_administrator(matches, toks, mask)
        // Short, or asking the administrator to unlock ("Contactez votre
        // administrateur pour le débloquer"; not "Contact your
        // administrator to raise the limit").
        && (no_longer_than(next, 24, 45)
            || (lex.word_in(Word::Unlock, toks, mask) && no_longer_than(next, 40, 90)))
        && !conditional
        && !next.contains('?')
        && ![
            C::Temporary,
            C::Rate,
            C::Wait,
            C::Flow,
            C::RateObject,
            C::Challenge,
            C::Otp,
        ]
        .into_iter()
        .any(has)
        && !toks.iter().any(|t| t.is_number())
}

/// Judge one sentence. `otp_context` is true on a page with a one-time-code
/// input, where a bare "Invalid, try again" refers to the code.
fn judge(s: &Sentence<'_>, otp_context: bool) -> Option<(Judgement, Rule, f32)> {
    let failure =
        s.has(C::Invalid) || s.has(C::Expired) || s.has(C::Missing) || s.has(C::GenericError);
    if s.has(C::TooLarge) && (s.has(C::Boundary) || s.has(C::Header)) {
        return Some((Judgement::TooLarge, Rule::TextHeaderOrCookieTooLarge, 1.0));
    }
    if s.has(C::Csrf) {
        return Some((Judgement::Session, Rule::TextCsrf, 1.0));
    }
    // "Your session was closed by an administrator, please log in again",
    // "Ihre Sitzung wurde von einem Administrator geschlossen", "您的会话已
    // 被管理员关闭": a session someone ended on purpose is no fault of the
    // deployment's cookies or clocks.
    // The lexicon, for every rule below that reads its function words.
    let lex = text::lexicon();
    if s.has(C::Session)
        && lex.word_in(Word::Administrator, s.toks, s.words)
        && (lex.word_in(Word::Ended, s.toks, s.words) || s.signed_out)
        && !s.has(C::Expired)
    {
        return None;
    }
    // "1800秒以上操作をしませんでした。ログインしなおしてください", "长时间未
    // 操作，请重新登录", "You were inactive for 30 minutes. Please log in
    // again": the user idle, with a new sign-in asked for in the sentence or
    // the next, is the session that timed out, with or without a word of
    // sign-out or session; before the limits and the steps, which its
    // length ("30 minutes") and its "long time" would otherwise be read as.
    // Not beside a code, a challenge, a credential, a step or an account
    // ("Your account is dormant due to 12 months of inactivity", "the
    // sign-in request was not confirmed because there was no activity"),
    // not a question or a condition ("If you are inactive for 30 minutes,
    // you will have to sign in again"). A negation is no denial here:
    // idleness is said with one ("操作をしませんでした").
    if (s.has(C::Relogin) || s.next_relogin)
        && ![
            C::Otp,
            C::Challenge,
            C::Cred,
            C::Flow,
            C::Account,
            C::Resource,
        ]
        .into_iter()
        .any(|c| s.has(c))
        && !s.question
        && s.idle
        && !lex.word_in(Word::If, s.toks, s.words)
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "If you are inactive for 30 minutes, you will be asked to sign in
    // again", "Sei inattivo da 25 minuti": how long the user is or may be
    // idle is no wait on tries, whatever comes after it. Not with what a
    // limit counts (tries, requests) named, nor a sign-out that happened,
    // a code or an expiry (those are read below).
    if s.idle_for_a_length()
        && !s.signed_out
        && ![C::RateObject, C::Many, C::Bound, C::Otp, C::Expired]
            .into_iter()
            .any(|c| s.has(c))
    {
        return None;
    }
    // "Maximum IPs per account reached", "你的IP已经达到了注册账户上限": a
    // limit of accounts an address may hold is a policy, no limit of tries
    // or requests to wait out.
    if s.has(C::Ip)
        && s.has(C::Account)
        && (s.has(C::Reached) || s.has(C::Bound) || s.has(C::Many))
        && ![C::RateObject, C::Wait, C::Temporary]
            .into_iter()
            .any(|c| s.has(c))
        && !names_duration(s.toks)
        && !lex.word_in(Word::Later, s.toks, s.words)
    {
        return None;
    }
    // "Token expired. Check that the server's date/time matches the
    // client's", "토큰이 만료되었습니다. 서버의 날짜/시간이 … 확인하세요":
    // a token (no code named beside it) that failed, with the clocks to
    // check next, failed on a clock that drifts.
    // Not a token the user entered ("Der eingegebene Token ist nicht
    // gültig. … prüfen Sie, ob Datum und Uhrzeit Ihres Telefons korrekt
    // eingestellt sind"): that is the code, wrong.
    if s.next_clock && s.every_also(C::Otp, C::Token) && !lex.word_in(Word::Enter, s.toks, s.words)
    {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.9));
    }
    if s.form_request_refused() {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.8));
    }
    // A credential named (a one-time password is a code, not the password:
    // a compound word such as "Einmalpasswort" matches both, and is read as
    // the code).
    // Nor is a session's data ("Sitzungsdaten", a compound the lexicon's
    // `*daten` also reads as a credential's).
    // Nor is where a code was sent, named beside the code before the
    // failure ("The code sent to your e-mail is invalid", "メールで送信し
    // た確認コードが無効です"), unless given as an alternative to it
    // ("Invalid e-mail or code"), nor the device an approval waited on.
    // Nor a PIN code given as another name of a one-time code named beside
    // it ("Ungültiger SMS-Code oder PIN-Code"); alone ("Falscher PIN-Code",
    // a SIM card's or an alarm's) it is the device's number, a credential.
    let code_named = s
        .matches
        .iter()
        .any(|m| m.concepts.has(C::Otp) && !m.concepts.has(C::Cred));
    let pin_of_the_code = |m: &Match| code_named && word_in_match(Word::Pin, s.toks, m, s.words);
    // A PIN code in one word ("Ongeldige pincode", a compound the code's
    // `*code` also reads) is the PIN, unless a code is named beside it.
    let pin_compound = |m: &Match| {
        m.concepts.has(C::Otp) && word_in_match(Word::Pin, s.toks, m, s.words) && !code_named
    };
    let cred = s.matches.iter().any(|m| {
        m.concepts.has(C::Cred)
            && (!m.concepts.has(C::Otp) || pin_compound(m))
            && !pin_of_the_code(m)
            && !m.concepts.has(C::Session)
            && !s.code_sent_to(m)
            && !s.approval_device(m)
            && !s.asked_again_after_expiry(m)
            && !s.code_channel(m)
    });
    // "Le délai d'attente n'a pas encore expiré", "Das Timeout ist noch
    // nicht abgelaufen", "验证码未超时1分钟，不能发送": a wait or a code said
    // not yet to have run out is a cooldown still running (a new code
    // asked for too soon), no expired step. Not of a session, an account
    // or a credential ("Your password has not expired yet").
    // Nor of a sign-in to approve, a subscription or a setting's deadline
    // ("This sign-in request has not expired yet. Approve it in the app",
    // "Ihr Abonnement ist noch nicht abgelaufen"): an expiry denied there
    // is no judgement, nor is the advice to make sure it has not run out
    // ("请确保验证码未过期"). A code wrong, a boundary or another browser is
    // judged as without it.
    if s.has(C::Expired)
        && lex.word_in(Word::NotYet, s.toks, s.words)
        && !cred
        && ![C::Invalid, C::Boundary].into_iter().any(|c| s.has(c))
        && !lex.word_in(Word::OtherBrowser, s.toks, s.words)
    {
        let another_thing = [
            C::Session,
            C::Account,
            C::Commerce,
            C::Api,
            C::Setup,
            C::Unavailable,
            C::Permanent,
        ]
        .into_iter()
        .any(|c| s.has(c))
            || lex.word_in(Word::Approve, s.toks, s.words)
            // "请确保验证码未过期", "코드가 만료되지 않았는지 확인하세요": the
            // advice to make sure it has not.
            || s.has(C::Needs)
            || s.has(C::Recheck);
        return (!another_thing).then_some((Judgement::Rate, Rule::TextRateLimit, 0.6));
    }
    // "Wrong password. You can still try 2 times (then the account is
    // locked for 30 minutes)": attempts left are a warning after a
    // failure, not yet a limit; on their own they say nothing new.
    // "0 attempts remaining", "no attempts left" are the limit itself.
    // "Your IP address was blocked. Remaining time: 5 minutes", "Kalan
    // yasaklama süresi: 5 dakika": the time left of a block is a wait.
    // Not of a code ("Time remaining: 4:59" is how long it stays valid).
    if lex.word_in(Word::TimeLeft, s.toks, s.words)
        && names_duration(s.toks)
        && (s.after_block || s.has(C::Permanent) || s.has(C::Disallowed))
        && ![
            C::Otp,
            C::Challenge,
            C::Validity,
            C::RateObject,
            C::Remaining,
            C::Session,
        ]
        .into_iter()
        .any(|c| s.has(c))
    {
        return Some((Judgement::Rate, Rule::TextRateLimit, 1.0));
    }
    // "Account locked. You will not be able to log in for 24 hours",
    // "Herhaaldelijk inloggen is mislukt. U kunt de komende 24 uur niet
    // meer inloggen": a sign-in denied for a length to come, after a block
    // or failures, is a wait ("You have not signed in for 30 days" alone
    // is an account left unused). So after a verdict in the same sentence
    // ("パスワードを3回間違えたため、24時間ログインできません").
    let sign_in = lex.word_in(Word::SignIn, s.toks, s.words);
    if sign_in
        && (lex.word_in(Word::Not, s.toks, s.words) || lex.word_in(Word::Cannot, s.toks, s.words))
        && s.names_a_length_to_come()
        && (s.after_block
            || s.after_failure
            || s.after_verdict
            || s.has(C::Permanent)
            || s.says_invalid())
        && ![
            C::Otp,
            C::Challenge,
            C::Validity,
            C::Session,
            C::Remaining,
            C::Unavailable,
        ]
        .into_iter()
        .any(|c| s.has(c))
        && !s.question
        && !lex.word_in(Word::If, s.toks, s.words)
    {
        return Some((Judgement::Rate, Rule::TextRateLimit, 1.0));
    }
    let warning = s.has(C::Remaining) && s.toks.iter().any(|t| t.num.is_some_and(|n| n > 0));
    if warning && !failure && !s.has(C::Otp) {
        return None;
    }
    // "Le délai de saisie du code est dépassé", "The time allowed to enter
    // the code has been exceeded": a time that went past its bound, with
    // only the code named (no attempts or requests), counts nothing.
    let time_past_for_code = || {
        s.every_also(C::RateObject, C::Otp)
            && !s.has(C::Many)
            && s.matches
                .iter()
                .filter(|m| m.concepts.has(C::Bound))
                .count()
                == 1
            && s.time_opens_to_its_bound()
    };
    let counted = !warning
        && (s.too_many_with_object()
            || (s.has(C::Bound) && s.has(C::RateObject) && !time_past_for_code())
            || s.limited()
            || s.limit_reached()
            || s.only_so_often()
            // "如多次尝试仍登陆失败，请…": failures in a condition are none yet.
            || (s.several_failed() && !lex.word_in(Word::If, s.toks, s.words)));
    // "Due to inactivity, your session will expire in 5 minutes", "Debido
    // a la inactividad, la sesión expirará", "Sessions expire after 30
    // minutes of inactivity": the user's idleness named beside an expiry
    // still to come (no word of one that happened) warns or states a
    // policy; nothing failed.
    if s.has(C::Session)
        && s.has(C::Validity)
        && s.every_holds(C::Expired, Word::Idle)
        && [
            C::Invalid,
            C::Missing,
            C::GenericError,
            C::Failed,
            C::Relogin,
        ]
        .into_iter()
        .all(|c| !s.has(c))
        && !s.signed_out
    {
        return None;
    }
    // "You took too long to log in", "Du hast zu lange gebraucht, um dich
    // einzuloggen", "Vous avez mis trop de temps à vous connecter",
    // "ログインに時間がかかりすぎました": a sign-in (or a code's step) not
    // finished in time ran out. So did the time given for it: "The time to
    // log in has expired", "Le temps pour se connecter a expiré", "Kimlik
    // doğrulama zamanı aşıldı". Not a session's or a bare token's (their
    // own rules: "Token süresi doldu, lütfen tekrar giriş yapın"), nor a
    // count or a wait, nor a credential's.
    // "You took too long to enter the password", "输入密码超时": a
    // credential being entered is the sign-in that ran out.
    let entering = cred && lex.word_in(Word::Enter, s.toks, s.words);
    let step_named = sign_in || s.has(C::Otp) || s.has(C::Challenge) || entering;
    let time_ran_out = || {
        lex.word_in(Word::Time, s.toks, s.words)
            && (s.has(C::Expired) || s.has(C::Bound) || lex.word_in(Word::Ended, s.toks, s.words))
    };
    if step_named
        && (lex.word_in(Word::TooLong, s.toks, s.words) || time_ran_out())
        && !counted
        && (!cred || entering)
        && [
            C::Session,
            C::Rate,
            C::Wait,
            C::Account,
            C::Unavailable,
            C::Invalid,
            C::Boundary,
            C::Token,
        ]
        .into_iter()
        .all(|c| !s.has(c))
        && !s.question
        // "… may have taken too long", "… or you switched browsers", a
        // link's time: causes offered, or an e-mailed link's, have their
        // own rules.
        // "You have not signed in for too long" is an account left unused.
        && [Word::If, Word::Maybe, Word::OtherBrowser, Word::Link, Word::Not]
            .into_iter()
            .all(|w| !lex.word_in(w, s.toks, s.words))
    {
        return Some((Judgement::Expired, Rule::TextChallengeExpired, 0.9));
    }
    // "Your last sign-in was more than 30 minutes ago": a length in the
    // past is no wait.
    let timed = s.names_a_length_to_come();
    // "A new login is required every 24 hours", "re-authenticate if you
    // signed in lately": how often a sign-in is asked for is the site's
    // policy, not a wait before signing in again.
    let relogin_policy =
        || lex.word_in(Word::Every, s.toks, s.words) || lex.word_in(Word::If, s.toks, s.words);
    // "Vous n'avez pas validé la connexion dans les 2 minutes. La demande a
    // expiré.": a request said to run out after an approval not given in
    // its time is that approval's step, though "demande" alone names none.
    if s.after_unanswered
        && s.has(C::Expired)
        && !cred
        && [C::Session, C::Account, C::Boundary, C::Many, C::Permanent]
            .into_iter()
            .all(|c| !s.has(c))
    {
        return Some((Judgement::Expired, Rule::TextChallengeExpired, 0.8));
    }
    // The approval not given itself is no wait: its length is the time it
    // had ("Você não aprovou o acesso dentro de 2 minutos"). Said with the
    // expiry, the allowance rule below reads it; under a timeout heading,
    // the code or step not answered in its time is the step that ran out
    // ("Zeit abgelaufen / Sie haben den Sicherheitscode nicht innerhalb von
    // 10 Minuten eingegeben").
    if timed && !s.has(C::Expired) && s.unanswered_approval() {
        if s.after_expiry
            && [C::Otp, C::Challenge, C::Flow]
                .into_iter()
                .any(|c| s.has(c))
        {
            return Some((Judgement::Expired, Rule::TextChallengeExpired, 0.8));
        }
        return None;
    }
    // "Zeitüberschreitung / Die Zwei-Faktor-Prüfung muss innerhalb von 3
    // Minuten abgeschlossen werden.", "Tempo esgotado / A verificação em
    // dois passos tem de ser concluída em 5 minutos.": after a timeout, the
    // time a code or step must be done in is the allowance that ran out,
    // no wait ("A new code will be available in 30 minutes" is one). Not
    // when the sentence counts, blocks, judges, waits or resends ("Code
    // expired. Too many attempts, try again in 5 minutes").
    if s.after_expiry
        && timed
        && s.has(C::Needs)
        && !counted
        && !cred
        && (s.has(C::Otp) || s.has(C::Challenge))
        && [
            C::Permanent,
            C::Wait,
            C::Many,
            C::Reached,
            C::Limited,
            C::Bound,
            C::Invalid,
            C::Session,
        ]
        .into_iter()
        .all(|c| !s.has(c))
        && !lex.word_in(Word::Resend, s.toks, s.words)
    {
        return Some((Judgement::Expired, Rule::TextChallengeExpired, 1.0));
    }
    // "The code expires in 10 minutes", "Der Link läuft nach 5 Minuten ab",
    // "链接将在 5 分钟后失效": how long a code or link stays valid, with
    // nothing failed or counted, is the step's prompt; its length is no
    // wait ("Too many attempts. Try again in 5 minutes" is one).
    // Only of a code or link, and when every length named is the
    // validity's ("Your lockout expires in 15 minutes" is a wait): "Try again in 5
    // minutes, the code is valid for 10 minutes" still names a wait.
    if (s.has(C::Validity) || s.has(C::Expired))
        && timed
        && !counted
        && !failure
        && [
            C::Permanent,
            C::Wait,
            C::Many,
            C::Reached,
            C::Limited,
            C::Bound,
        ]
        .into_iter()
        .all(|c| !s.has(c))
        && (s.has(C::Otp) || s.has(C::Challenge) || s.after_code)
        && !s.blocks_without_a_length()
        && s.every_length_is_a_validity()
    {
        // "Your code expired after 10 minutes", "ist nach 10 Minuten
        // abgelaufen": the length is how long it lived, and it ran out.
        if s.has(C::Expired) {
            return Some((Judgement::Expired, Rule::TextChallengeExpired, 1.0));
        }
        return None;
    }
    // "User is locked, please wait": a block with a wait ends (in the same
    // sentence only: "Your account has been deleted. Please wait while we
    // redirect you" is a page at work).
    // "Sitzung für 15 Minuten gesperrt": a block with a length is a wait.
    // "You will have to wait 2 seconds before you can log in again", "Wacht
    // 2 minuten voordat je opnieuw aanmeldt": a wait of a length before the
    // sign-in starts over is a cooldown.
    // "You were signed out after 30 minutes of inactivity", "Sitzung nach
    // 30 Minuten Inaktivität abgelaufen": the length of the user's idleness
    // that ended the session is no wait.
    // Only with a new sign-in asked for: "You will be signed out in 2
    // minutes due to inactivity" warns of a sign-out to come.
    let idle_length = s.has(C::Session)
        && s.signed_out
        && (s.has(C::Relogin) || s.next_relogin)
        && !counted
        && [C::Permanent, C::Wait, C::Many, C::Temporary]
            .into_iter()
            .all(|c| !s.has(c))
        && s.idle_for_a_length();
    // "Der Code ist nach 10 Minuten abgelaufen", "expired after 10
    // minutes": every length beside a past expiry is how long the code
    // lived, no wait ("Code expired, try again in 5 minutes" names one).
    // "O link não é mais válido: ele expira em 15 minutos", "ha expirado:
    // solo es válido durante 20 minutos": a length the lexicon reads as a
    // wait ("em 15 minutos") right after a word of validity is the
    // validity's.
    // "Ihre Sitzung ist nach 30 Minuten abgelaufen. Bitte melden Sie sich
    // erneut an": a session that ran out after a length, with a new sign-in
    // asked for, lived that long too (read below as the session's timeout).
    let session_lived = s.has(C::Session) && (s.has(C::Relogin) || s.next_relogin);
    let expiry_length = s.has(C::Expired)
        && (s.has(C::Otp) || s.has(C::Challenge) || s.has(C::Flow) || session_lived)
        && (!s.has(C::Session) || session_lived)
        && timed
        && !counted
        && [
            C::Permanent,
            C::Wait,
            C::Many,
            C::Reached,
            C::Limited,
            C::Bound,
        ]
        .into_iter()
        .all(|c| !s.has(c))
        && ((s
            .matches
            .iter()
            .filter(|m| m.concepts.has(C::Temporary))
            .all(|m| s.validity_right_before(m) || s.expiry_right_after(m))
            && s.every_length_is_a_validity())
            || s.allowance_not_met());
    // "Zeitlimit erreicht" (a time limit reached) matches a limit reached
    // ("*limit erreicht") and a timeout alike: a timeout, no limit.
    // A wait beside who helps, named as the only block, after nothing that
    // failed or blocked: an approval still pending ("Your account needs
    // approval. Please wait or contact an administrator", "Bitte warten Sie
    // auf die Bestätigung des Administrators"), no limit. After a lock or a
    // failure ("Account locked. Please wait or contact your administrator")
    // the wait is the lock's.
    let approval_wait = s.has(C::Wait)
        && s.has(C::Permanent)
        && s.blocks_only_name_the_administrator()
        && !counted
        && !s.after_block
        && !s.after_verdict
        && [C::Failed, C::Many, C::Invalid, C::Limited, C::Reached]
            .into_iter()
            .all(|c| !s.has(c));
    let rate_said = s.matches.iter().any(|m| {
        m.concepts.has(C::Rate)
            && !m.concepts.has(C::Expired)
            && !(m.concepts.has(C::Wait) && approval_wait)
    });
    // "세션이 30분 동안 비활성화된 후 시간 초과되었습니다": a session that
    // went inactive (비활성화, also "disabled") for a length is idleness,
    // no block of that length.
    // Asked only of a block with a length.
    let idle_block = || s.has(C::Session) && s.every_block_holds(Word::Idle);
    // "このアカウントは 5 分間利用できません", "This account is unavailable
    // for 5 minutes": the account, out of use for a length and with no
    // retry said, is locked for it (a retry in a length beside an
    // unavailable account may be an outage's).
    // One word of unavailability, soon after the account: not "unavailable
    // for 2 hours for scheduled maintenance", "メンテナンスのため…", "no
    // estará disponible durante 3 horas por mantenimiento".
    let account_end = s
        .matches
        .iter()
        .find(|m| m.concepts.has(C::Account))
        .map_or(usize::MAX, |m| m.start + m.len);
    let mut out_of_use = s.matches.iter().filter(|m| m.concepts.has(C::Unavailable));
    let account_out_for = out_of_use
        .next()
        .is_some_and(|m| m.start >= account_end && m.start - account_end <= 5)
        && out_of_use.next().is_none()
        && timed
        && !s.has(C::Session)
        && !s.has(C::Rate);
    // "アカウントは14:30までロックされています", "Sign-in blocked until
    // 14:30": the account or the sign-in, blocked until a time of day, is
    // locked with an end (not "Notifications disabled until 8:00 AM").
    // "次まで認証が拒否されます: 2025/03/15 10:30:00": the sign-in refused
    // until a moment, as blocked until it (not a password change or a
    // withdrawal "not allowed until", a policy's wait). A moment is a time
    // of day, or a whole date and a time ("bis 15.03.2025 10:30:00"); a
    // date alone is a suspension's end.
    let sign_in_or_ip = s.has(C::Flow) || s.has(C::Ip);
    // What signs in, or where from: an account, the sign-in, the code, a
    // credential, an address.
    let what_signs_in = || {
        [C::Account, C::Flow, C::Otp, C::Cred, C::Ip]
            .into_iter()
            .any(|c| s.has(c))
    };
    let blocked_until = (s.has(C::Permanent) || (s.has(C::Disallowed) && sign_in_or_ip))
        && s.has(C::Temporary)
        && !s.has(C::Unavailable)
        && what_signs_in()
        && names_a_moment(s.toks);
    // "Too many failed authentications. The address will be unblocked at
    // 2024-05-01 12:30:00 UTC", "Votre compte sera débloqué à 14h30":
    // unlocked at a moment, after a failure or of what signs in, was locked
    // with an end. Not a lock to open at a time with nothing failed
    // ("Unlock the door at 8:00"), nor an unlock an administrator did.
    let unlocked_at = lex.word_in(Word::Unlock, s.toks, s.words)
        && names_a_moment(s.toks)
        && !s.has(C::Unavailable)
        && !s.question
        && !lex.word_in(Word::Administrator, s.toks, s.words)
        && (s.after_failure || s.after_verdict || what_signs_in());
    let rate = !warning
        && !idle_length
        && !expiry_length
        && (counted
            || rate_said
            || account_out_for
            || blocked_until
            || unlocked_at
            || (s.has(C::Permanent)
                && ((s.has(C::Wait) && !approval_wait) || (timed && !idle_block())))
            || (timed && s.has(C::Relogin) && !relogin_policy())
            || (timed
                && s.has(C::Wait)
                && !approval_wait
                && !s.has(C::Otp)
                && (s.after_failure || s.after_verdict || s.counts_tries())));
    // A limit can name a boundary: "Your IP address was blocked after too
    // many attempts". A sentence that counts what was sent is a limit.
    // A browser that refuses a boundary object ("Are you blocking
    // cookies?", "Bloquez-vous les cookies ?") is a fault of it, as
    // "cookies are disabled" is.
    // "The OAuth client could not be loaded, please check the redirect URI
    // is valid": the advice to check a boundary object after a failure
    // names what failed.
    // "IP address not allowed": the site's policy on the address, read
    // below as a block or a failure, not as a boundary fault.
    // "Invalid username, domain or password": a domain given as one of
    // the credentials is the sign-in's field (a Windows or tenant domain),
    // not a cookie's.
    let domain_field = || {
        cred && lex.word_in(Word::Or, s.toks, s.words)
            && s.matches
                .iter()
                .filter(|m| m.concepts.has(C::Boundary))
                .all(|m| word_in_match(Word::Domain, s.toks, m, s.words))
    };
    let boundary = s.has(C::Boundary) && !s.address_refused() && !domain_field();
    // "A firewall or proxy server that prevents cookies from being sent":
    // something that prevents a boundary object named after it refuses it
    // (the function word `prevents`); not the object that prevents
    // ("Cookies prevent fraud", "We use cookies that prevent fraud").
    let refused = s.has(C::Refused) || s.has(C::Disallowed) || s.prevents_a_boundary_object();
    // "OTP code invalid, or the server time is wrong": the code said
    // wrong first, the boundary object named after it as a possible cause,
    // or as what to check ("Invalid code — check your phone's clock").
    // A bare token is no code here ("the authorization token could not
    // be verified because of clock differences" is the clock's fault).
    // Not a code that names the boundary object ("Invalid two factor
    // cookie": the cookie is what is invalid).
    // Only with an "or" between them: "the code could not be verified
    // because your session cookie is invalid" blames the cookie.
    // Not when the session is named too ("Could not verify the code: your
    // session has expired or cookies are blocked"): the "or" joins two
    // causes, not a verdict and a cause.
    let code_first = s.says_invalid()
        && !s.has(C::Session)
        && s.first_code_end() < s.first_index(C::Boundary)
        && s.first_index(C::Boundary) != usize::MAX
        && (or_before(
            s.toks,
            s.first_code_end(),
            s.first_index(C::Boundary),
            s.words,
        ) || s.check_advised_after_code());
    // "Invalid code. Your phone's clock may be out of sync", "验证码错误，
    // 可能是手机时间不同步": a boundary object only supposed wrong after a
    // failure (or after the code, in the sentence) is a cause suggested for
    // it, weaker than the failure (read below, as advice after it). Not one
    // supposed absent or refused ("your browser may not accept cookies"):
    // a word of absence counts only when it is not also one of fault
    // ("niet gesynchroniseerd").
    // Asked only of a sentence that names a boundary object.
    let supposed = || {
        let absent = s
            .matches
            .iter()
            .any(|m| m.concepts.has(C::Missing) && !m.concepts.has(C::Invalid));
        let code_before = s.has(C::Otp) && s.first_code_end() < s.first_index(C::Boundary);
        (s.after_failure || s.after_verdict || code_before)
            && !(absent || s.has(C::Expired) || refused)
            && lex.word_in(Word::Maybe, s.toks, s.words)
    };
    // "You are logging in from a different IP address. Please log in
    // again": a bare "IP" names no boundary object of its own.
    if s.session_ended_by_an_address_change() && !counted {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 1.0));
    }
    if boundary
        && !counted
        && !code_first
        && !supposed()
        && (s.has(C::Missing) || s.has(C::Invalid) || s.has(C::Expired) || refused)
    {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 1.0));
    }
    // "Invalid Host header", "Ursprungs-Header & -Ziel stimmen nicht
    // überein", "オリジンヘッダーとターゲットオリジンが一致しません": a request
    // header said wrong or not matching is what a proxy sent (its Host,
    // Origin or forwarded headers), the deployment's fault. Not a token's
    // or a code's header, nor a credential's.
    let header_wrong = s.has(C::Header)
        && (s.has(C::Invalid) || s.has(C::Disallowed) || s.has(C::Refused))
        && ![C::Token, C::Otp, C::Challenge, C::TooLarge]
            .into_iter()
            .any(|c| s.has(c));
    if header_wrong && !cred && !counted {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.8));
    }
    if !cred && !counted && s.web_address_refused() {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.7));
    }
    if !cred && !counted && s.redirect_refused() {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.8));
    }
    // "This application requires cookies", "쿠키 사용이 지원되야 합니다",
    // "Cookies ondersteuning is niet beschikbaar": a boundary object the
    // site needs, weaker than one said to fail. Not a step that names the
    // code ("this client must redirect for re-authentication or MFA").
    // The site's cookie notice ("We use cookies to ensure you get the best
    // experience"): its purpose is no need, and no failure before it is about
    // its cookies. Only when every cookie named is the notice's ("Sign-in
    // requires cookies (see cookie policy)" names one the site needs); a
    // fault said beside it counts above ("This site uses cookies, which your
    // browser has disabled").
    let notice = s.has(C::Consent) && s.every_also(C::Boundary, C::Consent);
    // "Please check your system clock", "Controleer je systeemklok": the
    // advice to check a boundary object, said alone, is as "make sure the
    // clock is right". Not the advice that is itself the object ("Try
    // deleting your cookies", a browser's tip on any error page), nor one
    // to avoid something, nor one asked; a short sentence (the advice
    // after a clause, "La base de données n'est pas ouverte, vérifiez son
    // état", checks what the clause named).
    let check_alone = s.has(C::Recheck)
        && !s.question
        && s.toks.len()
            <= if s.toks.iter().any(|t| t.text.chars().any(text::is_cjk)) {
                24
            } else {
                12
            }
        && !s
            .matches
            .iter()
            .any(|m| m.concepts.has(C::Boundary) && m.concepts.has(C::Recheck))
        && !lex.word_in(Word::Avoid, s.toks, s.words);
    // "Before you try to log in, please check that your browser supports
    // cookies", "vérifiez que votre navigateur prenne en charge les
    // cookies": the advice to check that the browser takes the object, of
    // any length. Not the news that it does ("Your browser accepts
    // cookies"): a check is asked for.
    let check_support =
        || (s.has(C::Recheck) || s.has(C::Needs)) && lex.word_in(Word::Supports, s.toks, s.words);
    let needed =
        || (s.has(C::Needs) || s.has(C::Unavailable) || check_alone || check_support()) && !notice;
    if boundary && !counted && !cred && needed() && !s.has(C::Otp) && !s.has(C::Challenge) {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.8));
    }
    if s.form_token_failed() {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.8));
    }
    // "Too many redirects / The sign-in page keeps bouncing back and forth.
    // Clear cookies for this site and try again.": a loop named, then the
    // advice to clear a boundary object, is the cookies' fault. A loop
    // named alone (a help link's title) reads nothing, nor does the advice
    // asked as a question.
    if boundary && !counted && !notice && s.has(C::Recheck) && s.after_loop && !s.question {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.7));
    }
    // Weaker than a failure said of the code: "Invalid code. If this keeps
    // happening, check that the clock is set right" is a wrong code first.
    // In one sentence ("Code invalide — vérifiez l'heure de votre
    // téléphone"), the code said wrong before the advice is the failure.
    if boundary && !counted && !notice && !code_first && s.recheck_after_failure() {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.7));
    }
    // "Couldn't complete your authentication request. Please try again
    // after closing all open dialogs": the sentence after a failure that
    // said nothing of why names the boundary object to set right. Not when
    // it names an address, an account or a credential: "Error. You can't
    // log in from that IP address" is a block.
    let named_other = cred || s.has(C::Ip) || s.has(C::Account);
    if boundary && !counted && !named_other && !notice && !code_first && s.after_failure {
        return Some((Judgement::Session, Rule::TextSessionBoundary, 0.7));
    }
    // "The server is temporarily unavailable, try again later": an outage,
    // not a limit on the user, unless the sentence counts what was sent.
    // Not when the sentence that says what is unavailable names a limit as
    // the cause ("temporarily unavailable because the number of operations
    // exceeds the limit"); a time to come back is no limit ("unavailable,
    // retry in 5 minutes").
    let limit_named = s.matches.iter().any(|m| m.concepts.has(C::Unavailable))
        && s.matches.iter().any(|m| m.concepts.has(C::Limited));
    // Nor a limit of the user's named beside a server's error ("Server
    // error: you requested a code too often", "服务器错误，账号已临时锁定，请
    // 30分钟后再试").
    // Not advice against it ("Server error: don't request codes too often").
    // Nor the user's account locked for a length beside an outage ("We're
    // having technical issues. Your account is temporarily locked for 15
    // minutes"): a word of the lock itself, not a retry or a length
    // ("Your account is unavailable, try again in 5 minutes" is none).
    let account_locked = s.has(C::Account)
        && timed
        && s.matches.iter().any(|m| {
            m.concepts.has(C::Rate)
                && !m.concepts.has(C::Temporary)
                && !names_a_unit(m)
                && number_in(s.toks, m).is_none()
        });
    let own_limit = (s.has(C::Many) && !s.frequency_advised_against())
        || (s.has(C::Permanent)
            && !s.blocks_only_name_the_administrator()
            && (timed || s.has(C::Temporary)))
        || account_locked
        || account_out_for;
    // Nor an outage said here only to deny it (a negation up to five words
    // before it: "not because of a technical problem", "并非技术原因") or as
    // a condition beside a verdict ("Invalid code (if the problem persists
    // due to technical issues, contact IT)").
    let not_outage_here = s
        .matches
        .iter()
        .filter(|m| m.concepts.has(C::Unavailable))
        .any(|m| {
            s.toks
                .get(m.start.saturating_sub(5)..m.start)
                .is_some_and(|ts| lex.word_in(Word::Not, ts, s.words))
                || (lex.word_in(Word::If, s.toks, s.words)
                    && [C::Invalid, C::Failed, C::Expired, C::GenericError]
                        .into_iter()
                        .any(|c| s.has(c)))
        });
    let outage =
        s.has(C::Unavailable) && !not_outage_here && !counted && !limit_named && !own_limit;
    // "Failed to send the message, please try again later": a failure and
    // the advice to retry; the product says nothing of a limit.
    // "ClippingKK 的登录配置有误，请稍后再试", "There is a problem with the
    // sign-in's configuration, try again later": a setup said wrong, then a
    // retry later, is the site's fault, no limit either, as is a
    // retry later before a fault (`next_fault`).
    let failure_then_later = !counted
        && (!s.has(C::Permanent) || s.blocks_only_name_the_administrator())
        && ((s.after_failure && !s.after_heading)
            || s.after_unplaced_error
            || s.has(C::GenericError)
            || s.has(C::Failed)
            || s.has(C::Misconfigured)
            || s.next_fault
            || lex.word_in(Word::Now, s.toks, s.words))
        && s.only_later();
    if failure_then_later && (!failure || s.has(C::Misconfigured)) {
        return None;
    }
    // "The password was changed too recently, try again later": a wait
    // about the password, with nothing counted, is no limit on attempts
    // ("a sign-in link was sent to your e-mail, try again later" is one).
    let password_wait = !counted && !s.has(C::Challenge) && s.only_later() && cred;
    // "Maximum number of sessions reached": a quota of sessions is no
    // limit on attempts (the sentence counts no attempts or codes, and
    // gives no time to wait: "Session locked, try again in 30 seconds" is
    // one).
    // A countdown ("You will be logged out in 30 seconds": every rate word
    // a time) is no limit either.
    // A retry after too many is one ("Too many session checks, try again
    // in a few seconds").
    // Not when sessions are what is counted ("Too many concurrent sessions,
    // try again later": a session word at most one word after "too many").
    let sessions_counted = || {
        s.matches
            .iter()
            .filter(|m| m.concepts.has(C::Many))
            .any(|m| {
                let end = m.start + m.len;
                s.matches
                    .iter()
                    .any(|n| n.concepts.has(C::Session) && n.start >= end && n.start - end <= 1)
            })
    };
    let retry_after_many =
        s.has(C::Many) && lex.word_in(Word::Retry, s.toks, s.words) && !sessions_counted();
    let countdown = !s.has(C::Permanent)
        && !s.has(C::Wait)
        && s.matches
            .iter()
            .filter(|m| m.concepts.has(C::Rate))
            .all(|m| names_a_unit(m) || number_in(s.toks, m).is_some());
    let session_quota = s.has(C::Session)
        && !s.has(C::RateObject)
        && !s.has(C::Otp)
        && !s.has(C::Challenge)
        && !retry_after_many
        && (!timed || countdown);
    // "You have reached your storage quota", "Limite d'articles gratuits
    // atteinte": what a plan allots, used up, is a quota met; no attempt,
    // request, code or step is limited, nothing is locked or too many, and
    // no wait is named.
    let resource_quota = s.has(C::Resource)
        && !s.has(C::Permanent)
        && !s.has(C::Many)
        && !s.has(C::RateObject)
        && !s.has(C::Otp)
        && !s.has(C::Challenge)
        && !s.has(C::Flow)
        && !s.has(C::Wait)
        && !timed;
    if rate && (session_quota || resource_quota) && !outage && !s.has(C::Temporary) {
        return Some((Judgement::Other, Rule::TextOtherFailure, 0.4));
    }
    // "You will be redirected in 5 seconds", "Reconnexion dans 10
    // secondes…", "5秒后自动跳转": the page's own action counted down is no
    // wait for the user, when nothing in the sentence limits or counts.
    // The length is the action's: a bare length ("in 5 seconds", not "try
    // again in 5 minutes"), with the word of the action beside it, and no
    // sign-in asked for and no negation ("do not refresh the page").
    let nothing_limits = !counted
        && [
            C::Many,
            C::Bound,
            C::Limited,
            C::Reached,
            C::RateObject,
            C::Relogin,
        ]
        .into_iter()
        .all(|c| !s.has(c));
    let page_countdown = countdown
        && nothing_limits
        && s.matches
            .iter()
            .filter(|m| m.concepts.has(C::Rate))
            .all(|m| names_a_unit(m) || bare_length(s.toks, m))
        && s.action_beside_a_length();
    // "Za chwilę nastąpi przekierowanie", "Vous allez être redirigé dans un
    // instant": the page's action in a moment, with no length, is none
    // either; "Réessayez dans un instant" is a wait.
    let moment_countdown = || {
        nothing_limits
            && !s.has(C::Wait)
            && !s.has(C::Permanent)
            && s.matches
                .iter()
                .filter(|m| m.concepts.has(C::Rate))
                .all(|m| !names_a_unit(m) && number_in(s.toks, m).is_none())
            && lex.word_in(Word::Underway, s.toks, s.words)
            && !lex.word_in(Word::Not, s.toks, s.words)
    };
    if rate && (page_countdown || moment_countdown() || s.wait_furniture()) {
        return None;
    }
    if rate && !outage && !failure_then_later && !password_wait && !session_quota {
        // "Your account has been locked and will resume after 60 seconds":
        // a block with a length is a wait.
        let permanent_only =
            s.has(C::Permanent) && !s.has(C::Temporary) && !s.has(C::Wait) && !timed;
        // "You have exceeded the maximum number of attempts. Contact an
        // administrator.": the limit is a block with no end.
        // "Too many attempts. Contact an administrator.": the "too many"
        // that makes it a limit is no wait of its own.
        let wait_named = s
            .matches
            .iter()
            .any(|m| m.concepts.has(C::Temporary) && !m.concepts.has(C::Many));
        if s.next_block && !wait_named && !s.has(C::Wait) && !timed {
            return Some((Judgement::Other, Rule::TextAccountBlocked, 0.8));
        }
        if !permanent_only {
            return Some((Judgement::Rate, Rule::TextRateLimit, 1.0));
        }
    }
    // Whatever failed while the server was down ("authentication failed
    // because the server is unavailable") failed because of the outage.
    // A code that could not be checked because of a technical problem
    // named before the verdict in the same sentence ("Ihr Code konnte wegen
    // eines technischen Problems nicht geprüft werden") was not judged
    // wrong; a problem named after it ("Ungültiger Code – bei technischen
    // Problemen wenden Sie sich an den Support") or as a condition judges
    // the code.
    let first = |c: C| s.matches.iter().position(|m| m.concepts.has(c));
    let verdict_at = first(C::Invalid).into_iter().chain(first(C::Failed)).min();
    let outage_first = first(C::Unavailable).is_some_and(|u| verdict_at.is_some_and(|v| u < v))
        && !lex.word_in(Word::If, s.toks, s.words);
    if outage && (rate || s.has(C::GenericError) || outage_first) {
        return Some((Judgement::Other, Rule::TextOtherFailure, 0.4));
    }
    // "로그인 세션이 비활성화 되었거나 서버와 일치하지 않습니다": a session
    // deactivated is no account blocked.
    let session_only = s.has(C::Session) && !s.has(C::Account);
    if s.has(C::Permanent) && !warning && !s.recovery_hint() && !session_only {
        return Some((Judgement::Other, Rule::TextAccountBlocked, 0.8));
    }
    // "Verification failed. Please double-check the 6-digit code.": the
    // advice to look at the code again, after (or with) a failure, says
    // which thing failed. Before the step rule: "確認してください" asks
    // for something, but not for a step. Not when a credential is named
    // too: "无法发送验证码，请检查手机号" asks to check the phone number,
    // nor beside an account's enrolment ("make sure your account is
    // enrolled in MFA").
    let enrolment = s.has(C::Needs) && s.has(C::Account);
    if s.has(C::Otp) && !cred && !enrolment && s.recheck_after_failure() {
        return Some((Judgement::Invalid, Rule::TextMfaFailed, 0.7));
    }
    let mfa_object = s.has(C::Otp) || s.has(C::Challenge);
    // "Invalid confirmation link. The link may have expired.": the bare
    // link is the credential's link named the sentence before.
    if s.after_cred
        && s.has(C::Challenge)
        && !s.has(C::Otp)
        && !s.has(C::Flow)
        && !s.has(C::Session)
        && (s.has(C::Expired) || s.has(C::Invalid))
    {
        return Some((Judgement::Other, Rule::TextCredentials, 0.9));
    }
    // "Password is required" is a failure; "Enter the passcode sent to your
    // email" names the address the code went to: the MFA step's prompt.
    if cred && (failure || (s.has(C::Needs) && !mfa_object)) {
        return Some((Judgement::Other, Rule::TextCredentials, 0.9));
    }
    // "Sessions must be enabled", "Le sessioni devono essere abilitate":
    // the session's support switched off, as cookies' is, lost it (read
    // below); no step is asked of the user.
    // The word that it must be ("must", "devono", "deben"), then at most
    // three words on, a word of its absence of its own ("enabled",
    // "abilitate"; not one that asks, "required", "activer").
    let sessions_off = !mfa_object && !cred && s.has(C::Session) && {
        s.matches
            .iter()
            .filter(|n| n.concepts.has(C::Needs))
            .any(|n| {
                let end = n.start + n.len;
                s.matches.iter().any(|m| {
                    m.concepts.has(C::Missing)
                        && !m.concepts.has(C::Needs)
                        && !m.concepts.has(C::Failed)
                        && m.start >= end
                        && m.start - end <= 3
                })
            })
    };
    if s.has(C::Needs) && !s.has(C::Invalid) && !s.has(C::Expired) && !sessions_off {
        // "MFA is required", "Please enter the code": a step, not a failure.
        return Some((
            Judgement::Other,
            Rule::TextStepRequired,
            if mfa_object { 0.3 } else { 0.5 },
        ));
    }
    // "We were unable to log you in, likely due to an expired session": a
    // sign-in that failed because its session ran out lost the session
    // (a CSRF or cookie failure), unlike "Your session has expired".
    if s.has(C::Expired)
        && s.has(C::Session)
        && (s.has(C::GenericError) || s.has(C::Failed))
        && !mfa_object
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.9));
    }
    // "Your session expired. Please sign in again", "Die Sitzung ist
    // abgelaufen, bitte erneut anmelden", "会话已过期. 请重新登录": a session
    // that ran out and a sign-in to start over is the sign-in's session
    // lost (a session timeout, like a page expired on its form token), not
    // an expired MFA step. A bare "session is expired" stays an expired
    // step (the session may be the challenge's), and so does the session
    // of a step ("Die Authentifizierungssitzung ist abgelaufen", listed as
    // a flow) or one beside the code.
    // Not a session that ran out while a security key or passkey was
    // awaited (an authenticator, listed with the account).
    // "Your session has exceeded the maximum time allowed. Please log in
    // again": a session past its bound ran out as one that expired.
    // "Your session has expired. Please reload the page and try again": a
    // page to load again after the session ran out is the form's session
    // lost, as a page expired on its form token is.
    let relogin_said = s.has(C::Relogin) || s.next_relogin;
    let relogin = relogin_said || s.has(C::Reload) || s.next_reload;
    // "Se requiere un nuevo inicio de sesión ya que la sesión de
    // autenticación expiró", "認証セッションの期限が切れたため、再ログインが
    // 必要です": a step word that only names the session's kind, with a new
    // sign-in asked for, is that session's, not a step that ran out.
    // "Your session has expired due to inactivity", "Sitzung wegen
    // Inaktivität abgelaufen": a session that ran out while the user was
    // idle is the signed-in session's timeout, with or without a sign-in
    // asked for.
    // "token失效，请重新登录", "Token expired. Please log in again", "Invalid
    // token. Please sign in again": a bare token (no code named) that ran
    // out or is wrong, with a new sign-in asked for, is the signed-in
    // session's.
    // Not one beside an API's ("Sign in again to create a new personal
    // access token").
    let session_token =
        relogin_said && s.has(C::Token) && s.every_also(C::Otp, C::Token) && !s.has(C::Api);
    if (s.has(C::Expired)
        || (session_token && s.has(C::Invalid))
        || (s.has(C::Bound) && !counted && s.bound_is_a_time()))
        && (s.has(C::Session) || session_token)
        && (relogin || s.idle)
        // No code or challenge named, or only the session's bare token
        // (`!mfa_object` with that one exception, spelt out: it is the
        // smaller module).
        && !s.has(C::Challenge)
        && (session_token || !s.has(C::Otp))
        && (!s.has(C::Flow) || (relogin_said && s.flow_names_the_session()))
        && !s.account_may_have_expired()
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.9));
    }
    // "身份已失效，请重新登录", "签名已过期。请重新登录。", "Expired. Please sign
    // in again": an expiry that names nothing (no code, step, link,
    // credential or account), with a new sign-in asked for in the sentence
    // or the next, is the signed-in session's. Not on a code's page, where
    // it is the step's ("Zaman aşımı. Lütfen tekrar giriş yapın" on a
    // two-factor step). Not after a shop's thing named ("We couldn't apply
    // your promo code. It has expired. Please sign in again"), not a
    // condition or a denial ("If it has expired, sign in again"), not a
    // question.
    if relogin_said
        && !otp_context
        && s.has(C::Expired)
        && s.set.within(&[C::Expired, C::Relogin])
        && !s.after_commerce
        && !s.question
        && ![Word::If, Word::Not]
            .into_iter()
            .any(|w| lex.word_in(w, s.toks, s.words))
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "Your request was refused. This may be because your login has
    // expired. Reload the page and try again", "Zapytanie odrzucone. Być
    // może czas logowania minął. Przeładuj stronę": a sign-in only supposed
    // to have run out, as the cause of what failed, with the page to load
    // again, was the form's session, as a page expired on its token is. Not
    // an expiry said ("Login failed. Your login attempt has expired. Please
    // reload the page" is the attempt's), nor one of the code, a session or
    // an account.
    if s.has(C::Flow)
        && s.has(C::Expired)
        && (s.has(C::Reload) || s.next_reload)
        && lex.word_in(Word::Maybe, s.toks, s.words)
        && ![C::Otp, C::Challenge, C::Session, C::Account, C::Cred]
            .into_iter()
            .any(|c| s.has(c))
        && !counted
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "Could not refresh the session token. Please sign in again": a
    // failure of the session with a new sign-in asked for lost it. Not a
    // bare failure beside a session ("Failed to create session").
    if (s.has(C::GenericError) || s.has(C::Failed))
        && s.has(C::Session)
        && relogin_said
        && !s.toks.iter().any(Token::is_number)
        && !s.has(C::Expired)
        && !mfa_object
        && !cred
        && !s.has(C::Flow)
        && !s.has(C::Account)
        && !rate
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "This sign-in was started in another browser or tab", "Die Sitzung
    // wurde in einem anderen Tab gestartet", "该登录已在其他浏览器中发起": a
    // sign-in or session begun in another browser keeps its state there,
    // and this browser holds none of it. Only one said to have started
    // there ("open a different browser to sign in with another account",
    // "your session is open in another tab" are advice and news). Not a
    // code's step, not a condition or a denial ("If you started in another
    // tab", "It was not started in another browser"), not a question, not
    // a new sign-in ("a new sign-in was started in a different browser": a
    // security alert).
    // "The session in this window was closed by another browser window or
    // tab", "会话已通过另一个浏览器窗口或选项卡关闭": a session ended from
    // another browser is gone from this one. The session named first: not
    // the other browser's ("다른 브라우저의 세션이 모두 종료되었습니다", the
    // sessions there were ended), nor one to end there ("먼저 다른
    // 브라우저에서 세션을 종료하세요").
    let ended_there = || {
        lex.word_in(Word::Ended, s.toks, s.words)
            && s.toks
                .get(..s.first_index(C::Session))
                .is_some_and(|before| !lex.word_in(Word::OtherBrowser, before, s.words))
    };
    if (s.has(C::Flow) || s.has(C::Session))
        && lex.word_in(Word::OtherBrowser, s.toks, s.words)
        && (lex.word_in(Word::Started, s.toks, s.words) || ended_there())
        && !mfa_object
        && !cred
        && !s.has(C::Account)
        && !rate
        && !s.question
        && ![Word::If, Word::Not, Word::New]
            .into_iter()
            .any(|w| lex.word_in(w, s.toks, s.words))
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "You have been logged out by the server. Please log in again", "Sie
    // sind abgemeldet. Bitte melden Sie sich erneut an", "既にログアウトして
    // います。再度ログインしてください": a sign-out that happened, with a new
    // sign-in asked for, lost the session. Not one to come ("You will be
    // logged out in 30 seconds", "in five minutes": a number or a unit),
    // not a sign-in offered as a question, and not the advice to sign out
    // and in ("log out and log in again" says no sign-out happened). Not
    // one denied or supposed ("You have not been logged out", "if you were
    // signed out"), one the user asked for ("You have successfully logged
    // out. Sign in again", "Thank you"), or one elsewhere ("logged out of
    // all other sessions"). A length beside the user's idleness is how long
    // they were idle, not when the sign-out comes ("You were signed out
    // after 30 minutes of inactivity", "30分間操作がなかったため").
    if s.signed_out
        && relogin_said
        && !s.question
        && (s.idle_for_a_length()
            || (!s.toks.iter().any(Token::is_number)
                && !s.matches.iter().any(|m| {
                    // A unit word, not a lone letter that abbreviates one ("u", "h").
                    names_a_unit(m) && s.toks.get(m.start).is_some_and(|t| t.text.len() > 1)
                })))
        && !mfa_object
        && !cred
        && !rate
        && !s.has(C::Account)
        && !s.after_success
        && ![Word::If, Word::Not, Word::Success, Word::Elsewhere]
            .into_iter()
            .any(|w| lex.word_in(w, s.toks, s.words))
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.7));
    }
    // "Ce compte a expiré, connexion impossible", "You cannot log in to
    // this account because it has expired", "アカウントの有効期限が切れている
    // ためログインできません": an account that ran out, as a subscription or
    // a tenant that did ("Your tenant has expired"), is no step that
    // expired, and no judgement. Only an account named before the expiry,
    // with no code, link or session, and with a sign-in named only as what
    // cannot be done ("The login attempt for this user has expired" is the
    // attempt's).
    if s.has(C::Expired)
        && s.has(C::Account)
        && !mfa_object
        && !s.has(C::Session)
        && (!s.has(C::Flow) || s.has(C::GenericError))
        && s.first_index(C::Account) < s.first_index(C::Expired)
    {
        return None;
    }
    // "代码每 30 秒过期一次", "Codes expire every 30 seconds": how often a
    // code runs out is the product's rule, said to explain; no code that
    // ran out.
    let every_length = || names_duration(s.toks) && lex.word_in(Word::Every, s.toks, s.words);
    // "If the code was copy-pasted, make sure it has not expired": the
    // advice to make sure of it, in a condition or denied before the
    // expiry, says no code ran out.
    // "验证码错误，请确保验证码未过期": a wrong code said before such advice
    // stays a wrong code.
    let advice_not_expired = || {
        (s.has(C::Needs) || s.has(C::Recheck))
            && (lex.word_in(Word::NotYet, s.toks, s.words)
                || s.toks
                    .get(..s.first_index(C::Expired))
                    .is_some_and(|before| {
                        [Word::Not, Word::If]
                            .into_iter()
                            .any(|w| lex.word_in(w, before, s.words))
                    }))
    };
    if s.has(C::Expired) && (mfa_object || s.has(C::Flow) || s.has(C::Session)) {
        // "Die Zahlungssitzung ist abgelaufen": a shop's session, no step's;
        // nor is an activity's, named beside the session word ("Your chat
        // session has expired", "Die Chatsitzung ist abgelaufen").
        let shop_session =
            (s.has(C::Commerce) || s.activity_session()) && !mfa_object && !s.has(C::Flow);
        if (every_length() && !s.has(C::Session)) || shop_session {
            return None;
        }
        // A code said wrong or expired is the wrong code's: not a link's,
        // a token's, a password's, an account's, a session's or a step's;
        // not in a condition ("If your code is wrong or has expired, click
        // Resend") or denied ("The code is not invalid or expired").
        if s.has(C::Otp)
            && ![C::Session, C::Flow, C::Token, C::Cred, C::Account]
                .into_iter()
                .any(|c| s.has(c))
            && ![Word::Link, Word::If]
                .into_iter()
                .any(|w| lex.word_in(w, s.toks, s.words))
            && s.wrong_or_expired()
        {
            return Some((Judgement::Invalid, Rule::TextInvalidCode, 0.9));
        }
        // "The code is incorrect. It may have expired.", "Doğrulama kodu
        // hatalı. Kodun süresi dolmuş olabilir.": an expiry only supposed
        // after a wrong code is a cause offered for that verdict.
        if s.after_wrong_code
            && lex.word_in(Word::Maybe, s.toks, s.words)
            && ![C::Invalid, C::Flow, C::Session, C::Challenge, C::Token]
                .into_iter()
                .any(|c| s.has(c))
            && !lex.word_in(Word::If, s.toks, s.words)
        {
            return None;
        }
        if advice_not_expired() {
            return (s.has(C::Invalid) && s.has(C::Otp)).then_some((
                Judgement::Invalid,
                Rule::TextInvalidCode,
                0.8,
            ));
        }
        return Some((Judgement::Expired, Rule::TextChallengeExpired, 1.0));
    }
    // "You have exceeded the time allowed to complete two-step
    // verification", "Délai de vérification en deux étapes dépassé": the
    // step went past its time, nothing counted ("the maximum number of
    // attempts") or limited. Of the step only: "Daily sign-in time
    // exceeded for this child account" is an allowance of the account's.
    if s.has(C::Bound)
        && !counted
        && mfa_object
        && !s.has(C::Session)
        && !s.has(C::Account)
        && !cred
        && [C::Many, C::Rate, C::Limited, C::Reached, C::Permanent]
            .into_iter()
            .all(|c| !s.has(c))
        && s.bound_is_a_time()
    {
        return Some((Judgement::Expired, Rule::TextChallengeExpired, 0.9));
    }
    // "The authentication token does not belong to your current login
    // attempt", "認証トークンは現在のログインの試行に属していません": a token
    // said to be another sign-in's or session's is state that no longer
    // matches the browser's, as a state mismatch is; no wrong code. Not one
    // said to be another device's or account's ("The token is invalid or
    // does not belong to the device": a wrong code).
    if (s.has(C::Flow) || s.has(C::Session))
        && !s.has(C::Account)
        && !cred
        && lex.word_in(Word::Belongs, s.toks, s.words)
        && !lex.word_in(Word::Device, s.toks, s.words)
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.8));
    }
    // "Invalid or missing token. Please check the link again": a token
    // named alone (no code word beside it), with the link named next, was
    // the e-mailed link's.
    let links_token = s.next_link
        && s.matches
            .iter()
            .filter(|m| m.concepts.has(C::Otp))
            .all(|m| m.concepts.has(C::Token));
    // "Unable to verify the code right now", "Der Code kann derzeit nicht
    // überprüft werden": a check that cannot be made at the moment is the
    // checker's failure, no wrong code.
    if s.says_invalid()
        && s.has(C::Otp)
        && !links_token
        && !s.has(C::Commerce)
        && !lex.word_in(Word::Now, s.toks, s.words)
    {
        return Some((Judgement::Invalid, Rule::TextInvalidCode, 1.0));
    }
    // "Two-factor authentication failed", not "Failed to send the code":
    // the lexicons list "failed to", "送信に失敗" without the verdict; nor
    // "Senden des Codes fehlgeschlagen", "L'envoi du code a échoué": the
    // delivery named first, before the code and the failure, is what
    // failed ("Verification failed, ask for the code to be sent again"
    // still judges the code).
    let delivery_first = || {
        let end = s.first_index(C::Otp).min(s.first_index(C::Failed));
        lex.word_in(Word::Sending, s.toks.get(..end).unwrap_or(s.toks), s.words)
    };
    if s.has(C::Otp) && s.has(C::Failed) && !s.has(C::Setup) && !delivery_first() {
        return Some((Judgement::Invalid, Rule::TextMfaFailed, 0.7));
    }
    if s.code_then_error() {
        return Some((Judgement::Invalid, Rule::TextMfaFailed, 0.7));
    }
    if s.has(C::Session) && (s.has(C::Missing) || s.has(C::Invalid)) && !s.account_is_the_cause() {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.9));
    }
    // "There was a problem with your session. Please submit the form
    // again", "Es gab ein Problem mit Ihrer Sitzung", "Mevcut oturumunuzda
    // bir sorun var": a problem said of the session, with nothing else
    // named, lost it. Only a problem said to be with it ("problem with",
    // "Problem mit", "出现问题": not "Could not load your sessions", "There
    // was a problem revoking this session", "problemlos abgemeldet"), and
    // not in a condition anywhere in the sentence or a question ("Contact
    // support if you have a problem with your session", "Having a problem
    // with your session? Visit our help center").
    let conditional = lex.word_in(Word::If, s.toks, s.words);
    if s.has(C::Session)
        && lex.word_in(Word::Problem, s.toks, s.words)
        && !conditional
        && !s.question
        && !mfa_object
        && !cred
        && !s.has(C::Account)
        && !s.has(C::Flow)
        && !rate
        && !s.has(C::Unavailable)
        && !s.has(C::Setup)
    {
        return Some((Judgement::Session, Rule::TextSessionMissing, 0.6));
    }
    // A shop's code or card that ran out is no step's ("Your card ending in
    // 4417 has expired"), nor is an API's token ("Invalid API token"),
    // unless the sentence names the step too.
    let commerce_only = (s.has(C::Commerce) || s.has(C::Api))
        && ![C::Otp, C::Challenge, C::Flow]
            .into_iter()
            .any(|c| s.has(c));
    if otp_context && !s.has(C::Account) && !commerce_only {
        // "The request timed out", "the webhook delivery timed out": what
        // ran out is named, and it is not the code.
        if s.has(C::Expired) && !s.has(C::RateObject) && !s.has(C::Unavailable) {
            return Some((Judgement::Expired, Rule::TextExpiredOnMfaStep, 0.6));
        }
        if s.says_invalid()
            && !s.has(C::Missing)
            && !s.next_fault
            && !lex.word_in(Word::Now, s.toks, s.words)
        {
            return Some((Judgement::Invalid, Rule::TextInvalidOnMfaStep, 0.6));
        }
    }
    if failure
        && !(s.has(C::Expired)
            && !s.has(C::Invalid)
            && !s.has(C::Missing)
            && !s.has(C::GenericError))
    {
        return Some((Judgement::Other, Rule::TextOtherFailure, 0.4));
    }
    None
}

/// How a text of the page is read: its weight, whether the page is an MFA
/// step, where the text comes from, how many sentences are read, and with
/// which lexicons ([`text::page_lexicons`]), and whose function words
/// ([`text::language_words`]).
struct Reading {
    weight: f32,
    otp_context: bool,
    source: Source,
    limit: usize,
    lexicons: u64,
    words: u64,
}

fn judge_text(out: &mut PageSignals, text: &str, how: &Reading) {
    let &Reading {
        weight,
        otp_context,
        source,
        limit,
        lexicons,
        words,
    } = how;
    let lex = text::lexicon();
    let mut buf = text::TokenBuf::default();
    let mut matches = Vec::new();
    // "The server is unavailable. Please try again later.": the outage is
    // the reason for the retry in the next sentence.
    let mut after_outage = false;
    let mut after_failure = false;
    // The sentence before, read again only after a sign-out.
    let mut prev: Option<&str> = None;
    let mut prev_buf = text::TokenBuf::default();
    let mut after_verdict = false;
    let mut after_cred = false;
    let mut after_code = false;
    let mut after_wrong_code = false;
    let mut after_heading = false;
    let mut after_commerce = false;
    let mut after_loop = false;
    let mut after_expiry = false;
    let mut after_unanswered = false;
    let mut after_block = false;
    let mut after_unplaced_error = false;
    let mut next_buf = text::TokenBuf::default();
    let mut clock_buf = text::TokenBuf::default();
    let mut next_matches = Vec::new();
    let mut sentences = text::sentences(text)
        .take(limit)
        .flat_map(chunks)
        .peekable();
    while let Some(sentence) = sentences.next() {
        let before = prev.replace(sentence);
        let mut toks = buf.fill(sentence);
        if toks.is_empty() {
            continue;
        }
        scan_with_numbers(&mut toks, lexicons, words, &mut matches);
        // Nothing of the lexicon: no judgement to make, but a resend
        // button's countdown, which may be only the resend word and a
        // number ("Erneut senden in 0:59").
        let countdown =
            || toks.iter().any(|t| t.num.is_some()) && lex.word_in(Word::Resend, &toks, words);
        if matches.is_empty() && !countdown() {
            continue;
        }
        // "Your authentication token is invalid. Please log in again": the
        // next sentence, read only for a token of a session or a code that
        // this one does not settle.
        prefer_account(&mut matches, || {
            sentences.peek().is_some_and(|n| {
                let mut next = Vec::new();
                lex.scan_in(&next_buf.fill(n), lexicons, &mut next);
                next.iter().any(|m| m.concepts.has(C::Relogin))
            })
        });
        let mut set = Concepts::default();
        for m in &matches {
            set = union(set, m.concepts);
        }
        let outage_here = set.has(C::Unavailable);
        if after_outage {
            set.add(C::Unavailable);
        }
        // The next sentence is read only when this one needs it: after a
        // token said to fail (a reload advice next), a limit (a block next)
        // or an expired session or an address (a sign-in over next).
        let limit_words = [C::Rate, C::Many, C::Bound, C::Limited, C::Several]
            .into_iter()
            .any(|c| set.has(c));
        let token_failed = token_said_to_fail(set);
        // A session that expired or went past its bound ("has exceeded the
        // maximum time allowed"): the next sentence may say to sign in again.
        let expired_session = (set.has(C::Expired) || set.has(C::Bound)) && set.has(C::Session);
        // A sign-in that ran out ("your login has expired"): the next
        // sentence may say to load the page again.
        let expired_flow =
            set.has(C::Expired) && set.has(C::Flow) && !set.has(C::Otp) && !set.has(C::Challenge);
        let session_failed =
            (set.has(C::GenericError) || set.has(C::Failed)) && set.has(C::Session);
        // An expiry that names nothing ("签名已过期。"): the next sentence may
        // say to sign in again.
        let bare_expiry = set.has(C::Expired) && set.within(&[C::Expired]);
        // Idleness said ("1800秒以上操作をしませんでした。"): the next sentence
        // may say to sign in again. Not beside a code or a challenge.
        let idle = lex.word_in(Word::Idle, &toks, words);
        let idle_said = idle && !set.has(C::Otp) && !set.has(C::Challenge);
        // Every sign-out word is a session word too: the words are looked
        // up only in a sentence that names a session. "Your session has
        // ended", "セッションが終了しました": a session said to have ended
        // after it is named was signed out, as one logged out was; not one
        // the user ended ("You ended your session").
        let session_at = matches
            .iter()
            .find(|m| m.concepts.has(C::Session))
            .map(|m| m.start);
        let signed_out = session_at.is_some_and(|at| {
            lex.word_in(Word::SignedOut, &toks, words)
                || toks
                    .get(at..)
                    .is_some_and(|rest| lex.word_in(Word::Ended, rest, words))
        });
        let request_invalid = request_said_invalid(set);
        let bare_failure = (set.has(C::Failed) || set.has(C::Invalid))
            && ![
                C::Otp,
                C::Cred,
                C::Challenge,
                C::Session,
                C::Account,
                C::Boundary,
                C::Token,
            ]
            .into_iter()
            .any(|c| set.has(c));
        let next = (token_failed
            || bare_failure
            || limit_words
            || expired_session
            || expired_flow
            || session_failed
            || bare_expiry
            || idle_said
            || signed_out
            || request_invalid
            || set.has(C::Ip))
        .then(|| sentences.peek().copied())
        .flatten();
        let mut next_toks = next.map(|n| next_buf.fill(n)).unwrap_or_default();
        if next.is_some() {
            scan_with_numbers(&mut next_toks, lexicons, words, &mut next_matches);
        }
        let next_names_code = next_matches.iter().any(|m| m.concepts.has(C::Otp));
        // "Sesión no válida o expirada. Por favor limpia tus cookies e
        // intenta nuevamente": the advice to clear the cookies after a
        // session that ran out says where it was lost, as a page to load
        // again does. Only the advice ("limpia tus cookies", listed as both
        // a boundary object and a recheck): a cookie notice, a timestamp or
        // an address shown after it says nothing of the session.
        let next_cookies = expired_session
            && !next_names_code
            && next_matches
                .iter()
                .any(|m| m.concepts.has(C::Boundary) && m.concepts.has(C::Recheck));
        let next_reload = ((token_failed
            || ((expired_session || expired_flow) && !next_names_code))
            && next.is_some()
            && next_matches.iter().any(|m| m.concepts.has(C::Reload)))
            || next_cookies;
        let next_clock = token_failed
            && next.is_some()
            && !next_names_code
            && next_matches.iter().any(|m| m.concepts.has(C::Boundary))
            && next_matches.iter().any(|m| m.concepts.has(C::Recheck))
            && !next_matches.iter().any(|m| m.concepts.has(C::Cred));
        let next_link = token_failed
            && next.is_some()
            && !next_names_code
            && lex.word_in(Word::Link, &next_toks, words);
        let next_block =
            limit_words && next.is_some_and(|n| only_blocks(n, &next_toks, &next_matches, words));
        let next_resubmit = request_invalid
            && next.is_some()
            && next_matches.iter().any(|m| m.concepts.has(C::Reload))
            && lex.word_in(Word::Form, &next_toks, words);
        // After a sign-out alone, not a sign-in offered as a question
        // ("Vous avez été déconnecté de Wikipédia. Voulez-vous vous
        // reconnecter ?").
        // Or after a retry later with no limit named ("Por favor, vuelva a
        // intentarlo más tarde. Nuestro equipo técnico está trabajando para
        // solucionar el problema.", "Il servizio è temporaneamente non
        // disponibile"): the wait is the outage's, no limit. Not a fault
        // supposed ("If you think this is an error, contact us"), nor one
        // beside a limit.
        let next_names_fault = || {
            next_matches
                .iter()
                .any(|m| m.concepts.has(C::Unavailable) || m.concepts.has(C::GenericError))
        };
        let next_limit = || {
            next_matches.iter().any(|m| {
                (m.concepts.has(C::Rate) && !m.concepts.has(C::Temporary))
                    || [C::Many, C::Limited, C::Reached, C::Bound]
                        .into_iter()
                        .any(|c| m.concepts.has(c))
            })
        };
        // An error with a number next is a status or an error code, which
        // may be the limit's own ("HTTP error 429", "Error 1015").
        let next_outage = || {
            next_matches.iter().any(|m| m.concepts.has(C::Unavailable))
                || (next_names_fault() && !next_toks.iter().any(|t| t.num.is_some()))
        };
        let next_fault = !next_names_code
            && ((bare_failure && next_names_fault())
                || (limit_words
                    && !next_limit()
                    && !lex.word_in(Word::If, &next_toks, words)
                    && next_outage()));
        // Or after an address named ("You are logging in from a different
        // IP address. Please log in again": read in
        // [`Sentence::session_ended_by_an_address_change`]).
        let next_relogin = (expired_session
            || session_failed
            || bare_expiry
            || idle_said
            || token_failed
            || set.has(C::Ip)
            || (signed_out && !next.is_some_and(is_question)))
            && next.is_some()
            && next_matches.iter().any(|m| m.concepts.has(C::Relogin))
            && !next_names_code;
        let s = Sentence {
            set,
            toks: &toks,
            matches: &matches,
            after_failure,
            after_verdict,
            after_cred,
            after_code,
            after_wrong_code,
            after_expiry,
            after_unanswered,
            unanswered: std::cell::OnceCell::new(),
            after_loop,
            after_heading,
            after_commerce,
            after_block,
            after_unplaced_error,
            next_reload,
            next_clock,
            next_link,
            next_block,
            next_resubmit,
            next_relogin,
            idle,
            next_fault,
            signed_out,
            after_success: signed_out
                && before.is_some_and(|b| lex.word_in(Word::Success, &prev_buf.fill(b), words)),
            question: is_question(sentence),
            words,
        };
        // A bare heading ("Error", "Fehler", "エラー": the whole sentence one
        // generic error word) says that something failed, not what: the
        // retry after it ("Please try again later") keeps its own reading.
        let heading = matches.len() == 1
            && matches.first().is_some_and(|m| {
                m.len == toks.len() && m.concepts == Concepts::of(C::GenericError)
            })
            && no_longer_than(sentence, 3, 6);
        after_verdict = !heading
            && [C::Failed, C::GenericError, C::Invalid]
                .into_iter()
                .any(|c| set.has(c));
        // "Reenviar código (disponible en 00:45)", "Code erneut senden in
        // 2:00": a resend counted down on a clock, with nothing else said,
        // is the resend's cooldown, as the lexicons' "resend code in #"
        // phrases are.
        // The resend is said before the clock: "有効時間 04:59 コードを再送信"
        // and "Code sent at 1:15 AM · Resend code" show a validity and a
        // time of day beside the button.
        // With no clock, a length after the resend word that opens the
        // sentence (a button's label) counts down the same way: "Resend
        // (42s)", "Renvoyer 30 s", "再送信 (42秒)"; not "Enviamos um novo
        // código há 2 minutos" (a new code sent two minutes ago). So does
        // a label that ends with the resend word and its length, where the
        // verb comes last ("인증번호 재전송 (45초)", "Bestätigungs-E-Mail
        // erneut senden (45 s)").
        let judged = judge(&s, otp_context).or_else(|| {
            let before_clock = first_clock(sentence)
                .and_then(|(at, _)| sentence.get(..at))
                .map(|head| lex.word_in(Word::Resend, &clock_buf.fill(head), words));
            let length = before_clock.is_none().then(|| duration_in(&toks)).flatten();
            let resend_then_length = length.is_some()
                && (lex.opens_with(Word::Resend, &toks, words)
                    || resend_before_length(&toks, words));
            (before_clock.unwrap_or(resend_then_length)
                && resend_countdown(sentence, length, &toks, &matches, words))
            .then_some((Judgement::Rate, Rule::TextRateLimit, 0.8))
        });
        // "Session timeout: 30 minutes", "セッションタイムアウト：30分": a
        // session's setting, its label and its length, says nothing ran out.
        let session_setting = || {
            set.has(C::Session)
                && !set.has(C::Otp)
                && !set.has(C::Challenge)
                && sentence.contains([':', '：'])
                && names_duration(&toks)
        };
        let judged = judged.filter(|(j, ..)| !(*j == Judgement::Expired && session_setting()));
        // A limit that names a timeout ("The request timed out because too
        // many requests were sent.") is still a limit: its wait comes next.
        after_outage = outage_here && !judged.is_some_and(|(j, ..)| j == Judgement::Rate);
        // Only a credential's link ("Invalid confirmation link."): after
        // "Password is required." a link is still a link.
        after_cred = judged.is_some_and(|(_, rule, _)| rule == Rule::TextCredentials)
            && matches
                .iter()
                .any(|m| m.concepts.has(C::Cred) && word_in_match(Word::Link, &toks, m, words));
        let names_code = matches
            .iter()
            .any(|m| m.concepts.has(C::Otp) || m.concepts.has(C::Challenge));
        out.code_named |= names_code;
        after_code = judged.is_none() && names_code;
        after_wrong_code = judged.is_some_and(|(j, ..)| j == Judgement::Invalid);
        after_failure = judged.is_some_and(|(_, rule, _)| {
            matches!(rule, Rule::TextOtherFailure | Rule::TextCredentials)
        });
        // A setup said wrong is such an error ("There is a problem with the
        // sign-in's configuration. Try again later.").
        after_unplaced_error = judged.is_none()
            && !heading
            && [C::GenericError, C::Failed, C::Misconfigured]
                .into_iter()
                .any(|c| s.set.has(c));
        after_heading = heading;
        after_commerce = set.has(C::Commerce);
        // Not after a limit said beside the expiry ("Your code expired and
        // you've used all the codes allowed for today"): the length next is
        // its wait.
        // Looked up by `judge` only in a sentence that names a length.
        after_unanswered = !set.has(C::Expired) && s.unanswered.get().copied().unwrap_or(false);
        after_expiry = set.has(C::Expired)
            && !limit_words
            && !set.has(C::Reached)
            && !set.has(C::Session)
            && !set.has(C::Cred)
            && !set.has(C::Account);
        // A loop asked about ("Too many redirects?", a help link) is none
        // said to happen.
        after_loop = after_loop
            || !s.question
                && matches.iter().any(|m| {
                    m.concepts.has(C::Boundary) && word_in_match(Word::Loop, &toks, m, words)
                });
        // An address banned ("您的IP地址已被封禁") blocks as a lock does.
        after_block = (set.has(C::Permanent) && !only_the_administrator(&matches, &toks, words))
            || (set.has(C::Disallowed) && set.has(C::Ip))
            || judged.is_some_and(|(j, ..)| j == Judgement::Rate);
        if let Some((j, rule, w)) = judged {
            // Masking costs more than judging: only for lines that will be shown.
            let wanted_evidence =
                out.evidence.iter().filter(|e| e.rule == rule).count() < 3 && w >= 0.6;
            let best_so_far = out
                .excerpts
                .get(j.index())
                .and_then(|e| e.as_ref())
                .is_none_or(|(bw, _)| w * weight > *bw);
            let ex = (wanted_evidence || best_so_far).then(|| redact::excerpt(sentence, 160));
            if j == Judgement::Rate {
                let length = duration_in(&toks);
                if let Some(secs) = length {
                    out.cooldown_s = Some(out.cooldown_s.map_or(secs, |c| c.max(secs)));
                }
                if resend_countdown(sentence, length, &toks, &matches, words) {
                    out.resend_countdown = out.resend_countdown.max(w * weight);
                } else {
                    out.other_limit = true;
                }
            }
            // An excerpt that is all placeholders ("<token:22>", a
            // browser's error name) tells the reader nothing: the vote
            // stands, the evidence line is left out.
            let shown = ex
                .as_deref()
                .filter(|e| wanted_evidence && !redact::only_masks(e));
            if let Some(ex) = shown {
                let weight = (w * weight / 3.0).min(1.0);
                out.evidence
                    .push(Evidence::new(source, rule, format!("\"{ex}\""), weight));
            }
            if j == Judgement::Expired {
                // "Page expired" names no step either: the page's form
                // (every step word in it is the page's own).
                let only_the_page = s.set.has(C::Token)
                    && !s.set.has(C::Otp)
                    && !s.set.has(C::Challenge)
                    && s.matches
                        .iter()
                        .all(|m| !m.concepts.has(C::Flow) || m.concepts.has(C::Token));
                let only_the_session = rule == Rule::TextChallengeExpired
                    && ((s.set.has(C::Session)
                        && ![C::Otp, C::Challenge, C::Flow]
                            .into_iter()
                            .any(|c| s.set.has(c)))
                        || only_the_page);
                if only_the_session {
                    out.bare_session_expiry = true;
                    out.bare_session_itself |= !only_the_page;
                } else {
                    out.other_expiry = true;
                }
            }
            // "The page has expired due to inactivity": the page's session.
            if j == Judgement::Session
                && rule == Rule::TextSessionMissing
                && (s.set.has(C::Session) || s.set.has(C::Token))
                && (s.set.has(C::Expired) || s.signed_out)
            {
                out.session_timed_out = true;
            }
            // A code said to be wrong or expired, not in a condition, a
            // question or the advice to get a new one ("If the code has
            // expired, request a new one", "Wrong number?", "Is de code
            // onjuist of verlopen, vraag dan een nieuwe code aan").
            if !out.code_failed
                && matches!(j, Judgement::Invalid | Judgement::Expired)
                && !s.question
                && !lex.word_in(Word::If, &toks, words)
                && !lex.word_in(Word::Resend, &toks, words)
            {
                out.code_failed = true;
            }
            out.vote(j, w * weight, ex);
        }
    }
}

/// "Resend code (0:38)", "Renvoyer le code dans 40 s", "重新获取(52s)",
/// "Resend link (30s)", "再送信まで45秒": the resend button counting down,
/// and nothing else: a resend word, a length of at most five minutes, and
/// only words of a limit, a code, a link, a step, what is sent, units and a
/// short while with no length of its own ("まで", not "for 5 minutes": a
/// validity). No lock, no count, no failure, no wait asked for, and no
/// condition, page at work or period ("refreshes every 30 seconds").
fn resend_countdown(
    sentence: &str,
    length: Option<u32>,
    toks: &[Token<'_>],
    matches: &[Match],
    words: u64,
) -> bool {
    const MAX_S: u32 = 300;
    // What is sent may be an address too ("Resend verification email",
    // "Renvoyer l'e-mail de vérification").
    let countdown_words = [
        C::Rate,
        C::Otp,
        C::Challenge,
        C::Flow,
        C::Cred,
        C::RateObject,
        C::Second,
        C::Minute,
        C::Hour,
    ]
    .into_iter()
    .fold(Concepts::default(), |set, c| union(set, Concepts::of(c)));
    // A short while: a unit read as one too (Japanese "秒"), or a word with
    // no number ("まで", "in a moment").
    let while_words = union(countdown_words, Concepts::of(C::Temporary));
    let short_while = |m: &Match| {
        let unit = [C::Second, C::Minute, C::Hour]
            .into_iter()
            .any(|c| m.concepts.has(c));
        let numbered = toks
            .get(m.start..m.start + m.len)
            .is_some_and(|ts| ts.iter().any(Token::is_number));
        union(while_words, m.concepts) == while_words && (unit || !numbered)
    };
    let lex = text::lexicon();
    matches
        .iter()
        .all(|m| union(countdown_words, m.concepts) == countdown_words || short_while(m))
        && clock_countdown(sentence)
            .or(length)
            .is_some_and(|secs| secs <= MAX_S)
        && lex.word_in(Word::Resend, toks, words)
        && ![Word::If, Word::Every, Word::Underway]
            .into_iter()
            .any(|w| lex.word_in(w, toks, words))
}

/// "인증번호 재전송 (45초)", "コードを再送信（残り45秒）": the sentence's first
/// number is its last token but its unit, and the resend word is among the
/// five tokens before it (a label whose verb comes last). A template's slot
/// ("{seconds}초") is no number here, as it names no length. Not "Code
/// resent 5 minutes ago" (the number is followed by more than its unit) nor
/// "Enviamos um novo código há 2 minutos" (a time ago).
fn resend_before_length(toks: &[Token<'_>], words: u64) -> bool {
    let lex = text::lexicon();
    let Some(n) = toks.iter().position(|t| t.num.is_some()) else {
        return false;
    };
    toks.len() - n <= 2
        && toks
            .get(n.saturating_sub(5)..n)
            .is_some_and(|before| lex.word_in(Word::Resend, before, words))
        && !lex.word_in(Word::Ago, toks, words)
}

/// A "sentence" of thousands of characters is not one message: judge it in
/// pieces, so a message after a wall of text is still read.
fn chunks(s: &str) -> impl Iterator<Item = &str> {
    const MAX: usize = 600;
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= MAX {
            return Some(std::mem::take(&mut rest));
        }
        let mut cut = MAX;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer to cut at white space, so words stay whole.
        let at = rest
            .get(..cut)
            .and_then(|h| h.rfind(char::is_whitespace))
            .filter(|i| *i > MAX / 2)
            .unwrap_or(cut);
        let (head, tail) = rest.split_at(at);
        rest = tail;
        Some(head)
    })
}

/// One word read two ways, settled by the sentence. An account's key and a
/// code ("Sicherheits-schlüssel" is a security key; "*schlüssel" also reads
/// recovery keys as codes): the account's exact word says which.
fn prefer_account(matches: &mut [Match], relogin_next: impl FnOnce() -> bool) {
    // "Authentication token" is the signed-in session's when the sentence
    // says it ran out ("logged out because your authentication token
    // expired") or a new sign-in is asked for here or next
    // (`relogin_next`, asked only beside such a token), and the code typed
    // otherwise ("The authentication token you entered is incorrect", "…
    // is not valid for this session").
    let ambiguous = matches
        .iter()
        .any(|m| m.concepts.has(C::Session) && m.concepts.has(C::Otp));
    let session_ended = ambiguous
        && (matches
            .iter()
            .any(|m| m.concepts.has(C::Expired) || m.concepts.has(C::Relogin))
            || relogin_next());
    for m in matches {
        // "kortingscode": a shop's code, not a sign-in's (another
        // lexicon's "*code" reads it too); an API's key is no code either.
        let elsewhere = [C::Account, C::Commerce, C::Api]
            .into_iter()
            .any(|c| m.concepts.has(c));
        if elsewhere && m.concepts.has(C::Otp) {
            m.concepts.remove(C::Otp);
        } else if m.concepts.has(C::Session) && m.concepts.has(C::Otp) {
            m.concepts
                .remove(if session_ended { C::Otp } else { C::Session });
        }
        // "caducará", "expirera": a lexicon's word start for the expiry
        // ("expir*") also reads the future; the word listed for the
        // validity says it has not run out yet.
        if m.concepts.has(C::Validity) && m.concepts.has(C::Expired) {
            m.concepts.remove(C::Expired);
        }
    }
}

fn union(mut a: Concepts, b: Concepts) -> Concepts {
    a.union(b);
    a
}

/// "42 seconds", "5 Minuten", "30秒" → seconds: a number followed by a unit
/// of the lexicon (`second`, `minute`, `hour`).
pub fn duration_in(toks: &[Token<'_>]) -> Option<u32> {
    toks.iter().enumerate().find_map(|(i, n)| {
        let n = n.num?;
        let (mult, _) = unit_after(toks, i)?;
        u32::try_from(n.saturating_mul(mult)).ok()
    })
}

/// The phrases of the lexicons of `lexicons` in `toks`. Where one names a
/// unit of time, numbers written as words in the lexicons of `words` are
/// read first ([`number_words`]), and the sentence is read again.
fn scan_with_numbers<'a>(
    toks: &mut Vec<Token<'a>>,
    lexicons: u64,
    words: u64,
    out: &mut Vec<Match>,
) {
    let lex = text::lexicon();
    lex.scan_in(toks, lexicons, out);
    if out.iter().any(names_a_unit) && number_words(toks, out, words) {
        lex.scan_in(toks, lexicons, out);
    }
}

/// Numbers written as words in the lexicons of `mask`, right before a unit
/// of time, read as numbers: "locked for one hour", "bloqué pendant cinq
/// minutes", "für eine Stunde", "un'ora", "한 시간", "三十分钟". Elsewhere a
/// number word stays a word ("one code", "una sesión"). A word that is also
/// an article ("a", "une", "een", "un") reads as one only before minutes or
/// hours: "a second device", "une seconde fois", "un segundo factor" name no
/// length. Whether a number was read.
fn number_words<'a>(toks: &mut Vec<Token<'a>>, matches: &[Match], mask: u64) -> bool {
    let lex = text::lexicon();
    let mut changed = false;
    let mut inserted = 0;
    let mut i = 0;
    while let Some(&t) = toks.get(i) {
        let at = i - inserted;
        i += 1;
        // Only the word right before a unit, or joined to it ("un'ora"), is
        // looked up (`matches` counts the tokens as they were before any
        // was inserted).
        let unit_here = |m: &Match| (m.start == at || m.start == at + 1) && names_a_unit(m);
        if t.may_be_number() || !matches.iter().any(unit_here) {
            continue;
        }
        let head = t.text.get(..t.text.len() - t.tail.len()).unwrap_or("");
        let value = lex.number_word(t.text, mask).or_else(|| {
            (!head.is_empty())
                .then(|| lex.number_word(t.tail, mask))
                .flatten()
        });
        if let Some(v) = value {
            // "三十分": the numerals before it count too. "十分" alone is
            // "very" or "enough" ("十分抱歉", "十分にご注意ください") as
            // often as ten minutes.
            let (v, han_ten) = numeral_run(toks, i - 1, v, mask);
            if unit_after(toks, i - 1)
                .is_some_and(|(mult, _)| (v != 1 || mult >= 60) && !(han_ten && mult == 60))
            {
                if let Some(t) = toks.get_mut(i - 1) {
                    t.num = Some(v);
                    changed = true;
                }
            }
        } else if let Some(v) = (!head.is_empty())
            .then(|| lex.number_word(head, mask))
            .flatten()
        {
            // "un'ora": the number joined to its unit by the elision.
            let unit = Token {
                text: t.tail,
                tail: t.tail,
                num: None,
                slot: false,
                value: false,
            };
            if unit_in(&[unit]).is_some_and(|(mult, _)| v != 1 || mult >= 60) {
                let number = Token {
                    text: head,
                    tail: head,
                    num: Some(v),
                    slot: false,
                    value: false,
                };
                if let Some(slot) = toks.get_mut(i - 1) {
                    *slot = number;
                }
                toks.insert(i, unit);
                i += 1;
                inserted += 1;
                changed = true;
            }
        }
    }
    changed
}

/// The value of the numerals written in Han that end at token `at`, whose own
/// value is `last`: "三十" (30), "十五" (15), "二十五" (25). Other numbers are
/// one word. Whether the numeral is "十" alone.
fn numeral_run(toks: &[Token<'_>], at: usize, last: u64, mask: u64) -> (u64, bool) {
    let lex = text::lexicon();
    let han = |t: &Token<'_>| t.text.chars().count() == 1 && t.text.chars().all(text::is_cjk);
    if !toks.get(at).is_some_and(han) {
        return (last, false);
    }
    let mut from = at;
    while from > 0
        && toks
            .get(from - 1)
            .is_some_and(|t| han(t) && lex.number_word(t.text, mask).is_some())
    {
        from -= 1;
    }
    let (mut total, mut digit) = (0u64, 0u64);
    for t in toks.get(from..=at).unwrap_or(&[]) {
        match lex.number_word(t.text, mask) {
            Some(10) => {
                total += digit.max(1) * 10;
                digit = 0;
            }
            Some(d) => digit = d,
            None => {}
        }
    }
    (total + digit, from == at && last == 10)
}

/// A length of time is named: a number, or a template's slot for one
/// ("gesperrt für %d Minuten", "locked for %d minutes"), before a unit.
/// The slot says as much as a number of how the sentence reads, though it
/// gives no time to count down.
pub fn names_duration(toks: &[Token<'_>]) -> bool {
    lengths_in(toks).next().is_some()
}

/// A rate phrase that is only a length: its number (or slot) is its first
/// or second word ("in 5 seconds", "dans # secondes", "5 saniye içinde"),
/// not a retry that holds one ("try again in 5 minutes", "réessayez dans #").
fn bare_length(toks: &[Token<'_>], m: &Match) -> bool {
    number_in(toks, m).is_some_and(|at| at <= 1)
}

/// Where in `m`'s words its first number (or slot) stands, if it holds one.
fn number_in(toks: &[Token<'_>], m: &Match) -> Option<usize> {
    toks.get(m.start..m.start + m.len)
        .and_then(|ts| ts.iter().position(Token::may_be_number))
}

/// A rate phrase whose number (or slot) is at most its third word: a bare
/// length with a preposition of two words ("dentro de 5 minutos", "w ciągu
/// 2 minut"), not a retry that holds one ("try again in 5 minutes").
fn length_early_in(toks: &[Token<'_>], m: &Match) -> bool {
    number_in(toks, m).is_some_and(|at| at <= 2)
}

/// Each length of time named, in order: the index of its number (or slot)
/// and how many tokens its unit takes. The unit is looked up only after a
/// number.
fn lengths_in<'t>(toks: &'t [Token<'_>]) -> impl Iterator<Item = (usize, usize)> + 't {
    (0..toks.len()).filter_map(move |i| {
        if !toks.get(i)?.may_be_number() {
            return None;
        }
        unit_after(toks, i).map(|(_, len)| (i, len))
    })
}

/// The seconds in one unit of the time word right after token `i`, and how
/// many tokens that word takes.
/// A unit word may begin a longer phrase ("分钟内有效", a validity that names
/// its unit): the words after the number are read in a window of six, then
/// of three.
fn unit_after(toks: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let rest = toks.get(i + 1..)?;
    [6, 3]
        .into_iter()
        .find_map(|w| unit_in(rest.get(..rest.len().min(w))?))
}

fn unit_in(window: &[Token<'_>]) -> Option<(u64, usize)> {
    let (len, concepts) = text::lexicon().longest_at_start(window)?;
    let mult = if concepts.has(C::Second) {
        1
    } else if concepts.has(C::Minute) {
        60
    } else if concepts.has(C::Hour) {
        3600
    } else {
        return None;
    };
    Some((mult, len))
}

/// "0:45" or "1:05" in a countdown → seconds.
pub fn clock_countdown(s: &str) -> Option<u32> {
    first_clock(s).map(|(_, secs)| secs)
}

/// The first clock in `s` ("0:45", "01:05"): where it begins, and its
/// seconds.
fn first_clock(s: &str) -> Option<(usize, u32)> {
    let mut at = 0;
    for w in s.split(|c: char| !(c.is_ascii_digit() || c == ':')) {
        let secs = w.split_once(':').and_then(|(m, sec)| {
            let (m, sec): (u32, u32) = (m.parse().ok()?, sec.parse().ok()?);
            // Lazy: the length check first bounds `m` ("4000000000:00" overflows).
            (sec < 60 && sec.to_string().len() <= 2 && w.len() <= 5).then(|| m * 60 + sec)
        });
        if let Some(secs) = secs {
            return Some((at, secs));
        }
        // The separator after the word is one character, of any width.
        at += w.len();
        at += s
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
    }
    None
}

/// Is this input a one-time-code input?
fn is_otp_input(i: &crate::snapshot::Input) -> bool {
    if i.autocomplete.eq_ignore_ascii_case("one-time-code") {
        return true;
    }
    if matches!(
        i.kind.as_str(),
        "password" | "email" | "hidden" | "checkbox" | "submit"
    ) {
        return false;
    }
    let hay = format!("{} {}", i.name, i.label).to_ascii_lowercase();
    let named = [
        "otp",
        "totp",
        "mfa",
        "2fa",
        "passcode",
        "one-time",
        "onetime",
        "verification",
        "security code",
        "authenticator",
        "token",
        "code",
    ]
    .iter()
    .any(|k| hay.contains(k));
    let shaped = i.inputmode == "numeric" && i.maxlength.is_some_and(|m| (4..=10).contains(&m));
    named || shaped
}

pub fn analyze(snap: &Snapshot, url_description: Option<&str>) -> PageSignals {
    let mut out = PageSignals::default();
    let page = &snap.page;
    out.otp_input = page.forms.iter().flat_map(|f| &f.inputs).any(is_otp_input);
    if out.otp_input {
        let detail = "the page is an MFA step (one-time-code input present)".into();
        let e = Evidence::new(Source::PageForm, Rule::FormOneTimeCodeInput, detail, 0.2);
        out.evidence.push(e);
    }
    let lexicons = text::page_lexicons(page.lang.as_deref(), &page.title, &page.text);
    let words = text::language_words(&text::page_language(page.lang.as_deref(), &page.text));
    let how = |weight, source, limit| Reading {
        weight,
        otp_context: out.otp_input,
        source,
        limit,
        lexicons,
        words,
    };
    let (url, alert, title) = (
        how(3.0, Source::PageUrl, 20),
        how(3.0, Source::PageText, 20),
        how(1.5, Source::PageText, 5),
    );
    // The body text also contains the alerts; it adds weight to what they say
    // and catches messages that are not marked up as alerts.
    let body = how(1.0, Source::PageText, 200_000);
    if let Some(d) = url_description {
        judge_text(&mut out, d, &url);
    }
    for a in page.alerts.iter().take(50) {
        judge_text(&mut out, a, &alert);
    }
    // The page's alerts are its message: a code they name is the message's
    // ("Your session expired. Enter the code again."), one named only
    // around them is the step's own furniture ("Enter the 6-digit code
    // from your authenticator app").
    let alerted = page.alerts.iter().any(|a| !a.trim().is_empty());
    let code_in_alerts = out.code_named;
    if !page.title.is_empty() {
        judge_text(&mut out, &page.title, &title);
    }
    judge_text(&mut out, &page.text, &body);
    // A heading "Session expired" over "Your session has expired. Please
    // sign in again": the bare expiry and the one with a sign-in over are
    // one event, the session lost, however much a heading weighs; so are a
    // heading "Page expired" over it (Laravel's "Sorry, your session has
    // expired. Please refresh and try again."). Not when a code, a
    // challenge or a step ran out anywhere on the page.
    // A bare "Your session has expired" ("Sesja wygasła. Spróbuj
    // ponownie", "セッションはタイムアウトしました") on a page that names no
    // code or challenge is the signed-in session lost, as the label rules
    // count a session timeout (and as a clock that drifts or a cookie not
    // kept makes one run out at once): not "Session timed out" over "Type
    // the code again", nor "Your session expired. Please sign in again and
    // request a new code". A page that expired stays an expired step.
    let code_named = if alerted {
        code_in_alerts
    } else {
        out.code_named
    };
    let session_lost = out.session_timed_out || (out.bare_session_itself && !code_named);
    if session_lost && out.bare_session_expiry && !out.other_expiry {
        let expired = out.votes_for(Judgement::Expired);
        out.raise_vote(Judgement::Session, expired);
        if let Some(v) = out.votes.get_mut(Judgement::Expired.index()) {
            *v = 0.0;
        }
        if out.session_timed_out {
            out.evidence
                .retain(|e| e.rule != Rule::TextChallengeExpired);
        } else {
            // The bare expiry is the only word of it: it stays, as the
            // session's.
            for e in &mut out.evidence {
                if e.rule == Rule::TextChallengeExpired {
                    e.rule = Rule::TextSessionMissing;
                }
            }
        }
    }

    for r in page.resend.iter().take(20) {
        let secs = r
            .countdown_s
            .or_else(|| clock_countdown(&r.text))
            .or_else(|| duration_in(&text::TokenBuf::default().fill(&r.text)));
        if let Some(secs) = secs.filter(|s| *s > 0) {
            out.cooldown_s = Some(out.cooldown_s.map_or(secs, |c| c.max(secs)));
            let w = if r.disabled { 0.8 } else { 0.5 };
            out.resend_countdown = out.resend_countdown.max(w);
            out.vote(Judgement::Rate, w, None);
            let detail = format!(
                "resend control in cooldown: {secs} s left{}",
                if r.disabled { " (disabled)" } else { "" }
            );
            let e = Evidence::new(Source::PageForm, Rule::FormResendCooldown, detail, 0.5);
            out.evidence
                .push(e.saying(Msg::new("ev.resend_cooldown_wait").secs("wait", secs)));
        }
    }
    match page.status {
        Some(429) => {
            out.vote(Judgement::Rate, 3.0, None);
            out.evidence.push(ev_status(
                Rule::Status429,
                "HTTP 429 Too Many Requests: the server is rate-limiting",
                0.9,
            ));
        }
        Some(419) => {
            out.vote(Judgement::Session, 3.0, None);
            out.evidence.push(ev_status(
                Rule::Status419,
                "HTTP 419 Page Expired: the CSRF or session token did not match",
                0.8,
            ));
        }
        // No status known, but the page is headed "419 | Page Expired",
        // in any language, or by a bare "419" with nothing else read.
        None if headed_419(page, lexicons, &out) => {
            out.vote(Judgement::Session, 3.0, None);
            out.evidence.push(ev_status(
                Rule::Status419,
                "a heading names HTTP 419 Page Expired: the CSRF or session token did not match",
                0.8,
            ));
        }
        Some(431) => {
            out.vote(Judgement::TooLarge, 3.0, None);
            out.evidence.push(ev_status(
                Rule::Status431,
                "HTTP 431 Request Header Fields Too Large",
                0.9,
            ));
        }
        _ => {}
    }
    // "That code is incorrect" beside "Resend code (0:38)": a resend button
    // counting down is the code step's furniture, and the code's own
    // failure on the page is what happened. A limit said otherwise stays.
    if out.code_failed && !out.other_limit && out.votes_for(Judgement::Rate) <= out.resend_countdown
    {
        if let Some(v) = out.votes.get_mut(Judgement::Rate.index()) {
            *v = 0.0;
        }
    }
    out
}

/// A short page headed by 419 ([`crate::codes::heading_419`]) counts as the
/// status 419 when the heading's other words say a page expired ("419 |
/// Page Expired", "419 | Seite abgelaufen"), or when they are none or only
/// "error", "HTTP" or "status" and the page reads nothing else. "Order
/// #419" and "Error 419" over a code that expired are no such page.
fn headed_419(page: &crate::snapshot::Page, lexicons: u64, out: &PageSignals) -> bool {
    let Some(rest) = crate::codes::heading_419(&page.title, &page.text) else {
        return false;
    };
    let nothing_else = out.votes.iter().all(|v| *v == 0.0);
    if ["error", "http", "http error", "status"].contains(&rest.to_ascii_lowercase().as_str()) {
        return nothing_else;
    }
    // A bare "419" line: its reason is the heading's other line.
    let first: String;
    let said = if rest.is_empty() {
        first = page
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        first.as_str()
    } else {
        rest
    };
    let mut buf = text::TokenBuf::default();
    let toks = buf.fill(said);
    let mut matches = Vec::new();
    text::lexicon().scan_in(&toks, lexicons, &mut matches);
    let page_expired = matches
        .iter()
        .any(|m| m.concepts.has(C::Token) && m.concepts.has(C::Expired));
    (page_expired && out.votes_for(Judgement::Expired) > 0.0) || (rest.is_empty() && nothing_else)
}

fn ev_status(rule: Rule, detail: &str, weight: f32) -> Evidence {
    Evidence::new(Source::PageStatus, rule, detail.into(), weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(text: &str) -> Option<Judgement> {
        judged(text).map(|x| x.0)
    }

    fn rule(text: &str) -> Option<Rule> {
        judged(text).map(|x| x.1)
    }

    fn judged(text: &str) -> Option<(Judgement, Rule, f32)> {
        judged_in(text, false)
    }

    /// [`judged`] on a page with a one-time-code input (`otp_context`).
    fn judged_in(text: &str, otp_context: bool) -> Option<(Judgement, Rule, f32)> {
        let mut b = text::TokenBuf::default();
        let toks = b.fill(text);
        let mut matches = text::lexicon().scan(&toks);
        prefer_account(&mut matches, || false);
        let mut set = Concepts::default();
        for m in &matches {
            set = union(set, m.concepts);
        }
        judge(
            &Sentence {
                set,
                toks: &toks,
                matches: &matches,
                after_failure: false,
                after_verdict: false,
                after_cred: false,
                after_code: false,
                after_wrong_code: false,
                after_loop: false,
                after_expiry: false,
                after_unanswered: false,
                unanswered: std::cell::OnceCell::new(),
                after_heading: false,
                after_commerce: false,
                after_block: false,
                after_unplaced_error: false,
                next_reload: false,
                next_clock: false,
                next_link: false,
                next_block: false,
                next_resubmit: false,
                next_relogin: false,
                idle: text::lexicon().word_in(Word::Idle, &toks, u64::MAX),
                next_fault: false,
                signed_out: text::lexicon().word_in(Word::SignedOut, &toks, u64::MAX),
                after_success: false,
                question: is_question(text),
                words: u64::MAX,
            },
            otp_context,
        )
    }

    #[test]
    fn a_wait_is_a_number_and_a_unit_but_not_a_window() {
        use Judgement::*;
        let secs = |t: &str| {
            let mut b = text::TokenBuf::default();
            duration_in(&b.fill(t))
        };
        // "After", "wait": the unit inside a longer phrase is still the unit.
        assert_eq!(secs("请在5分钟之后重试"), Some(300));
        assert_eq!(secs("5분 기다려 주세요"), Some(300));
        assert_eq!(secs("Locked for 30 minutes"), Some(1800));
        assert_eq!(secs("second factor required"), None);
        // "Within", "during": a window, no wait (an attacker's review: "5
        // failures in the last 10 minutes", "valid for 24 hours").
        assert_eq!(secs("账户已被锁定，因为在5分钟内输错密码5次。"), None);
        assert_eq!(secs("최근 10분 동안 5회 이상 실패"), None);
        assert_ne!(j("账户已被永久锁定，请在24小时内联系管理员。"), Some(Rate));
        // Korean present tense is also the future: "will be locked" after
        // "if wrong 5 times" is a warning, not a lock.
        assert_eq!(j("비밀번호를 5회 이상 틀리면 계정이 잠깁니다."), None);
    }

    #[test]
    fn an_email_domain_refused_is_a_policy_a_cookie_domain_a_fault() {
        use Judgement::*;
        for text in [
            "The domain associated with your email is not allowed.",
            "Die Domäne, die mit deiner E-Mail-Adresse verknüpft ist, wurde nicht erlaubt.",
            "与您的电子邮件地址相关联的域名未被允许在此工作区使用。",
        ] {
            assert_ne!(j(text), Some(Session), "{text}");
        }
        for text in [
            "Cookie domain not allowed.",
            "Ihr Browser blockiert Cookies und Website-Daten von Drittanbietern.",
        ] {
            assert_eq!(j(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn a_limit_that_names_a_timeout_keeps_its_wait() {
        for (text, secs) in [
            (
                "The request timed out because too many requests were sent. \
                 Try again in 60 seconds.",
                60,
            ),
            (
                "요청 시간 초과: 요청이 너무 많습니다. 30초 후에 다시 시도하세요.",
                30,
            ),
        ] {
            assert_eq!(read_text(text).cooldown_s, Some(secs), "{text}");
        }
    }

    #[test]
    fn a_request_or_gateway_that_timed_out_is_no_limit_and_no_expired_step() {
        for text in [
            "Request timed out. Please try again later.",
            "リクエストがタイムアウトしました。後でもう一度やり直してください",
            "요청이 시간 초과되었습니다. 나중에 다시 시도해 주십시오",
            "İstek zaman aşımına uğradı, lütfen daha sonra tekrar deneyin",
            "La solicitud excedió el tiempo de espera, por favor intente de nuevo más tarde",
            "请求超时，请稍后再试",
            "Gateway Timeout",
            "Timeout del gateway",
            "게이트웨이 타임아웃",
        ] {
            let got = judged_in(text, true).map(|x| x.0);
            assert!(
                !matches!(got, Some(Judgement::Rate | Judgement::Expired)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_state_that_does_not_match_is_a_boundary_fault_but_a_state_is_a_common_word() {
        use Judgement::*;
        for text in [
            "Stato non corrispondente, impossibile continuare!",
            "Durum eşleşmiyor, devam edilemiyor!",
            "状态不匹配，无法继续！",
            "상태가 일치하지 않아 계속할 수 없습니다!",
            "State mismatch, refusing to continue!",
        ] {
            assert_eq!(j(text), Some(Session), "{text}");
        }
        // Italian "stato" is also "been", Turkish "durum" a status.
        for text in ["L'account è stato bloccato.", "Hesap durumu: devre dışı."] {
            assert_ne!(j(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn what_is_not_the_users_code_on_the_mfa_step() {
        use Judgement::*;
        let on_mfa = |t: &str| judged_in(t, true).map(|x| x.0);
        // A bare verdict on the MFA step is said of the code.
        assert_eq!(on_mfa("That is wrong, please try again."), Some(Invalid));
        // Set up wrong is the operator's fault, whatever is named.
        assert_eq!(
            on_mfa("This usually happens because of a misconfiguration or a software error."),
            Some(Other)
        );
        assert_eq!(
            on_mfa("Two-factor authentication is misconfigured on this server."),
            Some(Other)
        );
        assert_eq!(on_mfa("Something wrong happened."), Some(Other));
        // An invitation and a password-recovery token are no sign-in step.
        assert_eq!(on_mfa("This invitation has expired."), Some(Other));
        assert_eq!(j("The recovery token is invalid."), Some(Other));
        // The word after an elided article: "all'invito", "l'email".
        assert_eq!(on_mfa("L'email non corrisponde all'invito."), Some(Other));
        assert_eq!(on_mfa("L’invitation a expiré."), Some(Other));
    }

    #[test]
    fn a_wait_ends_a_block_and_a_session_quota_is_no_limit() {
        use Judgement::*;
        // A block the user is asked to wait out ends; a page that asks to
        // wait while it works says no failure.
        assert_eq!(j("User is locked, please wait."), Some(Rate));
        assert_eq!(
            j("L'utilisateur est verrouillé, veuillez patienter."),
            Some(Rate)
        );
        assert_eq!(j("Please wait while we sign you in."), None);
        assert_eq!(j("Your account is locked."), Some(Other));
        // Sessions counted are no attempts counted.
        for quota in [
            "The maximum number of sessions has been reached.",
            "The session quota is exhausted.",
            "Maximales Sitzungslimit erreicht.",
        ] {
            assert_ne!(j(quota), Some(Rate), "{quota}");
        }
        assert_eq!(
            j("Too many login attempts in this session, try again later."),
            Some(Rate)
        );
    }

    #[test]
    fn judgements() {
        use Judgement::*;
        assert_eq!(j("Invalid authenticator code."), Some(Invalid));
        assert_eq!(j("Your verification code has expired."), Some(Expired));
        assert_eq!(j("Too many attempts. Try again later."), Some(Rate));
        assert_eq!(j("There are too many sessions"), None);
        // A limit that names a boundary is still a limit; a boundary that
        // is wrong on its own is a session fault.
        assert_eq!(
            j("Your IP address has been blocked after too many login attempts."),
            Some(Rate)
        );
        assert_eq!(j("Invalid state cookie."), Some(Session));
        // "Try again later" after a failure that names no limit is advice;
        // after a lock it is the end of a temporary lock.
        assert_eq!(
            j("Failed to send email, please try again later."),
            Some(Other)
        );
        assert_eq!(
            j("This account has been locked out, please try again later."),
            Some(Rate)
        );
        // "too often" / "too frequently" are rate words on their own; only
        // "too many" needs an object.
        assert_eq!(j("You requested a code too often."), Some(Rate));
        assert_eq!(j("You are sending codes too frequently"), Some(Rate));
        // "exceeded" counts as a limit only with what was counted.
        assert_eq!(
            j("You exceeded the maximum number of requests."),
            Some(Rate)
        );
        assert_eq!(
            j("The maximum allowed number of second factors on a user has been exceeded."),
            None
        );
        // A code that could not be sent is no wrong code; one that could not be verified is.
        assert_eq!(j("Failed to send the SMS code."), Some(Other));
        assert_eq!(j("Failed to verify your one-time code."), Some(Invalid));
        assert_eq!(j("Two-factor authentication failed."), Some(Invalid));
        assert_eq!(
            j("CSRF verification failed. Request aborted."),
            Some(Session)
        );
        assert_eq!(
            j("Cookie not found. Please make sure cookies are enabled."),
            Some(Session)
        );
        assert_eq!(j("Invalid username or password."), Some(Other));
        assert_eq!(
            j("Your account is locked. Please contact your administrator."),
            Some(Other)
        );
        assert_eq!(
            j("Enter the 6-digit code from your authenticator app"),
            Some(Other)
        );
        assert_eq!(j("Your one-time password is incorrect"), Some(Invalid));
        assert_eq!(
            j("The session isn't valid due to password expiration"),
            Some(Other)
        );
        assert_eq!(
            j("400 Bad Request: Request Header Or Cookie Too Large"),
            Some(TooLarge)
        );
    }

    /// Wordings met on products outside the corpora (tests/corpus/fresh.md),
    /// checked here in other words than theirs.
    #[test]
    fn wordings_beyond_the_corpus() {
        use Judgement::*;
        // "could not be found" is "not found" with words between.
        assert_eq!(j("Your login session cannot be found."), Some(Session));
        assert_eq!(j("The session was not found on this server"), Some(Session));
        // A request or gateway timeout is a network failure, not an expired challenge.
        assert_eq!(j("504 Gateway Timeout"), Some(Other));
        assert_eq!(j("The request timed out. Please retry."), Some(Other));
        assert_eq!(j("Your sign-in request timed out."), Some(Other));
        // A push request that timed out is the approval's.
        assert_eq!(j("The push request timed out."), Some(Expired));
        assert_eq!(j("Your login attempt timed out."), Some(Expired));
        // A session bound to the browser's user agent, or a lost auth request.
        assert_eq!(
            j("The user agent does not match the session"),
            Some(Session)
        );
        assert_eq!(j("Auth request not found"), Some(Session));
        // Firebase: the "auth credential" is the sign-in credential; the
        // "phone auth credential" carries the SMS code.
        assert_eq!(
            j("The supplied auth credential is malformed or has expired."),
            Some(Other)
        );
        assert_eq!(
            j("The SMS code used to create the phone auth credential is invalid."),
            Some(Invalid)
        );
        // "MFA" naming a method or type is not the code.
        assert_eq!(j("Invalid MFA type"), Some(Other));
        assert_eq!(j("Unsupported two-factor method."), Some(Other));
        assert_eq!(j("Invalid MFA code"), Some(Invalid));
        // An inactive session is a missing one, not an inactive (blocked) account.
        assert_eq!(j("Your session is no longer active."), Some(Session));
        assert_eq!(j("Your account is not active."), Some(Other));
        // Chrome's DNS error page: the server's IP address is not a session boundary.
        assert_eq!(
            j("app-internal’s server IP address could not be found."),
            Some(Other)
        );
        assert_eq!(j("Your IP address has changed"), Some(Session));
        // A sign-in from another address, with a sign-in over said next;
        // "Łączysz się" (you are connecting) is no sign-in link ("łącze").
        for t in [
            "You are logging in from a different IP address. Please log in again.",
            "Stai accedendo al sistema da un IP diverso. Per favore rifai il login.",
            "Łączysz się z innego adresu IP. Zaloguj się ponownie.",
        ] {
            assert_eq!(j(t), Some(Session), "{t}");
        }
        for t in [
            "You are logging in from a different IP address. Is this you?",
            "Neue Anmeldung von einer anderen IP-Adresse. Warst du das?",
        ] {
            assert_ne!(j(t), Some(Session), "{t}");
        }
        // "현재 인증" (the current sign-in) holds no "재인증" (sign in again).
        assert_ne!(j("현재 인증 세션 정보를 불러오는 중입니다."), Some(Session));
        // "expected X, but got Y" is a mismatch.
        assert_eq!(j("Expected state abc123 but got def456"), Some(Session));
        // German: compounds end in the head noun; "zu viele" needs an object like "too many".
        assert_eq!(j("Anmeldesitzung nicht gefunden."), Some(Session));
        assert_eq!(j("Es gibt zu viele offene Sitzungen"), None);
        assert_eq!(j("Zu viele Fehlversuche. Bitte warten."), Some(Rate));
        assert_eq!(j("Fehlender Nonce in der Antwort"), Some(Session));
        // A push request nobody answered in time is an expired challenge.
        assert_eq!(
            j("We sent a verification request to your phone, but you didn't respond in time."),
            Some(Expired)
        );
        assert_eq!(
            j("The approval request was not responded in time"),
            Some(Expired)
        );
        // Where the code was sent is the MFA step's prompt, not a failure of
        // the sign-in credentials; a missing credential still is.
        assert_eq!(
            rule("Enter the passcode sent to your email."),
            Some(Rule::TextStepRequired)
        );
        assert_eq!(
            rule("Enter the code we texted to your phone number"),
            Some(Rule::TextStepRequired)
        );
        assert_eq!(
            rule("Email and password are required."),
            Some(Rule::TextCredentials)
        );
        assert_eq!(
            rule("Please enter your password."),
            Some(Rule::TextCredentials)
        );
    }

    /// Rules read concepts, not English words: the anti-forgery token, a
    /// step that failed (not "failed to send"), a request header too large,
    /// each in English and in two other scripts, with a near miss.
    #[test]
    fn concepts_every_language_reads() {
        use Judgement::*;
        for (t, want) in [
            (
                "Rejected to protect you from cross-site request forgery.",
                Some(Session),
            ),
            ("The request was rejected.", Some(Other)),
            (
                "Refusée : falsification de requête intersite.",
                Some(Session),
            ),
            ("La requête a été refusée.", Some(Other)),
            (
                "为保护您免受跨站请求伪造攻击，该请求已被拒绝",
                Some(Session),
            ),
            ("该请求已被拒绝", Some(Other)),
        ] {
            assert_eq!(j(t), want, "{t}");
        }
        for (t, want) in [
            ("Two-factor authentication failed.", Some(Invalid)),
            ("Failed to send the SMS code.", Some(Other)),
            ("Der Sicherheitscode wurde zurückgewiesen.", Some(Invalid)),
            ("SMS-Code: Versand fehlgeschlagen.", Some(Other)),
            ("二段階認証に失敗しました。", Some(Invalid)),
            ("確認コードの送信に失敗しました。", Some(Other)),
            ("动态口令被拒绝", Some(Invalid)),
            ("验证码发送失败", Some(Other)),
        ] {
            assert_eq!(j(t), want, "{t}");
        }
        for (t, want) in [
            ("Request header too large", Some(TooLarge)),
            ("The file is too large", None),
            ("Anfrage-Header zu groß", Some(TooLarge)),
            ("Die Datei ist zu groß", None),
            ("リクエストヘッダーが大きすぎます", Some(TooLarge)),
            ("ファイルが大きすぎます", None),
        ] {
            assert_eq!(j(t), want, "{t}");
        }
    }

    /// A browser that blocks, refuses or disabled cookies, asked or stated,
    /// is a cookie fault; the same verb without a cookie is not.
    #[test]
    fn cookies_refused_in_every_language() {
        use Judgement::*;
        for t in [
            "Are you blocking cookies?",
            "Your browser does not accept cookies.",
            "Votre navigateur bloque-t-il les cookies ?",
            "Votre navigateur n'accepte pas les cookies.",
            "Blockierst du Cookies?",
            "Cookieをブロックしていませんか？",
            "您的浏览器不接受 Cookie。",
        ] {
            assert_eq!(j(t), Some(Session), "{t}");
        }
        for t in [
            "Are you blocking pop-ups?",
            "Bloquez-vous les fenêtres pop-up ?",
            "ポップアップをブロックしていませんか？",
            "We use cookies to improve your experience.",
        ] {
            assert_ne!(j(t), Some(Session), "{t}");
        }
        // The question after a failed check is the failure the page reports.
        let msg = "Security verification failed. Are you blocking cookies?";
        let out = read_text(msg);
        assert!(out.votes_for(Session) > out.votes_for(Other), "{msg}");
    }

    /// Throttled or limited, as one word or beside what was counted, is a
    /// rate limit; a limit on a length or a size stays none.
    #[test]
    fn limited_requests_in_every_language() {
        use Judgement::*;
        for t in [
            "Limited",
            "Requests limited",
            "Limitato",
            "Richieste limitate",
            "Deine Anfragen wurden gedrosselt",
            "请求被限制",
            "已被限制",
            "リクエストが制限されています",
            // Limited for a while.
            "Sign-in is limited for 5 minutes.",
            "次回のログインは最大30秒間抑制されます。",
        ] {
            assert_eq!(j(t), Some(Rate), "{t}");
        }
        for t in [
            "The name is limited to 64 characters.",
            "Storage is limited on this plan.",
            "Il nome è limitato a 64 caratteri.",
            "存储空间受限",
            "名前は64文字に制限されています。",
            "通知は抑制されています。",
        ] {
            assert_ne!(j(t), Some(Rate), "{t}");
        }
    }

    /// "Too many" counts with what was counted after it, or just before it
    /// where a language names the object first; not with other nouns.
    #[test]
    fn too_many_looks_both_ways() {
        use Judgement::*;
        for t in [
            "Too many attempts.",
            "ログインの試行回数が多すぎます。",
            "尝试次数过多",
            "요청이 너무 많습니다",
        ] {
            assert_eq!(j(t), Some(Rate), "{t}");
        }
        for t in [
            "There are too many sessions",
            "開いているセッションが多すぎます",
            "打开的会话过多",
        ] {
            assert_ne!(j(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_recovery_form_on_an_mfa_step_is_no_block() {
        for t in [
            "Lost access to your device? Contact Administrator",
            "Contact Administrator",
            "If you have lost your device or your account is locked, contact your administrator.",
            "Wenn Sie keinen Zugriff mehr haben, wenden Sie sich an Ihren Administrator.",
        ] {
            assert_ne!(rule(t), Some(Rule::TextAccountBlocked), "{t}");
        }
        // A block stays a block, with or without the administrator.
        for t in [
            "Your account is locked. Contact your administrator.",
            "Your account has been disabled, please contact your administrator.",
            "Ihr Konto wurde gesperrt.",
        ] {
            assert_eq!(rule(t), Some(Rule::TextAccountBlocked), "{t}");
        }
    }

    /// A whole text read as page text, sentence after sentence, with every
    /// lexicon.
    fn read_text(text: &str) -> PageSignals {
        read_text_on(text, false)
    }

    /// [`read_text`] on a page with a one-time-code input or without.
    fn read_text_on(text: &str, otp_context: bool) -> PageSignals {
        let mut out = PageSignals::default();
        let how = Reading {
            weight: 1.0,
            otp_context,
            source: Source::PageText,
            limit: 20,
            lexicons: u64::MAX,
            words: u64::MAX,
        };
        judge_text(&mut out, text, &how);
        out
    }

    /// The judgement with the most votes over a whole text, if any.
    fn strongest(text: &str) -> Option<Judgement> {
        top(&read_text(text))
    }

    /// The judgement with the most votes, if any.
    fn top(out: &PageSignals) -> Option<Judgement> {
        use Judgement::*;
        [Invalid, Expired, Rate, Session, Other]
            .into_iter()
            .map(|k| (k, out.votes_for(k)))
            .filter(|(_, v)| *v > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
    }

    /// Votes of a whole text for a limit and for another failure.
    fn votes(text: &str) -> [f32; 2] {
        let out = read_text(text);
        [
            out.votes_for(Judgement::Rate),
            out.votes_for(Judgement::Other),
        ]
    }

    #[test]
    fn a_limit_followed_by_a_block_with_no_end_is_a_block() {
        let [rate, other] =
            votes("You have exceeded the maximum number of attempts. Contact an administrator.");
        assert!(rate == 0.0 && other > 0.0, "{rate} {other}");
        // A wait or a retry of the attempt next keeps it a limit.
        for text in [
            "Too many attempts. Contact an administrator or try again in 5 minutes.",
            "The number of failed attempts exceeded the limit. Restart the sign-in attempt \
             and if the problem persists, contact your administrator.",
        ] {
            let [rate, _] = votes(text);
            assert!(rate > 0.0, "{text}");
        }
    }

    #[test]
    fn attempts_left_are_a_warning_and_a_code_said_wrong_first_is_the_code() {
        use Judgement::*;
        assert_eq!(
            j("Password or code is incorrect, you have 2 remaining attempts."),
            Some(Other)
        );
        assert_eq!(
            j("The verification code is incorrect, you have 2 attempts left."),
            Some(Invalid)
        );
        assert_eq!(j("3 attempts remaining."), None);
        // The clock named after a wrong code is a possible cause of it; a
        // clock that made a token fail is the fault.
        assert_eq!(
            j("The OTP code is invalid, or the server time is wrong."),
            Some(Invalid)
        );
        assert_eq!(
            j("The authorization token could not be verified because of server clock differences."),
            Some(Session)
        );
        assert_eq!(j("Invalid two factor cookie"), Some(Session));
        // A session's data is no credential.
        assert_eq!(
            j("Die Authentifizierung ist nicht im Gang oder es sind \
               Sitzungsdaten verloren gegangen."),
            Some(Session)
        );
    }

    #[test]
    fn a_retry_after_a_bare_heading_keeps_its_reading() {
        // "Error" as a heading says nothing of what failed: the retry
        // after it is the page's only word, a limit.
        for text in [
            "Error\nPlease try again later.",
            "エラー\nしばらくしてから再試行してください。",
        ] {
            let [rate, _] = votes(text);
            assert!(rate > 0.0, "{text}");
        }
        // A heading that names the failure keeps the retry as advice.
        let [rate, _] = votes("Sending failed.\nPlease try again later.");
        assert!(rate == 0.0);
    }

    #[test]
    fn where_a_code_was_sent_is_no_credential() {
        use Judgement::*;
        for text in [
            "The code we sent to your email address is incorrect.",
            "Der per E-Mail gesendete Bestätigungscode ist ungültig.",
            "El código de verificación que te enviamos por correo electrónico no es válido.",
            "メールで送信した確認コードが無効です。",
            "이메일로 보낸 인증 코드가 유효하지 않습니다.",
            "发送到您邮箱的验证码不正确。",
            "Telefon numaranıza gönderilen doğrulama kodu geçersiz.",
            // After the verdict, as what the code was sent to.
            "Le code que vous avez entré ne correspond pas au code fourni à \
             l'adresse {emailAddress}.",
            "Wprowadzony kod nie pasuje do wysłanego na {emailAddress}.",
        ] {
            assert_eq!(strongest(text), Some(Invalid), "{text}");
        }
        // An alternative, a failure to send, a contact judged with nothing
        // sent: the credential's.
        for text in [
            "Invalid email or verification code.",
            "The email or code we sent is incorrect.",
            "发送验证码到邮箱失败。",
            "Saving the MFA settings failed (probably an invalid email).",
            "Your email address is invalid.",
        ] {
            assert_ne!(strongest(text), Some(Invalid), "{text}");
        }
    }

    #[test]
    fn an_application_named_after_the_expiry_is_where_to_go() {
        use Judgement::*;
        assert_eq!(
            strongest("Your session expired, please return to the application and sign in again."),
            Some(Session)
        );
        assert_eq!(strongest("会话已过期，请返回应用重新登录。"), Some(Session));
        // Named before it, the account may be what ran out.
        assert_ne!(
            strongest("Your account has expired, please sign in again."),
            Some(Session)
        );
    }

    #[test]
    fn a_session_that_ran_out_while_idle_is_the_signed_in_session() {
        use Judgement::*;
        for text in [
            "Your session has expired due to inactivity.",
            "Ihre Sitzung ist wegen Inaktivität abgelaufen.",
            "長時間操作がなかったため、セッションの有効期限が切れました。",
            "由于长时间未操作，会话已过期。",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // A code or step that ran out stays the step's; an inactive
        // account is no session.
        assert_eq!(
            strongest("Your verification code expired due to inactivity."),
            Some(Expired)
        );
        assert_ne!(
            strongest("This account is currently inactive."),
            Some(Session)
        );
        // Idleness beside an expiry still to come warns, or states a
        // policy: nothing failed.
        for text in [
            "Due to inactivity, your session will expire in 5 minutes.",
            "Debido a la inactividad, la sesión expirará en 5 minutos.",
            "Votre session arrivera à expiration dans 5 minutes en raison d'une inactivité.",
            "Sessions expire after 30 minutes of inactivity.",
        ] {
            assert_eq!(strongest(text), None, "{text}");
        }
    }

    #[test]
    fn a_sign_in_not_finished_in_time_ran_out() {
        for text in [
            "You took too long to log in.",
            "Du hast zu lange gebraucht, um dich einzuloggen.",
            "Vous avez mis trop de temps à vous connecter.",
            "Te has tardado mucho en iniciar sesión.",
            "Você demorou muito para logar.",
            "Giriş yapmak için çok uzun sürdünüz.",
            "로그인하는 데 너무 오래 걸렸습니다.",
            "Die Authentifizierungszeit ist abgelaufen.",
            "Le temps imparti pour vous connecter a expiré.",
            // A credential being entered is the sign-in.
            "You took too long to enter the password.",
            "Het invoeren van het wachtwoord duurde te lang.",
            "输入密码超时",
        ] {
            assert_eq!(strongest(text), Some(Judgement::Expired), "{text}");
        }
        // A page or a server that was slow, an account left unused, a
        // cause offered, a password's length: none is the step that ran out.
        for text in [
            "Loading the login page took too long. Check your connection.",
            "Vous ne vous êtes pas connecté depuis trop longtemps.",
            "Login time: 14:30",
            "The password you entered is too long.",
            "You have not changed your password for too long.",
        ] {
            assert_ne!(strongest(text), Some(Judgement::Expired), "{text}");
        }
    }

    #[test]
    fn the_time_left_of_a_block_is_a_wait_and_a_clock_to_check_blames_the_token() {
        use Judgement::*;
        for text in [
            "Your IP address was blocked. Remaining time: 5 minutes",
            "Adresiniz bloke edildi. Kalan yasaklama süresi: 5 dakika",
            "This account has been locked. You will not be able to log in for 24 hours.",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
        // A code's time left is its validity, and an account never used
        // for a while is no wait.
        assert_ne!(
            strongest("Enter the code. Time remaining: 5 minutes"),
            Some(Rate)
        );
        assert_ne!(strongest("You have not logged in for 30 days."), Some(Rate));
        // A token that failed, then the clocks to check: the clock.
        assert_eq!(
            strongest(
                "토큰이 만료되었습니다. 서버의 날짜/시간이 클라이언트와 일치하는지 확인하세요."
            ),
            Some(Session)
        );
        // The token the user entered is the code.
        assert_eq!(
            strongest(
                "Der eingegebene Token ist nicht gültig. Bitte prüfen Sie Datum und Uhrzeit \
                 Ihres Telefons."
            ),
            Some(Invalid)
        );
    }

    #[test]
    fn what_an_administrator_ended_or_an_address_may_hold_is_no_failure_of_the_sign_in() {
        for text in [
            "Your session was closed by an administrator, please log in again.",
            "Ihre Sitzung wurde von einem Administrator geschlossen.",
            "Your IP has reached the maximum number of registered accounts.",
            "The server is not fully started yet. Please wait a moment before connecting.",
        ] {
            assert_eq!(strongest(text), None, "{text}");
        }
        // An address's tries are counted, and a session that ran out is lost.
        assert_eq!(
            strongest("Too many login attempts from your IP. Try again later."),
            Some(Judgement::Rate)
        );
        assert_eq!(
            strongest("该账户已被锁定，24小时无法登录。"),
            Some(Judgement::Rate)
        );
    }

    #[test]
    fn a_pin_code_in_one_word_is_the_pin_and_making_sure_of_cookies_is_advice() {
        for text in [
            "Ongeldige pincode",
            "Ungültiger Pincode",
            "Code PIN incorrect",
        ] {
            assert_eq!(strongest(text), Some(Judgement::Other), "{text}");
        }
        // A code named with it, or a confirmation PIN, is the code.
        for text in [
            "Ongeldige sms-pincode",
            "De bevestigings-pincode is onjuist.",
        ] {
            assert_eq!(strongest(text), Some(Judgement::Invalid), "{text}");
        }
        assert_eq!(
            strongest("Bitte versichere dich, dass dein Browser Cookies akzeptiert."),
            Some(Judgement::Session)
        );
    }

    #[test]
    fn a_validity_after_the_code_it_names_is_no_wait() {
        for text in [
            "We sent a 6-digit code to your email. It expires in 10 minutes.",
            "Wir haben Ihnen einen Code gesendet. Er läuft in 10 Minuten ab.",
            "Te enviamos un código. Caduca en 10 minutos.",
        ] {
            let [rate, _] = votes(text);
            assert!(rate == 0.0, "{text}");
        }
        // After a limit, what expires is the lock.
        let [rate, _] = votes("Too many attempts. It expires in 10 minutes.");
        assert!(rate > 0.0);
    }

    #[test]
    fn a_redirect_address_not_registered_is_the_deployments() {
        use Judgement::*;
        for text in [
            "The redirect_uri is not registered for this application.",
            "Der redirect_uri ist für diese Anwendung nicht registriert.",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // A security key not registered for this domain is the key's: the
        // domain alone is refused, as a sign-in policy.
        assert_ne!(
            strongest(
                "Your security key is not registered for this domain. \
                 Please log in at example.com."
            ),
            Some(Session)
        );
    }

    #[test]
    fn a_sign_in_started_in_another_browser_holds_its_state_there() {
        use Judgement::*;
        for text in [
            "This sign-in was started in another browser or tab. \
             Go back to that tab, or start again here.",
            "Die Sitzung wurde in einem anderen Tab oder Browser gestartet.",
            "该登录已在其他标签页或浏览器中发起。",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // Advice, news and denials are not.
        for text in [
            "Don't open the sign-in link in another browser.",
            "To sign in with another account, open a different browser.",
            "Your session is open in another tab.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn an_attackers_counter_examples_to_the_sixteenth_sessions_words() {
        use Judgement::*;
        // A code never sent, and a contact that is itself what failed.
        for text in [
            "We could not send the code because your email address is invalid",
            "Der Code konnte nicht gesendet werden: Die E-Mail-Adresse ist ungültig",
            "Il codice non è stato inviato: il numero di telefono non è valido.",
            "验证码发送失败：手机号码无效",
            "確認コードを送信したメールアドレスは無効です",
            // Turkish puts the clause before its noun, as Japanese does.
            "Doğrulama kodu gönderilen telefon numarası geçersiz.",
            "The email address you received the code at is no longer valid",
        ] {
            assert!(
                !matches!(strongest(text), Some(Invalid | Expired)),
                "{text}"
            );
        }
        // Security alerts, meetings and "get started" are no sign-in's state.
        for text in [
            "Security alert: a new sign-in was started in a different browser (Firefox on Linux).",
            "Ihre Videokonferenz-Sitzung wurde in einem anderen Fenster gestartet.",
            "To get started, open the login page in another tab.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
        // Clock words with no clock.
        for text in [
            "Go ahead and enter the 6-digit code from your authenticator app.",
            "Sicherheit geht vor: Bitte geben Sie den Code ein.",
            "Grazie in anticipo per la pazienza mentre verifichiamo il tuo codice.",
        ] {
            assert_ne!(strongest(text), Some(Invalid), "{text}");
        }
        assert_eq!(
            strongest("Your device clock appears to be 7 minutes ahead."),
            Some(Session)
        );
        // Cookies that prevent something are no cookies refused.
        for text in [
            "We use cookies to prevent fraud and to keep you signed in.",
            "Nuestras cookies previenen el fraude.",
            "Pliki cookie uniemożliwiają oszustom przejęcie konta.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
        assert_eq!(
            strongest(
                "Your computer may be behind a firewall or proxy server that prevents \
                 cookies from being sent to or from your browser."
            ),
            Some(Session)
        );
    }

    #[test]
    fn a_session_ended_by_a_change_of_address_is_the_networks() {
        use Judgement::*;
        for text in [
            "Your session was terminated due to a significant change in your IP address.",
            "Die Sitzung wurde aufgrund einer Änderung Ihrer IP-Adresse beendet.",
            "IPアドレスの重要な変更のため、セッションが終了しました",
            "由于您的 IP 地址发生变化，您的会话已终止",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // No session ended, or an address refused: not the network's.
        for text in [
            "To change your IP address settings, open the network page.",
            "We changed our privacy policy. Your IP address is logged for security.",
            "Your session ended. Your IP address is blocked.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn an_attackers_counter_examples_to_the_seventeenth_sessions_words() {
        use Judgement::*;
        // An IP change kept, asked about or stepped up is no session ended.
        for text in [
            "Sitzungen werden nicht mehr beendet, wenn sich Ihre IP-Adresse ändert.",
            "End the session if the IP address changes (recommended).",
            "IP address changes are recorded in your session history.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
        // Advice not to ask too often beside a server error is no limit.
        for text in [
            "Serverfehler – fordern Sie Codes nicht zu oft an und versuchen Sie es später erneut.",
            "服务器错误，请勿频繁获取验证码，稍后再试。",
        ] {
            assert_ne!(strongest(text), Some(Rate), "{text}");
        }
        // A Turkish sentence's verb is no clause before a noun.
        assert_eq!(
            strongest("Kod e-posta ile gönderildi ancak geçersiz."),
            Some(Invalid)
        );
        // A retry at a clock time is a wait; a sign-in at one is not.
        assert_eq!(
            strongest("Your account has been locked. You can try again at 14:35."),
            Some(Rate)
        );
        assert_eq!(strongest("Letzte Anmeldung um 14:35 Uhr."), None);
        // A time of day in German is no clock: "Uhr" after a time says when.
        assert_ne!(
            strongest("Wartungsarbeiten ab 14:35 Uhr. Bitte versuchen Sie es später erneut."),
            Some(Session)
        );
        assert_eq!(
            strongest("Die Uhr Ihres Geräts geht 7 Minuten vor."),
            Some(Session)
        );
        // The browser's loop stated in its words, in every language.
        for text in [
            "Cette page ne redirige pas correctement.",
            "Strona nie przekierowuje prawidłowo.",
            "リダイレクトが繰り返されたため、ログインを完了できませんでした。",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn elided_articles_rate_limiting_and_inactive_sessions_in_every_language() {
        use Judgement::*;
        // The idle session's timeout after an elided article ("l'inactivité",
        // listed joined, as phrases are), as "inactivity" is.
        for text in [
            "En raison de l'inactivité, votre session a expiré.",
            "A causa dell'inattività, la sessione è scaduta.",
            "Your session expired due to inactivity.",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // "d'un", "un'ora": an article is no word of the sentence's own.
        assert_ne!(
            strongest("Échec de la connexion en raison d'un problème de réseau."),
            Some(Session)
        );
        assert_eq!(
            strongest("È trascorsa un'ora. Sei stato disconnesso, accedi di nuovo."),
            Some(Session)
        );
        // Rate limiting named as a noun is what was limited: exceeded, it
        // is a limit; named in settings or help, none.
        for text in [
            "Sie haben die Ratenbegrenzung der Website überschritten.",
            "Vous avez dépassé la limitation de débit du site.",
            "Hai superato la limitazione della velocità del sito.",
            "Has excedido la limitación de velocidad del sitio.",
            "U heeft de snelheidsbeperking van de site overschreden.",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
        for text in [
            "Fehler beim Speichern der Ratenbegrenzungseinstellungen.",
            "Configurez la limitation de débit dans les paramètres.",
            "Ograniczenie szybkości chroni Twoje konto.",
        ] {
            assert_ne!(strongest(text), Some(Rate), "{text}");
        }
        // An inactive session is a missing one, as in English; a session
        // that is not enabled, or a count of inactive ones, is not.
        for text in [
            "La sessione è inattiva. Effettua il login.",
            "您的会话处于非活动状态。请登录。",
            "Ihre Sitzung ist inaktiv.",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        for text in [
            "Bu hesap için uzaktan oturum etkin değil.",
            "1 Sitzung inaktiv seit 3 Tagen.",
        ] {
            assert_ne!(strongest(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn a_template_slot_counts_as_a_length_and_a_page_countdown_is_no_wait() {
        use Judgement::*;
        // A slot of the template where the number goes is a length.
        for text in [
            "Your account has been locked, please try again after {{minutes}} minutes.",
            "Too many attempts. Try again in :seconds seconds.",
            "Compte verrouillé. Réessayez dans %(minutes)s minutes.",
            "您的账户已被锁定，请在 {{minutes}} 分钟后重试",
            "Te veel ongeldige verificatiecodes, je kunt het opnieuw proberen in %s.",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
        // Elsewhere it is no number: a lock that sends to someone has no end.
        assert_ne!(strongest("Your account is locked. Contact %s."), Some(Rate));
        // The page's own action counted down.
        for text in [
            "Login successful. Redirecting in 3 seconds...",
            "Sie werden in 5 Sekunden weitergeleitet.",
            "Connexion perdue. Reconnexion dans 10 secondes…",
            "Verbinde in {{seconds}} Sekunden...",
            "5秒后自动跳转",
            "5 秒後にリダイレクトします。",
        ] {
            assert_ne!(strongest(text), Some(Rate), "{text}");
        }
        // A slot that holds a name is no number, nor one a letter or a
        // comma follows ("{{username}}'s", "Hallo %s, u heeft …").
        for text in [
            "{{username}}'s account has been locked.",
            "{name}s Konto wurde gesperrt.",
            "Hallo %s, u heeft geen toegang meer.",
            "请联系%s分配权限。",
        ] {
            assert_ne!(strongest(text), Some(Rate), "{text}");
        }
        // Not when something limits, counts or asks to wait, nor when the
        // length is the user's ("try again in 5 minutes or reload the page").
        for text in [
            "Please try again in 5 minutes or reload the page.",
            "Réessayez dans 5 minutes, vous allez être redirigé vers la page de connexion.",
            "Riconnettiti tra 15 minuti.",
            "请5分钟后重试，页面即将跳转到登录页",
            "Too many redirects. Try again in 5 minutes.",
            "Please try again in 30 seconds.",
            "Resend code in 30 seconds",
            "Vous devez maintenant attendre 5 minutes avant de pouvoir vous reconnecter.",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
    }

    #[test]
    fn a_lock_until_a_clock_time_and_a_device_clock_in_every_language() {
        use Judgement::*;
        for text in [
            "Die Anmeldung ist bis 14:30 Uhr gesperrt.",
            "Nouvel essai possible à partir de 14 h 30.",
            "Podrás volver a intentarlo a partir de las 14:30.",
            "Potrai riprovare dalle 14:30.",
            "U kunt het na 14:30 uur opnieuw proberen.",
            "Kolejna próba będzie możliwa po godzinie 14:30.",
            "Saat 14:30'dan sonra tekrar deneyebilirsiniz.",
            "请于14:30后再试。",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
        for text in [
            "L'heure de votre appareil n'est pas correcte.",
            "La hora de tu dispositivo no está sincronizada.",
            "L'orologio del dispositivo non è sincronizzato.",
            "De klok van uw apparaat loopt niet gelijk.",
            "Zegar w Twoim urządzeniu jest źle ustawiony.",
            "기기의 시간이 정확하지 않습니다.",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
    }

    #[test]
    fn the_nineteenth_sessions_readings_and_their_counter_examples() {
        use Judgement::*;
        for (text, want) in [
            // A number or a slot with its unit glued on is a length.
            ("Resend code in 45s", Rate),
            ("Zu viele Versuche. Bitte in 5 Min. erneut versuchen.", Rate),
            ("Vous pourrez renvoyer un code dans 45 s.", Rate),
            ("Reenviar código (00:51)", Rate),
            ("重新获取(52s)", Rate),
            ("请等待至少 %d 秒钟，然后再次尝试登录。", Rate),
            ("Account locked until 2:30 PM.", Rate),
            // How long the user was idle is no wait.
            (
                "You were signed out after 30 minutes of inactivity. Please sign in again.",
                Session,
            ),
            (
                "Sie wurden nach 30 Minuten Inaktivität abgemeldet. Bitte melden Sie sich \
                 erneut an.",
                Session,
            ),
            // A past expiry vouches for its length.
            ("Der Code ist nach 10 Minuten abgelaufen.", Expired),
            // A time limit reached is a timeout, and taking too long is one.
            ("Sign-in time limit exceeded.", Expired),
            ("Connexion : limite de temps atteinte.", Expired),
            ("Your login attempt took too long. Start over.", Expired),
            // A forged request is a CSRF failure.
            (
                "This request was aborted because it appears to be forged.",
                Session,
            ),
            (
                "La requête a été annulée car elle semble être falsifiée.",
                Session,
            ),
            // A clock ahead or behind; a redirect said to go wrong or loop.
            ("Your clock is ahead", Session),
            ("Deine Uhr geht vor", Session),
            ("La page n'est pas redirigée correctement", Session),
            ("We're stuck in a redirect loop.", Session),
            (
                "Deze pagina stuurt je steeds terug naar het inlogscherm.",
                Session,
            ),
            // Cookies to clear after a failure.
            (
                "Login failed. Please clear your cookies and try again.",
                Session,
            ),
        ] {
            assert_eq!(strongest(text), Some(want), "{text}");
        }
        for text in [
            // The page's action in a moment; a future sign-out or expiry.
            "Zalogowano pomyślnie. Za chwilę nastąpi przekierowanie.",
            "Vous allez être redirigé dans un instant.",
            "Votre session expirera après 30 minutes d'inactivité.",
            "Warnung! Wegen Inaktivität wird Ihre Sitzung in 5 Minute(n) ablaufen.",
            "Controleer uw netwerkverbinding. Over {{seconds}} sec. wordt opnieuw geprobeerd \
             verbinding te maken...",
            // Advice alone, a case supposed, a name of a failure.
            "Try deleting your cookies.",
            "If you have trouble signing in, try clearing your cookies.",
            "Redirect loop.",
            // A session ended elsewhere, by the user or with the password.
            "Sua sessão foi encerrada com sucesso. Entrar novamente",
            "Se ha cerrado la sesión en todos tus otros dispositivos. Vuelve a iniciar sesión en \
             ellos si lo necesitas.",
            // An attacker's counter-examples (review 29): other times, other
            // locks, other delays, warnings of a sign-out to come.
            "Votre code expire dans une minute.",
            "Notifications disabled until 8:00 AM.",
            "Your price is locked until 12/31.",
            "id.example.org took too long to respond.",
            "Code taking too long to arrive? Resend it or use a backup code.",
            "For your security, you'll be signed out after 15 minutes of inactivity.",
            "You ended your session. Sign in again anytime.",
            "A game that keeps bringing you back for more.",
            "Um 6 Uhr geht nach den Wartungsarbeiten alles wieder online.",
            "Yaz saati için saati ileri almayı unutmayın.",
            "Something isn't right. Please try again.",
            // "Sicherheit geht vor" is no clock.
            "Sicherheit geht vor: Bitte geben Sie den Code ein.",
            // A server's address not found is no cookie or proxy fault.
            "Die Server-IP-Adresse von example.org wurde nicht gefunden.",
            "Impossibile trovare l'indirizzo IP del server di example.org.",
        ] {
            assert!(
                !matches!(strongest(text), Some(Rate | Session | Invalid)),
                "{text}"
            );
        }
        assert_eq!(strongest("Réessayez dans un instant."), Some(Rate));
        assert_eq!(
            strongest("Code expired, try again in 5 minutes."),
            Some(Rate)
        );
    }

    #[test]
    fn a_code_that_expired_after_its_length_and_a_code_that_is_not_the_right_one() {
        use Judgement::*;
        // The length after a past expiry is how long the code lived: no wait.
        for text in [
            "Your verification code expired after 10 minutes.",
            "Twój kod weryfikacyjny wygasł po 10 minutach.",
            "Seu código de verificação expirou após 10 minutos.",
        ] {
            assert_eq!(strongest(text), Some(Expired), "{text}");
        }
        assert_eq!(
            strongest("Code expired, try again in 5 minutes."),
            Some(Rate)
        );
        // "Not the right code", said of the code only.
        for text in [
            "Hmm, that's not the right code. Give it another go.",
            "Oups, ce n'est pas le bon code. Réessaie !",
            "Bu doğru kod değil. Bir daha dene!",
        ] {
            assert_eq!(strongest(text), Some(Invalid), "{text}");
        }
        assert_ne!(strongest("That's not the right password."), Some(Invalid));
    }

    #[test]
    fn an_origin_not_in_the_allowed_list_is_refused() {
        use Judgement::*;
        for text in [
            "Your current URL is not in the list of allowed origins for this server",
            "Deine aktuelle URL ist nicht in der Liste der erlaubten Ursprünge für diesen Server",
        ] {
            assert_eq!(strongest(text), Some(Session), "{text}");
        }
        // A user not on a list is the site's policy.
        assert_ne!(
            strongest("Your email address is not in the list of allowed users."),
            Some(Session)
        );
    }

    #[test]
    fn a_failure_of_two_factor_authentication_is_the_codes() {
        use Judgement::*;
        for text in [
            "Two-factor authentication failure.",
            "Falha na autenticação em dois fatores",
            "İki adımlı doğrulama yapılamadı",
        ] {
            assert_eq!(strongest(text), Some(Invalid), "{text}");
        }
        assert_ne!(
            strongest("Authentication failure: wrong password."),
            Some(Invalid)
        );
    }

    #[test]
    fn a_retry_after_a_server_error_is_no_limit() {
        for text in [
            "There was an internal server error. Please wait a few moments and try again.",
            "Hubo un error interno del servidor. Espere unos momentos y vuelva a intentarlo.",
            "내부 서버 오류가 발생했습니다. 잠시 기다렸다가 다시 시도해 주세요.",
        ] {
            let [rate, _] = votes(text);
            assert!(rate == 0.0, "{text}");
        }
        // A limit named beside it still is one, and "too often" is "too
        // many" times.
        for text in [
            "Server error: too many requests. Please wait 5 minutes.",
            "Serverfehler: Sie haben zu oft einen Code angefordert. \
             Versuchen Sie es in 10 Minuten erneut.",
            "服务器错误：验证请求过于频繁，请10分钟后再试。",
        ] {
            let [rate, _] = votes(text);
            assert!(rate > 0.0, "{text}");
        }
    }

    #[test]
    fn a_bare_link_after_a_credentials_link_is_that_link() {
        let [_, other] = votes("Invalid reset link. The link may have expired.");
        let out = read_text("Invalid reset link. The link may have expired.");
        assert!(out.votes_for(Judgement::Expired) == 0.0 && other > 0.0);
        // Without the credential before, a bare expired link is a step's.
        let out = read_text("The link has expired.");
        assert!(out.votes_for(Judgement::Expired) > 0.0);
    }

    #[test]
    fn an_outage_caused_by_a_named_limit_is_the_limit() {
        let [rate, _] =
            votes("Temporarily unavailable because the number of operations exceeds the limit.");
        assert!(rate > 0.0);
        // A countdown to sign-out is no limit; a locked session with a
        // time to retry is one.
        assert_ne!(
            j("You will be logged out in 30 seconds."),
            Some(Judgement::Rate)
        );
        assert_eq!(
            j("Session locked, try again in 30 seconds."),
            Some(Judgement::Rate)
        );
    }

    #[test]
    fn an_outage_with_a_time_to_come_back_is_no_limit() {
        for text in [
            "The server is currently unavailable, please retry in 5 minutes.",
            "Service temporarily unavailable for maintenance, retry after 10 minutes.",
        ] {
            let [rate, _] = votes(text);
            assert!(rate == 0.0, "{text}");
        }
    }

    #[test]
    fn setting_a_factor_up_is_no_failed_code() {
        assert_ne!(
            j("Two-factor authentication setup failed."),
            Some(Judgement::Invalid)
        );
        assert_eq!(
            j("Two-factor authentication failed."),
            Some(Judgement::Invalid)
        );
        assert_eq!(
            j("The form security token was not correct."),
            Some(Judgement::Session)
        );
    }

    /// Counter-examples from a review of the ninth session's rules.
    #[test]
    fn the_new_rules_stay_in_their_lane() {
        use Judgement::*;
        // A boundary object given as the reason, not as an alternative.
        assert_eq!(
            j("The verification code could not be verified because your \
               session cookie is invalid."),
            Some(Session)
        );
        assert_eq!(
            j("Invalid code: your session cookie is missing."),
            Some(Session)
        );
        // A limit with a time is a limit, whatever else is named.
        assert_eq!(
            j("SSO rate limit exceeded, try again in 60 seconds."),
            Some(Rate)
        );
        assert_eq!(j("Session locked, try again in 30 seconds."), Some(Rate));
        // No attempts left is the limit itself.
        assert_eq!(
            j("Too many failed attempts, 0 attempts remaining."),
            Some(Rate)
        );
        assert_ne!(j("Account locked, no attempts left."), None);
        // A next sentence that blocks only on a condition, or asks, or
        // says something else, leaves the limit a limit.
        for text in [
            "Rate limit exceeded. If your account is locked, contact your administrator.",
            "Rate limit exceeded. Blocked by an ad blocker? Disable it.",
            "Maximum attempts reached. Sign-up is disabled on this server.",
        ] {
            let [rate, _] = votes(text);
            assert!(rate > 0.0, "{text}");
        }
        // A second review's: "of", "o" and "ya" are no "or", and an "or"
        // inside the code's own name is no alternative.
        for text in [
            "The verification code could not be verified because of an invalid session cookie.",
            "Invalid code: none of your cookies were sent.",
            "The two-factor or recovery code could not be verified because your \
             session cookie is missing.",
        ] {
            assert_eq!(j(text), Some(Session), "{text}");
        }
        // A next sentence that is long or conditional is no block.
        for text in [
            "Rate limit exceeded. Contact your administrator to raise the limit.",
            "请求过于频繁。如问题持续存在，请联系管理员。",
        ] {
            let [rate, _] = votes(text);
            assert!(rate > 0.0, "{text}");
        }
        // A block with a length is a wait.
        assert_eq!(
            j("Your account has been locked for 30 minutes."),
            Some(Rate)
        );
        // A credential that is no link leaves a link the step's.
        let out = read_text("Password is required. Your verification link has expired.");
        assert!(out.votes_for(Expired) > 0.0);
    }

    #[test]
    fn a_wait_on_its_own_after_a_block_is_a_page_at_work() {
        for text in [
            "Your account has been deactivated. Please wait while we redirect you.",
            "Your account has been deleted.\nPlease wait...\nRedirecting",
        ] {
            let [rate, _] = votes(text);
            assert!(rate == 0.0, "{text}");
        }
    }

    #[test]
    fn a_retry_after_a_failure_is_no_limit() {
        let [rate, other] = votes("Failed to update the user. Please try again later.");
        assert!(rate == 0.0 && other > 0.0, "{rate} {other}");
        // A time or a count in the retry still makes it a limit.
        let [rate, _] = votes("Sending failed. Please try again in 5 minutes.");
        assert!(rate > 0.0);
        let [rate, _] = votes("Your account is locked. Please try again later.");
        assert!(rate > 0.0);
        let [rate, _] = votes("Please try again later.");
        assert!(rate > 0.0);
    }

    /// The sentence after a failure that gave no cause may name the
    /// boundary object to set right; an address, an account or a
    /// credential named there is not that.
    #[test]
    fn a_boundary_named_after_a_failure_is_its_cause() {
        use Judgement::*;
        let read = |text: &str| {
            let out = read_text(text);
            (out.votes_for(Session), out.votes_for(Other))
        };
        for t in [
            "Couldn't complete your authentication request. Please try again after \
             closing all open dialogs",
            "Ihre Anmeldeanfrage konnte nicht abgeschlossen werden. Schließen Sie alle \
             geöffneten Fenster und versuchen Sie es erneut.",
            "Sign-in failed. Make sure cookies are enabled in your browser.",
        ] {
            let (session, other) = read(t);
            assert!(session > other, "{t}: {session} {other}");
        }
        for t in [
            "Error. You cannot log in as admin from that IP address.",
            "Sign-in failed. Check your email address.",
            "Something went wrong. Please try again.",
        ] {
            let (session, _) = read(t);
            assert_eq!(session, 0.0, "{t}");
        }
    }

    /// The eleventh session: a redirect loop stated as the browser states
    /// it, a missing Authorization header, a refused domain; and the
    /// counter-examples of an attacker's review, which withdrew the rest.
    #[test]
    fn loops_headers_domains_and_their_counter_examples() {
        use Judgement::*;
        for t in [
            "id.example.org redirected you too many times.",
            "id.example.org 将您重定向的次数过多。",
            "Authentication failed. Missing Authorization header.",
            "验证失败。缺少授权标头。",
            "Cookie domain not allowed.",
            "You are accessing the server from an untrusted domain.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // Named, quoted or supposed, not stated: no failure.
        for t in [
            "Redirect loop.",
            "To avoid a redirect loop, clear your cookies.",
            "Send the token in the Authorization header.",
            "If your browser says \"too many redirects\", clear the cookies for this site.",
            "Se il browser segnala troppi reindirizzamenti, cancella i cookie del sito.",
            "리디렉션이 너무 많은 경우 브라우저 쿠키를 삭제하세요.",
            "如果出现重定向过多的提示，请清除浏览器 Cookie。",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // A domain refused with nothing else named is a policy.
        for t in [
            "Domain not allowed.",
            "Dominio no permitido",
            "不允许此域名",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // Advice after a failure that is not about the code itself.
        for t in [
            "Something went wrong. Make sure you're connected to the internet and request \
             a new code.",
            "Échec de l'envoi du code. Veuillez vérifier votre connexion Internet puis \
             renvoyer le code.",
            "Errore di rete. Verifica la connessione e richiedi un nuovo codice.",
            "未能发送验证码，请确保手机信号良好后重新获取验证码。",
            "未能发送验证码，请检查手机号码。",
            "인증번호 발송에 실패했습니다. 네트워크 상태를 확인 후 인증번호를 다시 요청해 주세요.",
            "Something went wrong. We sent you a new code to ensure it's really you.",
        ] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        // A wrong code stays a wrong code when a clock is suspected.
        for t in [
            "Invalid code. Your phone's clock may be out of sync.",
            "Code incorrect. L'horloge de votre téléphone est peut-être désynchronisée.",
            "Ongeldige code. De klok van je telefoon is mogelijk niet gesynchroniseerd.",
            "验证码错误，可能是手机时间不同步。",
            "Der Code ist ungültig. Möglicherweise ist die Uhrzeit Ihres Geräts nicht \
             synchronisiert.",
            "인증 코드가 올바르지 않습니다. 기기 시간이 동기화되지 않았을 수 있습니다.",
            "Kod geçersiz. Cihazınızın saati yanlış olabilir.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        // A clock said out of sync is the deployment's; supposed so after a
        // wrong code (above), it is a cause suggested.
        for t in [
            "Server time is out of sync.",
            "Sunucu saati senkronize değil.",
            "Die Serverzeit ist nicht synchron.",
            "サーバーの時刻が同期していません。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // The advice, before signing in, to make sure the browser takes
        // cookies; a wait of about a length; "before trying" is no wait.
        for t in [
            "Before you try to log in, please check that your browser supports cookies.",
            "Antes de intentar iniciar sesión, compruebe si el navegador soporta cookies.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "The controller asks you to wait about 60 seconds.",
            "Le contrôleur demande d'attendre environ 60 secondes.",
            "Der Controller bittet, etwa 60 Sekunden zu warten.",
            "Por favor, espere antes de tentar novamente.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        assert_ne!(
            strongest("Antes de tentar entrar, verifique se o seu browser suporta JavaScript."),
            Some(Rate)
        );
        // Checked for at any length, with the verb apart; the news that the
        // browser takes them is no advice.
        for t in [
            "Bevor Sie sich einloggen, stellen Sie bitte sicher, dass Ihr Browser Cookies \
             unterstützt.",
            "Verifica che il tuo browser supporti i cookie",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_ne!(
            strongest("Your browser accepts cookies from this site."),
            Some(Session)
        );
        // A session that timed out after a length, a sign-in asked for.
        for t in [
            "Your session timed out after 30 minutes of inactivity. Please sign in again.",
            "Tu sesión caducó después de 30 minutos de inactividad. Inicia sesión de nuevo.",
            "Votre session a expiré après 30 minutes d'inactivité. Veuillez vous reconnecter.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A session that ran out after a length, a new sign-in asked for.
        for t in [
            "Ihre Sitzung ist nach 30 Minuten abgelaufen. Bitte melden Sie sich erneut an.",
            "Je sessie is na 30 minuten verlopen. Log opnieuw in.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_eq!(
            strongest("Your session expired. Please wait 5 minutes and sign in again."),
            Some(Rate)
        );
        // A sign-in supposed to have run out, the page to load again: the
        // form's session; one said to have run out is the attempt's.
        assert_eq!(
            strongest(
                "Your request was refused. This may be because your login has expired. \
                 Reload the page and try again."
            ),
            Some(Session)
        );
        assert_eq!(
            strongest("Login failed. Your login attempt has expired. Please reload the page."),
            Some(Expired)
        );
        // A session closed from another browser or tab is gone from this one.
        for t in [
            "The session in this browser window was closed by another browser window or tab.",
            "当前浏览器窗口中的会话已通过另一个浏览器窗口或选项卡关闭。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "Your session is open in another tab.",
            "다른 브라우저의 세션이 모두 종료되었습니다.",
            "먼저 다른 브라우저에서 세션을 종료하세요.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // An OAuth session ran out: its state, kept in a cookie, is gone.
        for t in [
            "OAuth2 session expired. Please try again.",
            "OAuth2 세션이 만료되었습니다. 다시 시도해주세요",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A sign-in that timed out after a length lived that long: no wait.
        for t in [
            "El acceso caducó después de 60 segundos.",
            "Giriş 60 saniye sonra zaman aşımına uğradı.",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
        assert_eq!(strongest("您已经多次输错密码，请稍后再试"), Some(Rate));
        // A session ran out, then a sign-in asked for; a form's token said wrong.
        for t in [
            "Ihre Sitzung ist abgelaufen. Bitte einloggen.",
            "A sua sessão expirou. Por favor inicie nova sessão.",
            "您的登录信息已经过期。请重新登录！",
            "登录已超时，请重新登录",
            "Token modulo errato, riprova",
            "フォームのトークンが正しくありません。再度お試しください",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // Cookies written on the device are no failure; an amount of data
        // and excessive permissions are no limit.
        assert_ne!(
            strongest(
                "Les cookies inscrits sur votre terminal nous permettent de mesurer l'audience."
            ),
            Some(Session)
        );
        for t in [
            "Żądanie zawiera zbyt dużą ilość danych.",
            "過剰なアクセス権限が付与されています。",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        // "Too many" in the genitive ("zbyt wielu", "zu vielen") is a limit.
        for t in [
            "Zażądano zbyt wielu kodów.",
            "Nach zu vielen Versuchen bitte 5 Minuten warten.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // The Korean "로그인 요청" is a sign-in that can run out.
        assert_eq!(strongest("로그인 요청이 만료되었습니다."), Some(Expired));
    }

    /// The twelfth session's rounds 51 to 66: a retry after an error the
    /// rules could not place, a lockout then a wait, wrong entries counted.
    #[test]
    fn retries_after_errors_and_waits_after_lockouts() {
        use Judgement::*;
        // A failure, then the retry later: no limit named.
        for t in [
            "認証中にエラーが発生しました。後ほどもう一度お試しください。",
            "Seems we hit a snag. Please try again later.",
            "Sembra che abbiamo incontrato un intoppo. Per favore riprova più tardi...",
            "Please wait a few seconds while we sign you in.",
            "Please wait a bit while we load your account.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        // A lockout the user waits out, and wrong entries counted.
        for t in [
            "The user account has been locked out due to invalid login attempts. \
             Please wait a while and try again.",
            "由于尝试登录无效，用户账户已被锁定。请稍候再试。",
            "You have entered too many wrong passwords.",
            "Du hast zu viele falsche PINs eingegeben.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // A form key is the page's form token; consent to cookies is a notice.
        assert_eq!(
            strongest("Invalid Form Key. Please refresh the page."),
            Some(Session)
        );
        let t = "Um die neuen Datenschutzrichtlinien zu erfüllen, müssen wir Sie um Ihre \
                 Zustimmung für Cookies fragen.";
        assert_ne!(strongest(t), Some(Session), "{t}");
    }

    #[test]
    fn an_attackers_counter_examples_to_the_twelfth_sessions_words() {
        use Judgement::*;
        // A cookie notice beside a fault keeps the fault.
        for t in [
            "This site uses cookies to keep you signed in, and your browser is blocking them.",
            "The login uses cookies, which your browser has disabled.",
            "Strona używa plików cookie, które są wyłączone w Twojej przeglądarce.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // Banners, loading pages, links under a code input, settings.
        for t in [
            "Click \"Accept all\" to allow cookies.",
            "Klicken Sie auf „Alle akzeptieren“, um Cookies zuzulassen.",
            "Cookies strictement nécessaires",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "Please wait a while, we are signing you in.",
            "PINs with too many repeated digits are not allowed.",
            "You have saved too many passwords on this device.",
            "Zbyt wielu błędów w formularzu, popraw dane.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        for t in [
            "Not the right phone? Use a different verification method.",
            "Nicht die richtige Nummer?",
        ] {
            assert!(!read_text_on(t, true).votes_for(Invalid).is_normal(), "{t}");
        }
        let t = "入力の間違いが多すぎるため、アカウントがロックされました。";
        assert_eq!(strongest(t), Some(Rate), "{t}");
        // A limit that only an administrator lifts is a block; "too many" is
        // no wait of its own.
        for t in [
            "Too many attempts. Contact an administrator.",
            "尝试次数过多。请联系管理员。",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        let t = "Too many attempts. Please try again later.";
        assert_eq!(strongest(t), Some(Rate), "{t}");
    }

    /// The thirteenth session: a problem said of the session itself lost it;
    /// a failure to act on sessions, a problem in a condition, or one with
    /// signing in stay what they were.
    #[test]
    fn a_problem_with_the_session_is_the_session_lost() {
        use Judgement::*;
        for t in [
            "It looks like there was a problem with your current session. \
             Please submit the form again.",
            "Es gab ein Problem mit Ihrer Sitzung. Bitte senden Sie das Formular noch einmal.",
            "Il y a eu un problème avec votre session.",
            "Ocorreu um problema com a sua sessão.",
            "Wystąpił problem z obecną sesją.",
            "Mevcut oturumunuzda bir sorun varmış gibi görünüyor.",
            "セッションに問題が発生しました。",
            "您的会话出现问题。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "If you have problems signing in, clear your session.",
            "There was a problem signing you out.",
            "Ocorreu um problema ao iniciar sessão.",
            "There was a problem with your two-factor session. Enter the code again.",
            "Could not load your sessions.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
    }

    /// The thirteenth session: a session that expired, with the advice to
    /// sign in again, is the sign-in's session lost (the label rules count a
    /// session timeout there); a bare expired session, a step's session and
    /// a session beside the code stay expired steps in the sentence (on a
    /// page that names no code, the bare one is the session lost: see
    /// `analyze` and the heading test below).
    #[test]
    fn an_expired_session_and_a_sign_in_over_is_the_session_lost() {
        use Judgement::*;
        for t in [
            "Your session expired. Please sign in again to continue.",
            "Die Sitzung ist abgelaufen, bitte erneut anmelden.",
            "Votre session a expiré. Veuillez vous reconnecter.",
            "La sessione è scaduta. Effettua nuovamente l'accesso.",
            "Oturumunuz sona erdi. Lütfen tekrar giriş yapın.",
            "会话(session)已过期. 请重新登录.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "Invalid session for the user, session is expired.",
            "Ihre Sitzung ist abgelaufen.",
            "Die Authentifizierungssitzung ist abgelaufen. Bitte starte den Anmeldeprozess neu.",
            "Your session expired. Please enter the code again.",
            "Your code has expired. Please sign in again.",
            // The site's notice about its own cookies names no lost session.
            "Session expired. We use cookies to improve your experience.",
            // Nor does an address or a time shown after it.
            "Your session has expired. Your IP address: 192.0.2.1",
            "Ihre Sitzung ist abgelaufen. Zeitstempel: 2026-12-04 10:00.",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
        // The cookies named after a session that ran out are where it was lost.
        for t in [
            "Invalid or expired session. Please clear your cookies and try again.",
            "Sesión no válida o expirada. Por favor limpia tus cookies e intenta nuevamente.",
            "会话无效或已过期。请清除您的 Cookie 后重试。",
            "Session expired. Please clear your browser cache and cookies and sign in.",
            "セッションの有効期限が切れました。ブラウザのCookieとキャッシュを削除してください。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
    }

    /// Attempts used up are the limit itself, not a warning of attempts
    /// left; a CAS login ticket is the form's token.
    #[test]
    fn attempts_used_up_and_login_tickets() {
        use Judgement::*;
        for t in [
            "You have used all attempts for this code, so it is no longer valid. Request another.",
            "Vous avez utilisé toutes les tentatives pour ce code, il n'est donc plus valide.",
            "Keine Versuche mehr. Bitte fordern Sie einen neuen Code an.",
            "验证码尝试次数已用完，请重新获取",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // Attempts that will run out are a warning after a wrong code.
        for t in [
            "Wrong code, you have 2 attempts left.",
            "Wrong code. After 2 more failed attempts, no more attempts will be allowed.",
            "Falscher Code. Nach einem weiteren Fehlversuch sind keine weiteren Versuche möglich.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        for t in [
            "Your login request did not include a login ticket.",
            "Ticket de connexion invalide, merci de réessayer de vous connecter",
            "指定されたログインチケットが無効です。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
    }

    /// A limit on devices is a quota met, no limit on attempts; a retry
    /// count's limit exceeded is one.
    #[test]
    fn device_quotas_and_retry_counts() {
        use Judgement::*;
        for t in [
            "Device limit reached",
            "Cihaz limitine ulaşıldı",
            "已达到设备数量上限",
        ] {
            let got = strongest(t);
            assert!(matches!(got, None | Some(Other)), "{t}: {got:?}");
        }
        for t in [
            "Too many attempts",
            "已超出 OTP 生成的重试次数限制",
            "已超出次数限制",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        assert_eq!(strongest("Kod nie został rozpoznany"), Some(Invalid));
        // A device's clock or date settings set wrong is the clock's fault.
        for t in [
            "Your date and time settings are incorrect.",
            "Zeit und/oder Datum sind falsch eingestellt!",
            "Ongeldige datum- en/of tijdinstellingen!",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_eq!(
            strongest("이중인증번호 오류, 다시 입력하세요"),
            Some(Invalid)
        );
        // Getting the code that failed is its delivery, no verdict on it.
        for t in ["获取验证码失败", "获取认证代码失败"] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        assert_eq!(strongest("验证码错误，请重新获取"), Some(Invalid));
    }

    /// A domain given as one of the credentials is the sign-in's field;
    /// Spanish and Italian say "or" too.
    #[test]
    fn a_domain_among_the_credentials_and_or_in_every_language() {
        use Judgement::*;
        for t in [
            "An invalid username, domain or password was provided.",
            "Un nom d'utilisateur, un domaine ou un mot de passe non valide a été fourni.",
            "Se proporcionó un nombre de usuario, dominio o contraseña inválidos.",
        ] {
            let got = strongest(t);
            assert!(matches!(got, None | Some(Other)), "{t}: {got:?}");
        }
        assert_eq!(strongest("The cookie domain is invalid."), Some(Session));
        // An "or" that joins two channels is no alternative to the code; an
        // "or" between two causes is no verdict on the code.
        assert_eq!(
            strongest("El código enviado por SMS o correo electrónico no es válido."),
            Some(Invalid)
        );
        assert_eq!(
            strongest("The code sent by SMS or email is invalid."),
            Some(Invalid)
        );
        assert_eq!(
            strongest(
                "Could not verify the code: your session has expired or cookies are blocked."
            ),
            Some(Session)
        );
        // What the user entered against the site's records is the
        // credentials', on a code page too; a code against them is the code's.
        let info = "Sorry, the information you entered does not match our records.";
        let got = top(&read_text_on(info, true));
        assert!(matches!(got, None | Some(Other)), "{got:?}");
        for t in [
            "The code you entered does not match our records.",
            "コードが記録と一致しません。",
        ] {
            assert_eq!(top(&read_text_on(t, true)), Some(Invalid), "{t}");
        }
        // The code said wrong first, the clock after "or" as a cause.
        for t in [
            "Código de verificación incorrecto o la hora del servidor es incorrecta.",
            "Codice di verifica errato oppure l'ora del server non è corretta.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
    }

    /// The thirteenth session's words: a browser that does not support or
    /// did not send a boundary object refuses it; "unsuccessful" is a
    /// verdict; a token of account creation is a credential's; an
    /// overloaded server is an outage, and a logout alone is no expiry.
    #[test]
    fn headers_not_sent_unsuccessful_steps_and_registration_tokens() {
        use Judgement::*;
        for t in [
            "Your browser does not support cookies.",
            "Your browser did not supply a Referrer header",
            "Ihr Browser unterstützt keinen \"Referrer-Header\"",
            "votre navigateur n'a pas envoyé d'en-tête « Referrer »",
            "Mögliche Website-übergreifende Anfragenfälschung",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "Multi-factor authentication unsuccessful. Please try again.",
            "Multi-Faktor-Authentifizierung erfolglos. Bitte erneut versuchen.",
            "Authentification à double facteur invalide",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        for t in [
            "Invalid account creation token.",
            "Jeton de création de compte invalide.",
            "アカウント作成トークンが無効です。",
            "Your browser does not support passkeys.",
            "We could not send the code. The code was not sent.",
            "Zostałeś wylogowany.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        for t in [
            "Le serveur est momentanément congestionné. Veuillez réessayer ultérieurement.",
            "服务器超时。请稍后重试！",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
    }

    /// The thirteenth session's attacker review: what the new words and
    /// rules must leave alone, and the rounds 82 to 88 language facts.
    #[test]
    fn an_attackers_counter_examples_to_the_thirteenth_sessions_rules() {
        use Judgement::*;
        for t in [
            "Sie wurden problemlos abgemeldet.",
            "You have been signed out without any problem.",
            "There was a problem revoking this session.",
            "Contact support if you have a problem with your session.",
            "Contactez le support en cas de problème avec votre session.",
            "セッションに問題がありますか",
            "Your email domain does not support single sign-on.",
            "We do not support sign-ins from this IP address range.",
            "Resending the code was unsuccessful.",
            "Multiple unsuccessful sign-in attempts were recorded since your last visit.",
            "お使いのブラウザはサードパーティのログインに対応していません。",
            "Redirect error: please try again",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        for t in [
            "Your session expired. Please sign in again and request a new code.",
            "Your session timed out while we waited for your security key. Please sign in again.",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
        for t in [
            "Zostałeś wylogowany z powodu braku aktywności. Zaloguj się ponownie.",
            "Ihre Sitzung ist abgelaufen. Bitte senden Sie Ihren Beitrag erneut.",
            "Sitio de referencia inválido.",
            "Sessie verlopen, log alstublieft opnieuw in.",
            "Redirect error: invalid URL",
            "Weiterleitungsfehler: Ungültige URL",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        for t in [
            "Sie müssen 2 Sekunden warten, bevor Sie sich wieder einloggen können.",
            "对不起，您将不得不等待大约 2 秒才能再次登录。",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        assert_eq!(strongest("Ungültiges zweites Passwort"), Some(Invalid));
    }

    /// The fourteenth session's language facts, in wordings of our own.
    #[test]
    fn tokens_of_a_sign_in_sessions_past_their_bound_and_slots_for_a_time() {
        use Judgement::*;

        // An authentication token is the signed-in session's, not a code;
        // "two-factor authentication token" stays the code.
        for t in [
            "Your authentication token expired, so you were signed out. Please log in again.",
            "Ihr Authentifizierungstoken ist abgelaufen. Bitte melden Sie sich erneut an.",
            "認証トークンの有効期限が切れました。再度ログインしてください。",
            // Past its bound, with a new sign-in asked for.
            "Your session has exceeded the time allowed. Please log in again.",
            "Sesja przekroczyła maksymalny dozwolony czas. Zaloguj się ponownie.",
            "Die Sitzung hat die Höchstdauer überschritten. Eine neue Anmeldung ist nötig.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_eq!(
            strongest("The two-factor authentication token you entered is invalid."),
            Some(Invalid)
        );
        // A quota of sessions, with nothing asked, is no lost session.
        assert_ne!(
            strongest("Maximum number of sessions exceeded."),
            Some(Session)
        );
        // A page to load again, or a new authentication, after the session
        // ran out; an OAuth authorization request the server lost.
        for t in [
            "Your session has expired. Please refresh the page and try again.",
            "Ihre Sitzung ist ausgelaufen. Bitte laden Sie die Seite neu.",
            "La sesión ha expirado, debe autenticarse de nuevo.",
            "セッションの有効期限が切れました。再認証してください。",
            "Authorization request not found.",
            "Nie znaleziono żądania autoryzacji.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // Not when the page to load again is for a new code, nor a
        // request the user denied.
        assert_eq!(
            strongest("Your session has expired. Reload the page and request a new code."),
            Some(Expired)
        );
        assert_ne!(
            strongest("The authorization request was denied."),
            Some(Session)
        );
        // How long a code or link stays valid is the step's prompt, not a
        // wait; a limit beside it still counts.
        for t in [
            "Enter the code we sent you. The code expires in 10 minutes.",
            "Der Link läuft nach 15 Minuten ab.",
            "El enlace caducará en 5 minutos.",
            "Le code est valable pendant 10 minutes.",
            "該当リンクは10分後に無効になります。",
            "验证码 10 分钟内有效。",
            "인증 링크는 10분 후에 만료됩니다.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        for t in [
            "Too many attempts. The code expires in 10 minutes.",
            "The code expired 10 minutes ago.",
            "Der Link ist verfallen.",
        ] {
            assert!(matches!(strongest(t), Some(Rate | Expired)), "{t}");
        }
        // How often something happens is no limit: a code that changes
        // every 30 seconds, a reminder sent only every 24 hours.
        for t in [
            "Your code changes every 30 seconds.",
            "Der Code ändert sich alle 30 Sekunden.",
            "验证码每 30 秒更新一次。",
            "コードは30秒に1回更新されます。",
            "The code is refreshed once every 30 seconds.",
            "Your code changes every 30 seconds, so only the latest one works.",
            "We only send a reminder every 24 hours.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        // The fourteenth session's attacker review: a wait beside a
        // validity is still a wait; a typed authentication token is the
        // code; a sign-in policy with a time, a quota of sessions and a
        // past length are no wait and no lost session.
        for t in [
            "Please try again in 5 minutes, the code is valid for 10 minutes.",
            "Retry in 30 seconds (code valid for 10 minutes).",
            "Le code est valable 10 minutes, vous pourrez en demander un autre dans 60 secondes.",
            "验证码10分钟内有效，60秒后可重新获取。",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        for t in [
            "The authentication token you typed is wrong.",
            "Das eingegebene Authentifizierungstoken ist ungültig.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        for t in [
            "A new sign-in is required every 24 hours.",
            "Your last sign-in was more than 30 minutes ago, so please authenticate again.",
            "You have exceeded the maximum number of active sessions. Please sign in again.",
            "Ha superato il numero massimo di sessioni attive. Effettua di nuovo il login.",
            "Die Autorisierungsanfrage überschreitet die maximale Anzahl an Berechtigungen.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        assert_eq!(
            strongest("セッションは30分で期限切れとなりました。再度ログインしてください。"),
            Some(Session)
        );
        // The second review: a block that expires is a wait; a length in
        // the past leaves the other one; failing to load or end sessions,
        // then reloading, loses none; sessions counted per hour are a quota.
        for t in [
            "Your lockout will end: it expires in 15 minutes.",
            "Die vorübergehende Sperre endet, sie läuft in 15 Minuten ab.",
            "Your account was locked 2 minutes ago for 15 minutes.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        for t in [
            "Could not load your active sessions. Refresh the page.",
            "We could not revoke that access token. Please reload the page.",
            "Sessions per hour exceeded for this time window. Please sign in again.",
            "Sign-in codes are only sent to numbers in the U.S. Try another number.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        assert_eq!(
            strongest("The authentication token you entered is not valid for this session."),
            Some(Invalid)
        );
        // A template's slot where the number goes still names a time.
        for t in [
            "Your account has been locked for %d minutes.",
            "Ihr Konto ist für %d Minuten gesperrt.",
            "Çok fazla oturum açma denemesi yapıldı.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_sign_out_that_happened_or_a_session_named_by_its_step_with_a_sign_in_over() {
        use Judgement::*;
        for t in [
            "You were signed out by the system. Please sign in again.",
            "Du wurdest abgemeldet. Bitte melde dich erneut an.",
            "Vous avez été déconnectée. Veuillez vous reconnecter.",
            "ログアウトされました。もう一度ログインしてください。",
            "U bent afgemeld. Log opnieuw in.",
            "您已被登出，请重新登录。",
            // (A verification session is the step's: see round 54.)
            "La sesión de autenticación ha caducado. Inicie sesión de nuevo.",
            "Die Anmeldesitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A sign-out to come, asked for or offered back, and none at all.
        for t in [
            "You will be signed out in 30 seconds. Sign in again to stay.",
            "Log out and log in again.",
            "Sie wurden abgemeldet. Möchten Sie sich erneut anmelden?",
            "ログアウトしました。",
            // Denied, supposed, asked for, elsewhere, or another sense.
            "You were not signed out, so there is no need to sign in again.",
            "If you were signed out, please sign in again.",
            "You are now signed out. Sign in again",
            "Thank you for your visit! You have been signed out. Sign in again",
            "Sie wurden von allen anderen Geräten abgemeldet. Melden Sie sich dort erneut an.",
            "U bent afgemeld voor de nieuwsbrief. Opnieuw aanmelden kan altijd.",
            "Vous êtes déconnecté du réseau. Reconnectez-vous pour continuer.",
            "You will be signed out in ten minutes. Sign in again to stay.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // A step that ran out stays the step's, with or without a sign-in
        // over; a session of a step without one too.
        for t in [
            "Your sign-in attempt expired. Please sign in again.",
            "The verification session expired.",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
    }

    #[test]
    fn a_resend_countdown_beside_a_code_that_failed_is_the_steps_furniture() {
        use crate::snapshot::{Page, ResendControl, Snapshot};
        use Judgement::*;
        let read = |text: &str, resend: Vec<ResendControl>| {
            let snap = Snapshot {
                url: "https://id.example.org/login/mfa".into(),
                page: Page {
                    text: text.into(),
                    resend,
                    ..Default::default()
                },
                ..Default::default()
            };
            top(&analyze(&snap, None))
        };
        for (text, want) in [
            (
                "That code is incorrect. Please try again.\nResend code in 38 seconds",
                Invalid,
            ),
            (
                "Ten kod się nie zgadza.\nWyślij kod ponownie (0:38)",
                Invalid,
            ),
            (
                "Hatalı kod girdiniz. Lütfen tekrar deneyin.\nTekrar Gönder (0:52)",
                Invalid,
            ),
            (
                "您输入的验证码有误，请核对后重新输入\n重新获取(52s)",
                Invalid,
            ),
            ("Your code has expired.\nResend code (0:38)", Expired),
            // A length after the resend word counts down as a clock does.
            ("Wrong code.\nResend (42s)", Invalid),
            ("Didn't receive a code? Resend (42s)", Rate),
            // Alone, or beside a limit said otherwise, it is a wait.
            ("Resend code in 38 seconds", Rate),
            (
                "Wrong code.\nToo many attempts. Try again in 5 minutes.\nResend code (0:38)",
                Rate,
            ),
            (
                "Wrong code.\nYou have requested too many codes. Resend in 10 minutes.",
                Rate,
            ),
            // A lock, a count or a long wait in the resend's sentence is a limit.
            (
                "Incorrect code. Your account is locked for 30 minutes, then get a new code.",
                Rate,
            ),
            (
                "Código incorrecto. Has fallado 5 veces, pide un nuevo código en 15 minutos.",
                Rate,
            ),
            (
                "Wrong code.\nYou can request a new code in 15 minutes.",
                Rate,
            ),
            // A condition or a question under the field says no code failed.
            (
                "If the code has expired, request a new one.\nResend code (0:38)",
                Rate,
            ),
            (
                "Enter your verification code. Wrong number? Change it.\nResend in 0:38",
                Rate,
            ),
        ] {
            assert_eq!(read(text, Vec::new()), Some(want), "{text}");
        }
        // The form's resend control counting down, the same.
        let control = || {
            vec![ResendControl {
                text: "Resend code in 0:38".into(),
                disabled: true,
                ..Default::default()
            }]
        };
        assert_eq!(
            read("Invalid authentication code. Please try again.", control()),
            Some(Invalid)
        );
        assert_eq!(
            read(
                "Enter the 6-digit code from your authenticator app.",
                control()
            ),
            Some(Rate)
        );
    }

    #[test]
    fn the_twentieth_sessions_readings_and_their_counter_examples() {
        use Judgement::*;
        for (text, want) in [
            // A limit of attempts reached, its words apart.
            (
                "Vous avez atteint les tentatives de connexion ayant échoué maximale autorisées.",
                Rate,
            ),
            (
                "Osiągnąłeś maksymalną dopuszczalną ilość prób błędnych logowań.",
                Rate,
            ),
            ("許可されたログインの試行数に達しました。", Rate),
            // A session that timed out while the user was idle.
            (
                "Bir işlem yapılmadığından oturum zaman aşımına uğradı",
                Session,
            ),
            (
                "アクティビティがないためセッションがタイムアウトしました。",
                Session,
            ),
            ("不正な画面遷移を検出しました。", Session),
            (
                r#"{"errcode":10003,"errmsg":"redirect_uri 参数错误"}"#,
                Session,
            ),
            // Steps that ran out.
            ("スマートフォンでの承認がタイムアウトしました。", Expired),
            ("Minął czas na autoryzację", Expired),
            ("Mobil onay süresi doldu.", Expired),
        ] {
            assert_eq!(strongest(text), Some(want), "{text}");
        }
        // A session about to end warns; an approval still pending is no limit.
        for text in [
            "Oturumunuz sona ermek üzere",
            "Sessione in scadenza",
            "Your account needs approval. Please wait or contact an administrator.",
            "Compte en attente. Veuillez patienter ou contacter un administrateur.",
        ] {
            assert_eq!(strongest(text), None, "{text}");
        }
        // After a lock or a failure the wait is the lock's.
        for text in [
            "User is locked, please wait.",
            "Account locked. Please wait or contact your administrator.",
            "Login failed 5 times. Please wait or contact your administrator.",
        ] {
            assert_eq!(strongest(text), Some(Rate), "{text}");
        }
        // A shop's code or card that expired is no step's, even on a code page.
        for text in [
            "Your promo code has expired.",
            "Je kortingscode WELKOM10 is verlopen.",
            "Kupon kodunuzun kullanım süresi dolmuştur.",
            "このクーポンは有効期限が切れています。",
        ] {
            assert_eq!(top(&read_text_on(text, true)), None, "{text}");
        }
        // Unless the sentence names the step too: a payment's code.
        let payment = "The code to confirm the payment with your credit card has expired.";
        assert_eq!(top(&read_text_on(payment, true)), Some(Expired));
        // Nor is an API's token or key, wrong or out of date, unless the
        // sentence names the code too.
        for text in [
            "Invalid API token",
            "Ungültiger API-Schlüssel",
            "Clé d'API invalide",
            "Your API key has expired.",
            "APIキーが無効です",
            "API 密钥无效",
            "Nieprawidłowy token API",
        ] {
            let got = top(&read_text_on(text, true));
            assert!(matches!(got, None | Some(Other)), "{text}: {got:?}");
        }
        let both = "Could not create the API token: the two-factor code is incorrect.";
        assert_eq!(top(&read_text_on(both, true)), Some(Invalid));
    }

    #[test]
    fn a_heading_session_expired_over_a_sign_in_over_is_one_lost_session() {
        use Judgement::*;
        let read = |title: &str, body: &str| {
            let snap = crate::snapshot::Snapshot {
                url: "https://id.example.org/login".into(),
                page: crate::snapshot::Page {
                    title: title.into(),
                    text: format!("{title}\n{body}"),
                    ..Default::default()
                },
                ..Default::default()
            };
            top(&analyze(&snap, None))
        };
        assert_eq!(
            read(
                "Session timed out",
                "Your session timed out. Sign in again to go on."
            ),
            Some(Session)
        );
        assert_eq!(
            read(
                "Sitzung abgelaufen",
                "Du wurdest abgemeldet. Bitte melde dich erneut an."
            ),
            Some(Session)
        );
        // A bare session that ran out on a page that names no code is the
        // session lost; one with a code named after it, or a page that ran
        // out, stays an expired step.
        assert_eq!(
            read("Fehler", "Ihre Sitzung ist abgelaufen."),
            Some(Session)
        );
        assert_eq!(read("", "Sesja wygasła. Spróbuj ponownie."), Some(Session));
        assert_eq!(
            read("", "Your session expired. Please enter the code again."),
            Some(Expired)
        );
        assert_eq!(read("", "Page has expired"), Some(Expired));
        // A step's session in one word stays the step's; a session's
        // setting (label and length) says nothing ran out (review r66).
        assert_eq!(
            read("", "Die Authentifizierungssitzung ist abgelaufen."),
            Some(Expired)
        );
        assert_eq!(read("", "De verificatiesessie is verlopen."), Some(Expired));
        assert_eq!(read("", "Session timeout: 30 minutes"), None);
        assert_eq!(read("", "セッションタイムアウト：30分"), None);
        // A code that ran out on the page keeps the heading an expired step.
        assert_eq!(
            read(
                "Session timed out",
                "Your one-time code has expired. Ask for a new one."
            ),
            Some(Expired)
        );
        assert_eq!(
            read("Session timed out", "Type the code again."),
            Some(Expired)
        );
        // The alerts are the page's message: a session that ran out there,
        // on a step whose instructions name the code, is the session lost;
        // a code the alert itself asks for keeps it the step's.
        let alerted = |alert: &str| {
            let body = "Two-step verification\nEnter the 6-digit code from your app.";
            let snap = crate::snapshot::Snapshot {
                url: "https://id.example.org/login".into(),
                page: crate::snapshot::Page {
                    title: "Two-step verification".into(),
                    text: format!("{body}\n{alert}"),
                    alerts: vec![alert.into()],
                    ..Default::default()
                },
                ..Default::default()
            };
            top(&analyze(&snap, None))
        };
        assert_eq!(alerted("Sessione scaduta."), Some(Session));
        assert_eq!(alerted("Your session has expired."), Some(Session));
        assert_eq!(
            alerted("Your session expired. Please enter the code again."),
            Some(Expired)
        );
    }

    #[test]
    fn every_sign_out_word_is_a_session_word() {
        // The sign-out words are looked up only in a sentence that names a
        // session (see `read`), so each must read as one.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for w in json["words"]["signed_out"].as_array().unwrap() {
                let w = w.as_str().unwrap().trim_matches('*');
                let mut b = text::TokenBuf::default();
                let toks = b.fill(w);
                let set = text::lexicon()
                    .scan(&toks)
                    .iter()
                    .fold(Concepts::default(), |a, m| union(a, m.concepts));
                assert!(set.has(C::Session), "{}: {w}", path.display());
                seen += 1;
            }
        }
        assert!(seen > 12);
    }

    #[test]
    fn a_form_that_expired_with_a_reload_and_counter_examples() {
        use Judgement::*;
        // The form itself ran out and a reload is asked for: its token did,
        // not a step.
        for t in [
            "Sorry, this form has timed out. Reload it and send it once more.",
            "Das Formular ist abgelaufen, bitte lade die Seite neu.",
            "表单已经过期，请刷新。",
            // So does a page, with a reload asked for: its form's token.
            "This page has timed out. Refresh it and send the form once more.",
            "ページの有効期限が切れました。再読み込みしてください。",
            "Page timed out. Please reload the page.",
            "Sayfa zaman aşımına uğradı. Lütfen sayfayı yenileyin.",
            "La connexion à la page a expirée. Veuillez recharger la page.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A bare page that ran out stays an expired step, as before.
        assert_eq!(strongest("Seite abgelaufen"), Some(Expired));
        for t in [
            "The form is invalid.",
            "Das Formular enthält Fehler.",
            "The domain of your e-mail address is not allowed.",
            // No reload asked for: a form closed for good, not its token.
            "This registration form has expired and takes no more entries.",
            // A session waiting for its second step.
            "Your session is not authenticated yet. Enter the code from your app.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
    }

    #[test]
    fn a_trial_that_ran_out_is_no_expired_step() {
        use Judgement::*;
        for t in [
            "Your trial has expired.",
            "Je proefperiode is verlopen.",
            "Ihr Testzeitraum ist abgelaufen.",
        ] {
            assert_ne!(strongest(t), Some(Expired), "{t}");
        }
        for t in [
            "De verificatieperiode is verlopen.",
            "Der Anmeldezeitraum ist abgelaufen.",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
    }

    #[test]
    fn cookie_notices_are_no_cookie_fault() {
        use Judgement::*;
        // The site's notice about its own cookies, with the purpose it gives.
        for t in [
            "We use cookies to ensure you get the best experience on our website.",
            "This website uses cookies to make sure the login works. Accept all",
            "Wir verwenden Cookies, um sicherzustellen, dass Sie die beste Erfahrung machen.",
            "Utilizziamo i cookie per assicurarci che tu abbia la migliore esperienza.",
            "Wij gebruiken cookies om ervoor te zorgen dat de site goed werkt.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // A cookie the site needs, refused or missing, stays a session fault.
        for t in [
            "Please enable cookies to sign in.",
            "This application requires cookies.",
            "Cookies müssen aktiviert sein.",
            "Your browser is blocking cookies.",
            "请启用Cookie。",
            "Sign-in failed. Please check your cookie settings.",
            "Sign-in requires cookies (see cookie policy).",
            "El token del formulario no es válido",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A banner's button is no need.
        for t in ["Allow cookies", "Allow all cookies", "Accept all cookies"] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
    }

    #[test]
    fn wrong_codes_too_many_errors_and_codes_that_are_no_factor() {
        use Judgement::*;
        for t in [
            "Fehler beim Validieren des angegebenen Authentifizierungscodes",
            "Impossibile convalidare il codice di autenticazione fornito",
            "Der übermittelte Code ist nicht der korrekte TOTP-Token.",
            "Impossible de valider le code saisi.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        for t in [
            "Demasiados errores. Inténtelo de nuevo en 5 minutos.",
            "登録ロックPINの間違いが多すぎます。1日後に再度試してください。",
            "Límite de tasa excedido",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // An installation code is no second factor.
        for t in [
            "The installation code does not match",
            "Le code d'installation ne correspond pas",
            "安装代码不匹配",
        ] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
    }

    /// Rounds 43 to 47: a request the site cannot tell came from the user
    /// ("really sent by you"); and the counter-examples of the corpora and
    /// of a second attacker's review to the broader rules tried first (any
    /// error beside a session, "unknown" as "wrong", "a problem with your
    /// session", bare "sent by you", technical problems as an outage,
    /// workspaces and providers as the account at fault).
    #[test]
    fn requests_not_from_the_user_and_counter_examples() {
        use Judgement::*;
        for t in [
            "We could not verify that this request was really sent by you.",
            "我们无法验证这个请求真的是由您发送的。",
            "Session not found for workspace acme.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_eq!(strongest("The code sent by you is invalid."), Some(Invalid));
        assert_eq!(
            strongest("あなたが送信したコードが正しくありません。"),
            Some(Invalid)
        );
        for t in [
            "Too many requests sent by you. Please try again in 10 minutes.",
            "We're having technical issues. Your account is temporarily locked for 15 minutes.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        for t in [
            "Neue Sitzung kann nicht erstellt werden.",
            "Ocorreu um erro ao iniciar sessão. Volte a tela de login e tente novamente.",
            "Having a problem with your session? Visit our help center.",
            "Falls diese Anfrage nicht von Ihnen stammt, ignorieren Sie diese Nachricht.",
            "Messages sent by you are end-to-end encrypted.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        for t in ["Unknown token", "Token desconocido", "未知的令牌"] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        // Round 50: a server that could not be reached is an outage, so the
        // timeout after it on an MFA step is not the step running out.
        let on_mfa_step = |text: &str| read_text_on(text, true).votes_for(Expired);
        for t in [
            "Could not contact server. Timed out!",
            "Konnte Server nicht kontaktieren. Zeitüberschreitung!",
            "No se pudo conectar con el servidor. La operación superó el tiempo límite de espera",
        ] {
            assert_eq!(on_mfa_step(t), 0.0, "{t}");
        }
        assert!(on_mfa_step("Your code timed out. Please try again.") > 0.0);
    }

    #[test]
    fn durations() {
        assert_eq!(
            duration_in(&text::TokenBuf::default().fill("try again in 5 minutes")),
            Some(300)
        );
        assert_eq!(clock_countdown("Resend code in 0:45"), Some(45));
        // Too long for a countdown, and more minutes than a u32 of seconds holds.
        assert_eq!(clock_countdown("Resend code in 4000000000:00"), None);
        for (text, secs) in [
            ("Bitte warten Sie 30 Sekunden", 30),
            ("Réessayez dans 2 minutes", 120),
            ("Spróbuj ponownie za 5 minut", 300),
            ("1 saat sonra tekrar deneyin", 3600),
            ("30秒後にもう一度お試しください", 30),
            ("请在60秒后重试", 60),
            ("5분 후에 다시 시도하세요", 300),
        ] {
            assert_eq!(
                duration_in(&text::TokenBuf::default().fill(text)),
                Some(secs),
                "{text}"
            );
        }
    }

    #[test]
    fn a_page_expired_over_a_lost_session_devices_and_later_buttons() {
        use crate::snapshot::{Page, Snapshot};
        use Judgement::*;
        let read = |title: &str, text: &str| {
            let snap = Snapshot {
                url: "https://app.example.org/login".into(),
                page: Page {
                    title: title.into(),
                    text: text.into(),
                    ..Default::default()
                },
                ..Default::default()
            };
            top(&analyze(&snap, None))
        };
        // A 419 heading, in any language, or a heading "Page expired" over
        // a session lost: the form's token (Laravel's page).
        for (title, text) in [
            ("Page Expired", "419 | Page Expired"),
            ("", "419\nSeite abgelaufen"),
            (
                "",
                "Page Expired\nSorry, your session has expired. Please refresh and try again.",
            ),
            (
                "",
                "Page expirée\nVotre session a expiré. Veuillez rafraîchir la page.",
            ),
            (
                "",
                concat!(
                    "ページの有効期限が切れました\n",
                    "セッションの有効期限が切れました。ページを更新してください。"
                ),
            ),
        ] {
            assert_eq!(read(title, text), Some(Session), "{text}");
        }
        // Keycloak's page names the sign-in to restart: an expired step. A
        // number that is no heading's is no status.
        assert_eq!(
            read(
                "",
                "Page has expired\nTo restart the login process click here."
            ),
            Some(Expired)
        );
        assert_ne!(
            read("", "Page expired\nEnter the code 419 we sent you."),
            Some(Session)
        );
        // A number in a heading is no status; "Error 419" over a code that
        // expired names no page expiry.
        for text in [
            "Order #419\nYour verification link has expired.",
            "Error 419\nYour verification code has expired.",
        ] {
            assert_eq!(read("", text), Some(Expired), "{text}");
        }
        // The device an approval waited on is no credential; an address
        // being confirmed is.
        for t in [
            "La demande de connexion n'a pas été approuvée à temps sur votre téléphone.",
            "La richiesta di accesso inviata al tuo telefono è scaduta.",
            "The push request timed out.",
            "スマートフォンでの承認がタイムアウトしました。",
        ] {
            assert_eq!(strongest(t), Some(Expired), "{t}");
        }
        assert_ne!(
            strongest("El enlace para confirmar su email está truncado o ha expirado"),
            Some(Expired)
        );
        assert_ne!(
            strongest("Le lien pour confirmer votre téléphone a expiré."),
            Some(Expired)
        );
        // A button that puts a prompt off and a progress line are no limit;
        // a retry later is one.
        for t in [
            "Plus tard",
            "Przypomnij później",
            "稍后再说",
            "Bitte warten...",
            "Aguarde…",
            "Votre compte est en attente d'approbation. Veuillez patienter.",
            // An ellipsis ends the progress line; in Japanese the wait is
            // all one match of many characters.
            "Anmeldung läuft… Bitte warten.",
            "ログイン中です。お待ちください。",
            "Łączysz się z serwerem uwierzytelniania… Proszę czekać.",
            // The page at work, named in the sentence (review r82).
            "Envoi du code en cours, merci de patienter.",
            "Doğrulama kodu gönderiliyor, lütfen bekleyin.",
            "로그인 중입니다... 잠시만 기다려 주세요",
        ] {
            assert_eq!(strongest(t), None, "{t}");
        }
        // A wait after a block or a count stays a limit.
        for t in [
            "アカウントがロックされています。しばらくお待ちください。",
            "Trop de tentatives… Veuillez patienter.",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Rate), "{t}");
        }
        for t in [
            "Réessayez plus tard.",
            "Réessayez plus tard...",
            "Vorübergehend gesperrt...",
            "Conta bloqueada. Aguarde...",
            "Trop de tentatives. Patientez.",
            "Inténtalo más tarde.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_quota_of_what_a_plan_allots_is_no_limit() {
        use Judgement::*;
        for t in [
            "You have reached your storage quota.",
            "Vous avez atteint la limite d'articles gratuits.",
            "Sie haben das Limit an kostenlosen Artikeln erreicht.",
            "您的存储空间已达上限。",
            // The plan's own limit: what the plan allots is the quota.
            "You have reached the limit of your plan. Upgrade to continue.",
            "Você atingiu o limite de telas simultâneas do seu plano.",
            "Osiągnięto limit dla Twojego pakietu.",
            "Sie haben die maximale Anzahl gleichzeitiger Streams für Ihr Abo erreicht.",
            // An outage whose own words hold a negation ("niet beschikbaar
            // vanwege onderhoud") is still one, and "tijdelijk" no wait.
            "Deze dienst is tijdelijk niet beschikbaar vanwege onderhoud.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        // A quota of codes, requests or attempts, or one with a wait, is.
        for t in [
            "SMS quota reached. Try again tomorrow.",
            "Upload limit reached. Try again in 10 minutes.",
            "The project's quota for this operation has been exceeded.",
            "ファイルのアップロード回数が上限に達しました。しばらくしてから再度お試しください。",
            "Osiągnięto limit wysyłania kodów SMS.",
            "Too many requests for your plan. Try again in 60 seconds.",
            "Zugang für Mitglieder vorübergehend gesperrt. Bitte später erneut versuchen.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_request_mended_by_sending_the_form_again_is_the_form_token() {
        use Judgement::*;
        for t in [
            "Security check failed. The request could not be verified. \
             Refresh the page and submit the form again.",
            "Die Anfrage konnte nicht verifiziert werden. Bitte laden Sie die Seite neu \
             und senden Sie das Formular erneut ab.",
            "İstek doğrulanamadı. Sayfayı yenileyip formu tekrar gönderin.",
            "无法验证该请求，请刷新页面后重新提交。",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // A code or a credential named is what was wrong; a reload alone
        // follows any failure.
        for (t, want) in [
            (
                "Invalid code. Refresh the page and submit the form again.",
                Some(Invalid),
            ),
            (
                "The request could not be verified. Please reload the page and try again.",
                None,
            ),
            (
                "Ungültige Kundennummer. Bitte laden Sie die Seite neu und senden Sie das \
                 Formular erneut ab.",
                None,
            ),
            ("会员卡号无效，请刷新页面后重新提交。", None),
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
            if want.is_some() {
                assert_eq!(strongest(t), want, "{t}");
            }
        }
    }

    #[test]
    fn how_often_codes_run_out_is_no_code_that_ran_out() {
        assert_eq!(strongest("代码每 30 秒过期一次。"), None);
        assert_eq!(
            strongest("代码无效。代码每 30 秒过期一次。请尝试您的认证应用中的最新代码。"),
            Some(Judgement::Invalid)
        );
        assert_eq!(strongest("验证码已过期"), Some(Judgement::Expired));
    }

    #[test]
    fn a_bare_failure_then_a_servers_fault_is_no_verdict_on_the_code() {
        for t in [
            "Verification failed. A server error occurred.",
            "Verificatie mislukt. Er is een serverfout opgetreden.",
        ] {
            assert_ne!(top(&read_text_on(t, true)), Some(Judgement::Invalid), "{t}");
        }
        assert_eq!(
            top(&read_text_on(
                "Verification failed. Please try again.",
                true
            )),
            Some(Judgement::Invalid)
        );
    }

    #[test]
    fn a_code_that_cannot_be_checked_right_now_is_the_checkers_failure() {
        for t in [
            "Unable to verify the code right now. Please try again.",
            "Der Code kann derzeit nicht überprüft werden. Bitte versuchen Sie es erneut.",
            "Impossible de vérifier le code pour le moment. Veuillez réessayer.",
            "現在は認証コードを確認できません。もう一度お試しください。",
            "目前无法验证验证码。请稍后重试。",
            "目前无法验证验证码，请稍后重试",
            "We can't verify your code right now, please try again later.",
            "No podemos verificar tu código en este momento. Inténtalo de nuevo más tarde.",
            "Kodunuzu şu anda doğrulayamıyoruz. Lütfen daha sonra tekrar deneyin.",
        ] {
            // On the page that asks for the code, too.
            for on_mfa_step in [false, true] {
                let read = top(&read_text_on(t, on_mfa_step));
                assert!(
                    matches!(read, None | Some(Judgement::Other)),
                    "{t} ({on_mfa_step}): {read:?}"
                );
            }
        }
        // A limit of the moment is still a limit.
        assert_eq!(
            top(&read_text_on(
                "Too many attempts right now, please try again later.",
                true
            )),
            Some(Judgement::Rate)
        );
        // "現在の認証コード" is the current code: still a wrong one.
        for t in [
            "Unable to verify the code. Please try again.",
            "現在の認証コードが無効です。",
        ] {
            assert_eq!(
                top(&read_text_on(t, false)),
                Some(Judgement::Invalid),
                "{t}"
            );
        }
    }

    #[test]
    fn a_token_with_its_link_named_next_and_a_login_identity_run_out() {
        use Judgement::*;
        for t in [
            "Invalid or missing token. Please check the link again.",
            "Token inválido. Abre de nuevo el enlace del correo.",
        ] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        assert_eq!(
            strongest("Invalid token. Please enter the code again."),
            Some(Invalid)
        );
        assert_eq!(strongest("登录身份已过期，请重新登录"), Some(Session));
        // A membership's status run out is no sign-in's (review r61).
        assert_ne!(
            strongest("您的VIP身份已失效，请重新登录查看权益"),
            Some(Session)
        );
    }

    #[test]
    fn unlocked_at_a_moment_after_a_failure() {
        use Judgement::*;
        for t in [
            "Too many attempts. Your account will be unlocked at 14:30.",
            "Too many failed sign-ins. The address will be unblocked at 2025-03-15 10:30:00 UTC",
            "このIPアドレスは2025-03-15 10:30:00までブロックされます。",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // Nor a sanction, a policy's wait or an administrator's unlock.
        for t in [
            "Unlock the door at 8:00.",
            "Will the account be unlocked at 14:30?",
            "Password changes are not allowed until 2025-03-16 10:30:00.",
            "The account was unlocked at 2025-03-15 10:30:00 by an administrator.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_web_address_is_a_value_refused_or_visited() {
        use Judgement::*;
        for t in [
            "Der Dienst https://app.example.org/ ist nicht erlaubt.",
            "不允许的回调 https://app.example.org/cb",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // Given to visit, or beside a credential: its scheme is no HTTPS said.
        for t in [
            "未設定です。https://id.example.org に移動して設定してください。",
            "The server at https://cloud.example.org/ did not accept the credentials.",
            "Le serveur est hors service. Voir https://status.example.org",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
    }

    #[test]
    fn the_code_then_error_and_idle_too_long() {
        use Judgement::*;
        for t in ["2단계 인증 코드 오류", "二要素認証コード エラー"] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        // A verb of failure last is no noun "error": the code not sent.
        for t in ["Doğrulama kodu gönderilemedi.", "Token yenileme hatası"] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        // Idle too long: the signed-in session's timeout; an account idle
        // too long and disabled is a block.
        for t in [
            "Sie waren zu lange inaktiv. Bitte melden Sie sich erneut an.",
            "Vous êtes resté inactif trop longtemps.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        assert_ne!(
            strongest("Your account was inactive for too long and has been disabled."),
            Some(Session)
        );
        // A second factor is the code; a code that does not seem valid is
        // said wrong.
        for t in [
            "El segundo factor que ha proporcionado es incorrecto.",
            "The code you entered does not seem to be valid.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
    }

    #[test]
    fn too_many_with_what_failed_named_between() {
        use Judgement::*;
        for t in [
            "너무 많이 로그인에 실패했습니다.",
            "너무 많이 인증 코드 확인에 실패했습니다. 잠시 후 다시 시도하세요.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // A count of something else, with the sign-in named: no limit.
        assert_ne!(
            strongest("너무 많은 로그인 화면 설정이 있습니다."),
            Some(Rate)
        );
    }

    #[test]
    fn a_lock_until_a_time_of_day_has_an_end() {
        use Judgement::*;
        for t in [
            "アカウントは14:30までロックされています",
            "계정이 14:30까지 잠겼습니다",
            "您的账户已锁定至 14:30",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        assert_eq!(
            strongest("Votre compte est bloqué jusqu'à 14h30."),
            Some(Rate)
        );
        // A moment with its seconds, or after a whole date; refused until it.
        for t in [
            "Anmeldung gesperrt bis 15.03.2025 10:30:00",
            "Login is not allowed until 2025/03/15 10:30.",
            "ログインは 09:15:00 まで拒否されます",
            // A month's name, the words "au" and "à", "fino al".
            "Your account is locked until Mar 15, 2025 10:30 AM.",
            "Votre compte est bloqué jusqu'au 15 mars 2025 à 10:30.",
            "Il tuo account è bloccato fino al 15/03/2025 alle 10:30.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // Until a date: a suspension, no lock of attempts; nor maintenance.
        for t in [
            "Sua conta está suspensa no momento até 12/05/2026.",
            "Sign-in is disabled until 06:00 CET for scheduled maintenance.",
            "Your account will be unavailable for 2 hours on Sunday for scheduled maintenance.",
            "Esta cuenta no estará disponible durante 3 horas por mantenimiento programado.",
            "メンテナンスのため、このアカウントは2時間ご利用いただけません。",
            "Bevestig eerst uw e-mailadres voordat u opnieuw probeert in te loggen.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        assert_eq!(
            strongest("無効な認証状態です。もう一度お試しください。"),
            Some(Session)
        );
        assert_eq!(
            strongest("Wacht minstens 30 seconden voordat u opnieuw probeert in te loggen."),
            Some(Rate)
        );
    }

    #[test]
    fn an_account_out_of_use_for_a_length_is_locked_for_it() {
        for t in [
            "This account is unavailable for 5 minutes.",
            "このアカウントは 5 分間利用できません。",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Rate), "{t}");
        }
    }

    #[test]
    fn a_code_not_sent_then_later_is_no_limit() {
        for t in [
            "Zusendung des Codes fehlgeschlagen. Bitte versuchen Sie es später noch einmal.",
            "发送代码失败。请稍后再试",
        ] {
            let top = strongest(t);
            assert!(
                top.is_none() || top == Some(Judgement::Other),
                "{t}: {top:?}"
            );
        }
    }

    #[test]
    fn a_wait_for_a_length_after_tries_is_the_limit() {
        use Judgement::*;
        for t in [
            "Lo ha intentado más de 5 veces, espera al menos 24 horas para volver a intentarlo.",
            "Please wait 5 minutes before trying again.",
        ] {
            assert_eq!(strongest(t), Some(Rate), "{t}");
        }
        // A wait for what is on its way is no limit, nor one for the next
        // code of an app.
        assert_ne!(
            strongest("Please wait up to 10 minutes for the email to arrive."),
            Some(Rate)
        );
        assert_eq!(
            strongest(
                "Incorrect code. Please wait 30 seconds for your authenticator app to show \
                 a new code."
            ),
            Some(Invalid)
        );
    }

    #[test]
    fn an_http_status_code_is_no_one_time_code() {
        for t in [
            "Authentication failed (HTTP code 401)",
            "Authentifizierung fehlgeschlagen (HTTP-Code 401)",
            "Échec de l'authentification (code HTTP 401)",
            "Uwierzytelnianie nie powiodło się (kod HTTP 401)",
        ] {
            assert_ne!(strongest(t), Some(Judgement::Invalid), "{t}");
        }
    }

    #[test]
    fn a_pin_alone_is_no_one_time_code() {
        use Judgement::*;
        // A PIN unlocks a card, a phone, a wallet or an app: no code of a
        // sign-in step, unless the sentence names one. So does a "PIN
        // code" alone (a SIM card's, an alarm's).
        for t in [
            "Ungültiger PIN. Bitte erneut versuchen.",
            "Wrong PIN",
            "暗証番号が間違っています。",
            "Código PIN incorrecto",
            "Falscher PIN-Code der SIM-Karte.",
            "PIN 码错误",
        ] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        for t in [
            "Código SMS ou código PIN inválido",
            "Sie haben einen falschen Bestätigungs-PIN-Code eingegeben.",
            "Invalid one time PIN",
            "The PIN we sent to your mobile number is incorrect.",
            "Die eingegebene SMS-PIN ist ungültig.",
        ] {
            assert_eq!(strongest(t), Some(Invalid), "{t}");
        }
        assert_eq!(
            strongest("Du hast zu viele falsche PINs eingegeben."),
            Some(Rate)
        );
    }

    #[test]
    fn a_form_that_ran_out_is_its_token() {
        // The form itself expired: its hidden token ran out, on a code's
        // step too. A page that expired names no form.
        for t in [
            "This form has expired. Please try again.",
            "Dieses Formular ist abgelaufen. Versuchen Sie es erneut.",
            "Bu formun süresi doldu. Tekrar deneyin.",
            "表单已过期。 再试一次。",
            // A try asked for in the same sentence.
            "Formular abgelaufen, bitte erneut versuchen.",
            "Form süresi dolmuş, lütfen tekrar deneyin.",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Session), "{t}");
        }
        assert_eq!(strongest("Page has expired"), Some(Judgement::Expired));
        // A token said missing from the form, or from its hidden field.
        for t in [
            "The hidden field \"csrf_token\" is required.",
            "Dem Formular fehlt das Token.",
            "表单缺少 token 字段",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Session), "{t}");
        }
        assert_ne!(
            strongest("Ungültige Formulardaten."),
            Some(Judgement::Session)
        );
    }

    #[test]
    fn clocks_to_check_servers_down_limits_as_rules_and_forged_state() {
        use Judgement::*;
        for (t, want) in [
            // The advice to check the clock, said alone, as "make sure".
            ("Please check the clock of your device.", Some(Session)),
            ("Controleer de klok van je computer.", Some(Session)),
            // Only so often, or so much from one address: a limit.
            ("You can only send one request every 2 minutes.", Some(Rate)),
            ("同一IP每天只能发送10条短信", Some(Rate)),
            // A code's own rule names no time.
            (
                "Invalid code. Each code can only be used once.",
                Some(Invalid),
            ),
            // A state said forged or tampered with.
            ("The state value was tampered with.", Some(Session)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A server down or over capacity is an outage, no limit; so is a
        // setup said wrong, or a failure, then a retry later.
        for t in [
            "There is a configuration problem with the sign-in. Please try again later.",
            "登录配置有误，请稍后再试。",
            "未能完成登录，请稍后再试。",
            "The service is down right now, please try again later.",
            "サーバーが一時的にダウンしています。後でもう一度お試しください。",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
    }

    #[test]
    fn a_request_header_said_wrong_is_the_proxys() {
        for t in [
            "Invalid Host header.",
            "Der Origin-Header stimmt nicht mit dem Ziel überein.",
            "リクエストのオリジンヘッダーが一致しません。",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Session), "{t}");
        }
        for t in ["Invalid token header.", "Request header too large."] {
            assert_ne!(strongest(t), Some(Judgement::Session), "{t}");
        }
    }

    #[test]
    fn a_redirect_refused_is_the_list_of_return_addresses() {
        // Refused, called wrong or an error: the deployment's return
        // addresses. Under way, explained or after a wrong code: nothing.
        for t in [
            "Redirects to other domains are not allowed.",
            "Die Weiterleitung auf diese Adresse ist nicht erlaubt.",
            "La redirection demandée est invalide.",
            "Błąd przekierowania: nieznana domena.",
            "このリダイレクト先は許可されていません。",
            "重定向地址无效。",
        ] {
            assert_eq!(strongest(t), Some(Judgement::Session), "{t}");
        }
        for t in [
            "Redirecting you to the sign-in page…",
            "You were redirected because two-factor authentication must be set up first.",
            "Verkeerde code. U wordt doorgestuurd naar de inlogpagina.",
            "Pour éviter les redirections invalides, vous arrivez sur l'accueil après connexion.",
        ] {
            assert_ne!(strongest(t), Some(Judgement::Session), "{t}");
        }
    }

    #[test]
    fn site_data_daily_limits_lost_sessions_and_steps_not_done_in_time() {
        use Judgement::*;
        for (t, want) in [
            (
                "Je browser slaat geen sitegegevens op voor deze website. \
                 Sta het opslaan van sitegegevens toe.",
                Session,
            ),
            (
                "Se perdieron los datos de tu sesión durante el acceso.",
                Session,
            ),
            ("Das Tageslimit für SMS-Codes ist erreicht.", Rate),
            ("You have reached the daily limit for SMS codes.", Rate),
            (
                "Die Anmeldung wurde nicht innerhalb der vorgegebenen Zeit abgeschlossen.",
                Expired,
            ),
            ("Doğrulama işlemi süresi içinde tamamlanmadı.", Expired),
        ] {
            assert_eq!(strongest(t), Some(want), "{t}");
        }
    }

    #[test]
    fn loops_then_cookies_timeouts_then_allowances_idioms_and_memberships() {
        use Judgement::*;
        for (t, want) in [
            (
                "Too many redirects. The sign-in page keeps bouncing back and forth. \
                 Clear cookies for this site and try again.",
                Some(Session),
            ),
            (
                "Çok fazla yönlendirme. Giriş sayfası döngüye girdi. \
                 Bu sitenin çerezlerini silip tekrar deneyin.",
                Some(Session),
            ),
            // A loop asked about is a help link's.
            (
                "Forgot your password? Too many redirects? Learn how to clear cookies.",
                None,
            ),
            (
                "Zeitüberschreitung. Die Zwei-Faktor-Prüfung muss innerhalb von 3 Minuten \
                 abgeschlossen werden.",
                Some(Expired),
            ),
            (
                "Tempo esgotado. A verificação em dois passos tem de ser concluída em 5 minutos.",
                Some(Expired),
            ),
            (
                "Code expired. Too many attempts. Try again in 5 minutes.",
                Some(Rate),
            ),
            ("Der Code passt leider nicht.", Some(Invalid)),
            ("Ups, to nie ten kod.", Some(Invalid)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        for t in [
            "Your library membership has expired.",
            "Ihr Personalausweis ist abgelaufen.",
        ] {
            assert_ne!(strongest(t), Some(Expired), "{t}");
        }
    }

    /// Twenty-third session: resends counted down on a clock, validities
    /// and allowances beside an expiry, and technical errors as outages.
    #[test]
    fn clock_countdowns_allowances_not_met_and_technical_errors() {
        use Judgement::*;
        for (t, want) in [
            ("Reenviar código (disponible en 00:45)", Some(Rate)),
            ("Code erneut senden in 2:00", Some(Rate)),
            // A clock past five minutes is a time of day, no countdown.
            ("Resend code at 14:30", None),
            (
                "O link de acesso não é mais válido: ele expira em 15 minutos.",
                Some(Expired),
            ),
            (
                "O pedido de autenticação expirou por não ter sido confirmado dentro de 5 minutos.",
                Some(Expired),
            ),
            (
                "Onay bildirimi 2 dakika içinde yanıtlanmadığı için geçersiz oldu.",
                Some(Expired),
            ),
            // A wait after the expiry, with no negation or a request, is a wait.
            (
                "O código expirou. Tente novamente dentro de 5 minutos.",
                Some(Rate),
            ),
            (
                "Interner Serverfehler\nIhr Code konnte wegen eines technischen Problems \
                 nicht geprüft werden.",
                Some(Other),
            ),
            (
                "We're having technical issues. Your account is temporarily locked for 15 \
                 minutes.",
                Some(Rate),
            ),
            (
                "Your account is temporarily unavailable, try again in 5 minutes.",
                Some(Other),
            ),
            // A validity's length in brackets, and a time passed since sending.
            (
                "ワンタイムパスワードの有効期限（5分）を過ぎています。",
                Some(Expired),
            ),
            ("인증번호의 유효시간(3분)이 지났습니다.", Some(Expired)),
            ("该邮箱验证码发送已超过10分钟，不再有效。", Some(Expired)),
            (
                "認証コードの入力に複数回失敗したため、15分間ログインを制限しています。",
                Some(Rate),
            ),
            // An approval not given in its time, then the request said to
            // expire; not a lock after the expiry.
            (
                "Vous n'avez pas validé la connexion dans l'application dans les 2 minutes. \
                 La demande a expiré.",
                Some(Expired),
            ),
            (
                "No aprobaste la solicitud en tu teléfono dentro de los 2 minutos. La \
                 solicitud ha vencido.",
                Some(Expired),
            ),
            (
                "Le code a expiré et vous ne pourrez pas vous reconnecter pendant 15 minutes.",
                Some(Rate),
            ),
            // A resend before the clock; a validity or a time of day before it.
            ("验证码不能为空\n有效时间 03:12 重新发送", Some(Other)),
            ("Code sent at 1:15 AM · Resend code", None),
            // A technical problem as a condition or denied beside a verdict.
            (
                "Ungültiger Code – bei technischen Problemen wenden Sie sich an den Support.",
                Some(Invalid),
            ),
            (
                "Incorrect verification code (if the problem persists due to technical \
                 issues, contact your IT team).",
                Some(Invalid),
            ),
            ("验证失败：验证码错误，并非技术原因。", Some(Invalid)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn cards_mailed_codes_and_requests_to_unlock() {
        use Judgement::*;
        for (t, want) in [
            // A card or a subscription that ran out is no step's.
            ("Twoja karta płatnicza wygasła.", None),
            ("등록된 결제 카드의 유효기간이 만료되었습니다.", None),
            ("Aboneliğinizin süresi doldu.", None),
            // A contact right before the sent word, or before a participle
            // that qualifies the code, is where the code was sent.
            (
                "Der Code stimmt nicht mit dem überein, den wir an Ihre E-Mail-Adresse \
                 gesendet haben.",
                Some(Invalid),
            ),
            (
                "Der an Ihre E-Mail gesendete Code ist ungültig.",
                Some(Invalid),
            ),
            (
                "De code die we naar je e-mail stuurden, is verlopen.",
                Some(Expired),
            ),
            ("O código que enviámos por email já expirou.", Some(Expired)),
            // The address itself judged is still a credential's.
            ("Die E-Mail-Adresse ist ungültig.", Some(Other)),
            ("E-Mail oder Code ungültig.", Some(Other)),
            // A lock the administrator is asked to unlock has no end; a
            // limit the administrator may raise is still a limit.
            (
                "Votre compte a été bloqué suite à trop de tentatives. Contactez votre \
                 administrateur pour le débloquer.",
                Some(Other),
            ),
            (
                "Rate limit exceeded. Contact your administrator to raise the limit.",
                Some(Rate),
            ),
            // What expired named right before its expiry, after an approval
            // not given in time.
            (
                "Mobil uygulamadaki giriş onayı 2 dakika içinde verilmediği için isteğin \
                 süresi doldu.",
                Some(Expired),
            ),
            ("Sesli arama ile kod alma hakkınız doldu.", Some(Rate)),
            // A code not entered in its time, under a timeout heading, is the
            // step that ran out; alone it reads nothing, and a lock stays one.
            (
                "Zeit abgelaufen\nSie haben den Sicherheitscode nicht innerhalb von 10 \
                 Minuten eingegeben.",
                Some(Expired),
            ),
            (
                "Sie haben den Code nicht innerhalb von 10 Minuten eingegeben.",
                None,
            ),
            (
                "Zu viele Versuche\nSie können den Code 10 Minuten lang nicht eingeben.",
                Some(Rate),
            ),
            // Continued in another tab or browser: the state is there.
            (
                "Anmeldung unterbrochen: Du hast den Vorgang in einem anderen Tab geöffnet.",
                Some(Session),
            ),
            // A postal code that is not the right one is no sign-in code.
            ("Le code postal n'est pas le bon.", None),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn credentials_asked_again_and_steps_past_their_time() {
        use Judgement::*;
        for (t, want) in [
            // The credentials to enter again after an expiry are no failure
            // of theirs; a password that expired is.
            (
                "Your sign-in attempt has expired, please enter your username and password \
                 again.",
                Some(Expired),
            ),
            ("本次登录尝试已过期，请重新输入账号和密码。", Some(Expired)),
            (
                "Your password has expired, please enter a new password.",
                Some(Other),
            ),
            // An address to confirm again is not one to enter.
            (
                "我们发送到您邮箱的验证链接已过期，请重新验证邮箱地址。",
                Some(Other),
            ),
            // A sign-in after a plan ran out is what to do next.
            ("您的试用期已到期，请升级套餐后再登录。", None),
            // A step past its time; a count past its maximum is a limit.
            (
                "You have exceeded the time allowed to complete two-step verification.",
                Some(Expired),
            ),
            (
                "You have exceeded the maximum number of verification attempts.",
                Some(Rate),
            ),
            (
                "Délai de vérification en deux étapes dépassé.",
                Some(Expired),
            ),
            // Review 46: the expired thing is the credential, the link or
            // the account's allowance.
            (
                "Expired password: please enter a new password.",
                Some(Other),
            ),
            (
                "期限切れのパスワードです、新しいパスワードを入力してください。",
                Some(Other),
            ),
            (
                "Daily sign-in time exceeded for this child account. Ask a parent to allow \
                 more time.",
                None,
            ),
            // Where the code was written, in a sent word of five characters.
            (
                "メールに記載された確認コードと一致しません。",
                Some(Invalid),
            ),
            (
                "Het verzoek om de tweede stap met je passkey te bevestigen is verlopen.",
                Some(Expired),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A date written with full stops ends no sentence: on a code's page,
        // "abgelaufen." alone would be the step's.
        let t = "Ihre Mitgliedschaft ist am 31.12. abgelaufen.";
        assert_eq!(top(&read_text_on(t, true)), None, "{t}");
    }

    #[test]
    fn numbers_written_as_words_before_a_unit() {
        use Judgement::*;
        // A lock with an end, the end written in words, is a limit; the
        // same lock with no end is not.
        for (t, want) in [
            (
                "For your security, code entry is locked for one hour after repeated failed \
                 attempts.",
                Some(Rate),
            ),
            ("For your security, code entry is locked.", Some(Other)),
            (
                "Per motivi di sicurezza, l'inserimento del codice è bloccato per un'ora.",
                Some(Rate),
            ),
            (
                "Por motivos de segurança, a introdução de códigos ficou bloqueada durante \
                 uma hora.",
                Some(Rate),
            ),
            // An article before "second" is no length.
            ("Utilisez une seconde méthode.", None),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // The wait counted in seconds, numerals in Han read together.
        for (t, secs) in [
            ("Too many attempts. Try again in fifteen minutes.", 900),
            ("Trop de tentatives. Réessayez dans une heure.", 3600),
            ("尝试次数过多，请三十分钟后再试。", 1800),
            ("尝试次数过多，请两小时后再试。", 7200),
        ] {
            assert_eq!(read_text(t).cooldown_s, Some(secs), "{t}");
        }
        // Elsewhere a number word stays a word: "十分" is "very" as often
        // as ten minutes.
        let mut b = text::TokenBuf::default();
        let mut matches = Vec::new();
        for t in [
            "Choose a second factor or one code",
            "十分抱歉，验证码错误。",
        ] {
            let mut toks = b.fill(t);
            text::lexicon().scan_into(&toks, &mut matches);
            assert!(!number_words(&mut toks, &matches, u64::MAX), "{t}");
        }
    }

    #[test]
    fn locks_of_minutes_idle_sessions_and_the_correct_code() {
        use Judgement::*;
        for (t, want) in [
            // A lock of minutes as of hours: "N분 동안" before a block word.
            ("계정이 30분 동안 잠겼습니다.", Some(Rate)),
            ("계정이 1시간 동안 잠겼습니다.", Some(Rate)),
            // Turkish locks in the adjective and the reported past.
            ("Hesabınız 30 dakika kilitli.", Some(Rate)),
            ("Hesabınız 15 dakika süreyle kilitlenmiştir.", Some(Rate)),
            ("Hesabınız kilitlenmiştir.", Some(Other)),
            ("Kullanıcı kilitli, lütfen bekleyiniz.", Some(Rate)),
            // A session inactive for a length is idleness, no lock.
            (
                "세션이 30분 동안 비활성화된 후 시간 초과되었습니다.",
                Some(Session),
            ),
            (
                "세션이 1시간 동안 비활성화된 후 시간 초과되었습니다.",
                Some(Session),
            ),
            // The advice to enter the correct code after a failure.
            (
                "Authentication failed. Please enter the correct authentication code.",
                Some(Invalid),
            ),
            (
                "認証に失敗しました。正しい認証コードを入力してください。",
                Some(Invalid),
            ),
            (
                "Falha na autenticação. Insira o código correto.",
                Some(Invalid),
            ),
            (
                "Login failed. Please enter the correct password.",
                Some(Other),
            ),
            // A captcha said wrong is no code of the sign-in's.
            ("画像認証が間違っています。", Some(Other)),
            // So is the code in a picture, named by where it is shown.
            ("Kod z obrazka jest nieprawidłowy.", Some(Other)),
            (
                "Os caracteres da imagem não conferem. Digite o código correto.",
                Some(Other),
            ),
            // ja 有効 is "enabled" after a method: two-step not turned on.
            ("このユーザーは二段階認証が有効ではありません", Some(Other)),
            ("二段階認証コードが有効ではありません。", Some(Invalid)),
            // No sign-in under way for the session: the interaction is lost.
            (
                "Nenhuma tentativa de login ativa em andamento para a sua sessão.",
                Some(Session),
            ),
            ("您的会话没有正在进行的登录尝试。", Some(Session)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    /// Rounds 203 to 205, in other words than theirs.
    #[test]
    fn tokens_of_another_sign_in_sessions_that_ended_and_sign_ins_to_continue() {
        use Judgement::*;
        for (t, want) in [
            // A token said to be another sign-in's or session's: state that
            // no longer matches, no wrong code.
            (
                "This token does not belong to the sign-in you started.",
                Some(Session),
            ),
            ("Ce jeton n'appartient pas à votre session.", Some(Session)),
            (
                "このトークンは現在のセッションに属していません。",
                Some(Session),
            ),
            ("该令牌不属于当前的登录尝试。", Some(Session)),
            // Another device's or account's is a wrong code or nothing.
            (
                "The code is invalid or does not belong to this device.",
                Some(Invalid),
            ),
            ("This security key does not belong to your account.", None),
            // A session that ended, with a sign-in asked for, was lost; not
            // one the user ended.
            (
                "Your session has ended. Please sign in again.",
                Some(Session),
            ),
            (
                "세션이 종료되었습니다. 다시 로그인해 주세요.",
                Some(Session),
            ),
            ("You ended your session. Sign in again anytime.", None),
            // A sign-in "to continue" after a session ran out is asked again.
            (
                "Your session has expired. Sign in to continue.",
                Some(Session),
            ),
            (
                "Sua sessão expirou. Faça login para continuar.",
                Some(Session),
            ),
            ("Your code has expired. Sign in to continue.", Some(Expired)),
            // A redirect address not on the client's list.
            (
                "The redirect URI is not listed for this client.",
                Some(Session),
            ),
            ("URI de redirection non listée.", Some(Session)),
            // A count of sign-ins exceeded; a problem with the session.
            ("ログインの試行回数を超えました。", Some(Rate)),
            ("Wystąpił problem z tokenem sesji.", Some(Session)),
            // A code that could not be sent is no wrong code, nor a limit.
            ("短信验证码发送失败，请稍后重试。", Some(Other)),
            ("发送验证码失败。", Some(Other)),
            // Rounds 206 to 208: a captcha named as a check that the user is
            // human; a sign-in that took too long; a wait "以后"; the state.
            ("Human verification failed. Please try again.", Some(Other)),
            ("Weryfikacja człowieka nie powiodła się.", Some(Other)),
            ("The authentication process took too long.", Some(Expired)),
            ("账号已锁定，请在 30 分钟以后再试。", Some(Rate)),
            ("尝试次数超限，请等候 30 秒再试。", Some(Rate)),
            ("Your tenant has expired. Contact your administrator.", None),
            ("인증 후 상태 변수가 일치하지 않습니다.", Some(Session)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn waits_not_yet_over_cookies_to_allow_and_tokens_not_yet_active() {
        use Judgement::*;
        for (t, want) in [
            // A wait or a code said not yet to have run out: a cooldown still
            // running, in words other than the rounds'.
            (
                "You cannot request a new code: the previous one has not expired yet.",
                Some(Rate),
            ),
            ("Die Wartezeit ist noch nicht verstrichen.", Some(Rate)),
            ("La période d'attente n'est pas encore écoulée.", Some(Rate)),
            ("上一个验证码尚未过期，请勿重复发送。", Some(Rate)),
            // Not of a password, an account or a session.
            ("Your password has not expired yet.", Some(Other)),
            ("Ihre Sitzung ist noch nicht abgelaufen.", None),
            // Cookies to allow for signing in: they are blocked. A consent
            // banner's button is not.
            ("Please allow cookies to sign in.", Some(Session)),
            ("Autorisez les cookies pour vous connecter.", Some(Session)),
            ("Allow all cookies", None),
            // A token not yet active is early (a clock), an account not yet
            // activated is no fault of the deployment.
            ("The token is not yet active.", Some(Session)),
            ("账户尚未激活", None),
            // A captcha named by its brand or its Korean name.
            ("Turnstile verification failed.", Some(Other)),
            ("자동등록방지 문자가 일치하지 않습니다.", Some(Other)),
            // Extending a validity is no expiry.
            ("유효 기간을 연장하려면 관리자에게 문의하세요.", None),
            // Limits and bans with a length.
            ("您已达到发送次数限制，请明天再试。", Some(Rate)),
            ("ログイン制限を超えています。", Some(Rate)),
            ("验证失败次数过多，禁止登录 5 分钟。", Some(Rate)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn accounts_that_ran_out_sign_ins_that_expired_and_problems() {
        use Judgement::*;
        for (t, want) in [
            // An account that ran out is no step that expired; an attempt
            // of one user's that ran out still is.
            ("This account expired, so you cannot sign in.", None),
            ("La cuenta ha caducado y no puedes acceder.", None),
            (
                "The sign-in request for this device has expired.",
                Some(Expired),
            ),
            // A sign-in (the signed-in state) that ran out, with a new one
            // asked for, lost the session; said alone it is the step's.
            ("登录已失效，请重新登录后再操作。", Some(Session)),
            ("登录已过期", Some(Expired)),
            ("로그인이 만료되었습니다. 다시 로그인하세요.", Some(Session)),
            (
                "ログインセッションが切れました。もう一度ログインしてください。",
                Some(Session),
            ),
            // Problems of the site's, then a retry later: no limit.
            (
                "We are having problems right now. Please try again later.",
                Some(Other),
            ),
            (
                "Es gibt gerade technische Probleme. Bitte versuchen Sie es später erneut.",
                Some(Other),
            ),
            // A session about to run out has not.
            ("Je sessie staat op het punt te verlopen.", None),
            // Cookies a site asks the browser to accept; a service slowed
            // down, then a retry: no limit.
            (
                "Para entrar en este sitio tienes que aceptar las cookies.",
                Some(Session),
            ),
            (
                "Le service subit des ralentissements. Réessayez plus tard.",
                Some(Other),
            ),
            // The code of an error is no sign-in code.
            ("Login failed (error code 500).", Some(Other)),
            ("La connexion a échoué. Code d'erreur : 500", Some(Other)),
            // An account disabled after failures has no end.
            (
                "ログインに何度も失敗したため、アカウントが無効化されました。",
                Some(Other),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn deliveries_sessions_not_set_up_and_redirects_refused() {
        use Judgement::*;
        for (t, want) in [
            // The code's delivery, named first, failed: no code was judged.
            (
                "Senden des Verifizierungs-Token fehlgeschlagen",
                Some(Other),
            ),
            ("L'envoi du code a échoué.", Some(Other)),
            // A code judged, then a delivery asked for or named: still the code.
            (
                "La validation du code a échoué, demandez l'envoi d'un nouveau code.",
                Some(Invalid),
            ),
            (
                "Zwei-Faktor-Anmeldung fehlgeschlagen: Code der letzten Zustellung nehmen.",
                Some(Invalid),
            ),
            (
                "SMSで送信された確認コードの認証に失敗しました。",
                Some(Invalid),
            ),
            // A session the browser could not set up; one being set up, or
            // set up, is no failure.
            (
                "Impossible d'établir une session avec votre navigateur. Fermez-le et réessayez.",
                Some(Session),
            ),
            (
                "无法与您的浏览器建立会话。请关闭浏览器，然后重试。",
                Some(Session),
            ),
            ("正在建立会话，请稍候……", None),
            (
                "セッションを確立しました。ダッシュボードに移動します。",
                None,
            ),
            // A redirect refused; single sign-on that failed says no more
            // than a sign-in that failed; its ticket is a session's.
            ("Verbotene Weiterleitung nach: /admin", Some(Session)),
            ("客户端重定向的 URI 没有注册。", Some(Session)),
            ("SSO-Anmeldevorgang fehlgeschlagen.", Some(Other)),
            (
                "SSO-Ticket ungültig, bitte melden Sie sich erneut an.",
                Some(Session),
            ),
            // "인증 코드 오류": a code error, read as one phrase.
            ("인증 코드 오류", Some(Invalid)),
            ("The code isn't right.", Some(Invalid)),
            // The contact a code came by is no credential; one given as
            // an alternative to the code, or that a code came to, is.
            (
                "OTP-Verifizierung per E-Mail fehlgeschlagen.",
                Some(Invalid),
            ),
            ("メールの OTP の検証に失敗しました。", Some(Invalid)),
            ("Invalid email or code.", Some(Other)),
            // A block until its period ends has an end; a cooldown said as
            // a quota is a limit.
            (
                "The account is blocked until the lockout period has expired.",
                Some(Rate),
            ),
            ("一分钟内只能发送一次验证码", Some(Rate)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn request_tokens_codes_we_could_not_verify_and_times_that_passed() {
        use Judgement::*;
        for (t, want) in [
            // A request's or a security token that failed: the form's.
            ("Geçersiz İstek Belirteci", Some(Session)),
            ("Nieprawidłowy żeton zgłoszenia", Some(Session)),
            ("Error: imposible validar token de seguridad", Some(Session)),
            (
                "Erro: não é possível verificar o token de segurança",
                Some(Session),
            ),
            // A code the site says it could not verify, in the first person.
            ("Não consegui verificar seu código", Some(Invalid)),
            ("Je n’ai pas pu vérifier votre code", Some(Invalid)),
            ("Non ho potuto verificare il tuo codice", Some(Invalid)),
            ("Código de verificação de e-mail inválido", Some(Invalid)),
            // A one-time password whose time has passed.
            ("Tek seferlik şifrenizin zamanı geçmiştir.", Some(Expired)),
            // An address blocked, a try later asked for: a lock with an end.
            ("您的 IP 当前被阻止；请稍后再试。", Some(Rate)),
            // The advice to check the code, a new try asked for: the code
            // was wrong.
            (
                "Please check the verification code and try again.",
                Some(Invalid),
            ),
            ("请检查验证码后重试。", Some(Invalid)),
            ("인증 코드를 확인한 뒤 다시 시도해 주세요.", Some(Invalid)),
            // A session that ran out, a sign-in asked for: the session's.
            (
                "Die Sitzung ist abgelaufen. Melden Sie sich an.",
                Some(Session),
            ),
            (
                "La session a expiré. Veuillez vous connecter.",
                Some(Session),
            ),
            ("세션이 만료되었습니다. 로그인해 주세요.", Some(Session)),
            ("会话已过期。请登录。", Some(Session)),
            // A session that could not be found; a redirect URI refused.
            ("Oturum algılanamadı.", Some(Session)),
            ("Impossibile individuare la sessione.", Some(Session)),
            (
                "redirect_uri non è autorizzato per questo client",
                Some(Session),
            ),
            // The advice to make sure a code has not expired says no code ran
            // out; a wrong code said before it stays one.
            (
                "If the code was copy-pasted, make sure it has not expired.",
                None,
            ),
            (
                "O código é inválido. Se o código foi copiado, certifique-se de que não expirou.",
                Some(Invalid),
            ),
            ("请确保验证码未过期", None),
            // A try asked for alone says nothing of what failed.
            ("Bitte versuchen Sie es erneut.", None),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn review_65_shops_codes_and_pages_and_advice_that_a_code_has_not_expired() {
        use Judgement::*;
        for (t, want) in [
            // A shop's code or page, checked or timed out, is no sign-in's
            // (the card details to enter again are a credential's need).
            ("Please check the gift card code and try again.", None),
            ("Controlla il codice IBAN e riprova.", None),
            ("쿠폰 코드를 확인하고 다시 시도하세요.", None),
            (
                "Your payment page timed out. Please reload the page and re-enter your card.",
                Some(Other),
            ),
            ("支付页面已超时，请刷新页面。", None),
            ("La sesión de pago caducó después de 15 minutos.", None),
            ("Die Zahlungssitzung ist abgelaufen.", None),
            // A card's security code said wrong is the shop's (a failure,
            // of no sign-in code).
            (
                "El código de seguridad de la tarjeta es incorrecto.",
                Some(Other),
            ),
            ("Nieprawidłowy kod CVV.", Some(Other)),
            // Whatever the code is called, beside the card's CVV or a
            // coupon it is the shop's (review r81).
            ("セキュリティコード（CVV）が正しくありません。", Some(Other)),
            (
                "Dieser Code entspricht keinem aktiven Gutschein.",
                Some(Other),
            ),
            // An activity's session is no sign-in's (review r66).
            ("Your chat session has expired.", None),
            ("Die Chatsitzung ist abgelaufen.", None),
            ("La sesión de juego ha caducado.", None),
            ("ゲームのセッションがタイムアウトしました。", None),
            ("考试会话已过期。", None),
            // Beside a sign-in asked for, the session is the sign-in's.
            (
                "Your chat session has expired. Please sign in again.",
                Some(Session),
            ),
            // A code to check after a shop's code was named is that one.
            (
                "Der Gutscheincode ist ungültig. Bitte überprüfen Sie den Code und versuchen Sie \
                 es erneut.",
                Some(Other),
            ),
            (
                "Veuillez vérifier le code de vérification et réessayer.",
                Some(Invalid),
            ),
            // A sign-in's code: a hardware token's, checked in Korean.
            (
                "The security token code you entered is invalid.",
                Some(Invalid),
            ),
            ("인증 코드를 확인하고 다시 시도하세요.", Some(Invalid)),
            ("Je n'ai pas réussi à vérifier ce code.", Some(Invalid)),
            ("Kodunuzu doğrulayamadım.", Some(Invalid)),
            // The advice that a code has not expired, beside a wrong one.
            ("验证码错误，请确保验证码未过期。", Some(Invalid)),
            ("Asegúrate de que el código no haya caducado.", None),
            ("코드가 만료되지 않았는지 확인하세요.", None),
            // A page that timed out, a reload asked for, in Spanish.
            (
                "Se agotó el tiempo de espera de la página. Por favor, recarga la página.",
                Some(Session),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn idleness_with_a_new_sign_in_asked_for() {
        use Judgement::*;
        for (t, want) in [
            (
                "1800秒以上操作をしませんでした。ログインしなおしてください。",
                Some(Session),
            ),
            ("长时间未操作，请重新登录", Some(Session)),
            (
                "You were inactive for 30 minutes. Please log in again.",
                Some(Session),
            ),
            (
                "Je sessie bleef te lang zonder activiteit. Je moet opnieuw inloggen.",
                Some(Session),
            ),
            (
                "Aus Sicherheitsgründen wurden Sie nach 30 Minuten ohne Aktivität abgemeldet. \
                 Bitte loggen Sie sich erneut ein.",
                Some(Session),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // Beside a code, or a condition: not a session that timed out.
        for t in [
            "The code expired while you were inactive. Please sign in again.",
            "Wenn Sie 30 Minuten inaktiv sind, müssen Sie sich erneut anmelden.",
            "Your account is dormant due to 12 months of inactivity. To reactivate it, sign \
             in again.",
            "Die Anmeldeanfrage wurde nicht rechtzeitig bestätigt, weil keine Aktivität \
             erfolgte. Bitte melden Sie sich erneut an.",
        ] {
            assert_ne!(strongest(t), Some(Session), "{t}");
        }
        // How long the user is or may be idle is no wait (review 89).
        for t in [
            "Je bent 25 minuten inactief. Voor je veiligheid word je over 5 minuten uitgelogd.",
            "Sie waren 25 Minuten lang inaktiv. Aus Sicherheitsgründen werden Sie in 5 Minuten \
             abgemeldet.",
            "Als je 30 minuten inactief bent, moet je opnieuw inloggen.",
        ] {
            assert_eq!(strongest(t), None, "{t}");
        }
    }

    #[test]
    fn an_expiry_that_names_nothing_and_a_new_sign_in() {
        use Judgement::*;
        for (t, want) in [
            ("身份已失效,请重新登录", Some(Session)),
            ("签名已过期。请重新登录。", Some(Session)),
            ("Gebruikersinfo verlopen, log opnieuw in", Some(Session)),
            ("Expired. Please sign in again.", Some(Session)),
            // Something named that ran out: as before.
            ("验证码已过期，请重新登录", Some(Expired)),
            (
                "Your code has expired. Please sign in again.",
                Some(Expired),
            ),
            (
                "This link has expired. Please sign in again.",
                Some(Expired),
            ),
            (
                "Your password has expired. Please sign in again.",
                Some(Other),
            ),
            // A condition, or no new sign-in asked for.
            ("If it has expired, please sign in again.", None),
            ("已过期", None),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn a_session_token_and_a_new_email() {
        use Judgement::*;
        for (t, want) in [
            // A bare token that ran out, a new sign-in asked for: the session's.
            ("token失效，请重新登录", Some(Session)),
            ("Token expired, please log in again.", Some(Session)),
            ("Token abgelaufen, bitte erneut anmelden.", Some(Session)),
            // The sign-in asked for in the next sentence (review 85), or
            // the token said wrong.
            (
                "Your token has expired. Please sign in again.",
                Some(Session),
            ),
            ("Invalid token. Please sign in again.", Some(Session)),
            (
                "トークンが無効です。再度ログインしてください。",
                Some(Session),
            ),
            // Turkish: a token whose time ran out is no step that took too long.
            (
                "Token süresi doldu, lütfen tekrar giriş yapınız.",
                Some(Session),
            ),
            (
                "Belirtecin süresi doldu. Lütfen tekrar giriş yapın.",
                Some(Session),
            ),
            // No sign-in asked for: a token, as before.
            ("Invalid token.", Some(Invalid)),
            // A one-time token is a code (review 87).
            (
                "Le jeton à usage unique a expiré. Veuillez vous reconnecter pour en recevoir \
                 un nouveau.",
                Some(Expired),
            ),
            (
                "一次性令牌已过期，请重新登录以获取新的令牌。",
                Some(Expired),
            ),
            // A code named: the step's, as before.
            ("Your code has expired, please log in again.", Some(Expired)),
            // A token that ran out with a reload asked for stays the form's.
            (
                "Token expirado. Por favor, recarge la página.",
                Some(Session),
            ),
            // A new e-mail sent after the expiry is the code's message, no
            // credential.
            (
                "Der Bestätigungscode ist abgelaufen, eine neue E-Mail wurde gesendet.",
                Some(Expired),
            ),
            (
                "El código de verificación ha expirado, nuevo correo de verificación enviado.",
                Some(Expired),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A payment's link or token is a shop's (review 85); a pairing
        // token is the TV's, a personal access token an API's (review 87).
        for t in [
            "Le jeton d'appairage a expiré. Veuillez vous reconnecter sur votre téléviseur.",
            "Votre jeton d'accès personnel a expiré. Reconnectez-vous pour en générer un nouveau.",
            "Payment link expired. We've emailed you a new one.",
            "Le jeton de paiement a expiré. Veuillez saisir à nouveau vos informations de carte.",
            "決済トークンの有効期限が切れています。カード情報を再入力してください。",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        // The account named before the expiry may be what ran out.
        assert_ne!(
            strongest("Votre compte a expiré. Reconnectez-vous pour continuer."),
            Some(Session)
        );
    }

    /// Round 49's readings: the token of a session or a code asked to sign
    /// in again over, a session missing right after the user, a code that
    /// ran out with a sign-in asked for again with the password, a session
    /// closed from another window, a wait of a while after a failure.
    #[test]
    fn round_49() {
        use Judgement::*;
        for (t, want) in [
            (
                "Your authentication token is invalid. Please log in again.",
                Some(Session),
            ),
            (
                "Votre jeton d'authentification n'est pas valide. Veuillez vous reconnecter.",
                Some(Session),
            ),
            (
                "The authentication token you entered is incorrect.",
                Some(Invalid),
            ),
            ("User has no active session.", Some(Session)),
            ("Usuário não possui sessão ativa.", Some(Session)),
            (
                "The code has expired: sign in again with your password.",
                Some(Expired),
            ),
            (
                "Il codice è scaduto: accedi di nuovo con la password.",
                Some(Expired),
            ),
            (
                "The session in the current browser window was closed from another window or tab.",
                Some(Session),
            ),
            (
                "この画面のセッションは他のブラウザの画面もしくはタブにより切断されました。",
                Some(Session),
            ),
            (
                "Votre session est échue. Veuillez vous connecter à nouveau.",
                Some(Session),
            ),
            ("Tentativas de login excedidas.", Some(Rate)),
            ("再送信 (42秒)", Some(Rate)),
            ("Erneut senden in 0:59", Some(Rate)),
            ("Der Benutzer hat keine aktive Sitzung.", Some(Session)),
            ("用户没有活动会话。", Some(Session)),
            ("验证码已过期，请使用密码重新登录。", Some(Expired)),
            ("会话已过期，请使用密码重新登录。", Some(Session)),
            (
                "Twój token uwierzytelniający jest nieprawidłowy. Zaloguj się ponownie.",
                Some(Session),
            ),
            ("Please wait a moment before trying again.", Some(Rate)),
            ("您刚刚获取过验证码，请稍等片刻再重新获取。", Some(Rate)),
            (
                "Error de verificación de seguridad. Vuelva a cargar el formulario.",
                Some(Session),
            ),
            (
                "Por favor, encienda las cookies y las sesiones",
                Some(Session),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        for t in [
            "処理に失敗しました。しばらく待ってからもう一度お試しください。",
            "Systeemfout. Wacht een paar minuten en probeer het opnieuw.",
            "User has no active subscription.",
            "Impossible de se connecter. Veuillez réessayer dans quelques instants.",
            "Houve um erro interno no servidor. Aguarde alguns momentos e tente novamente.",
            "Sie haben das Limit der kostenlosen Version erreicht",
            "Enviamos um novo código há 2 minutos. Reenviar",
            "Aguarde um momento enquanto validamos seu código...",
            "Er ging iets mis. Wacht even en probeer het opnieuw.",
            "Your password has expired. Please sign in again with your new password.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
    }

    #[test]
    fn round_50() {
        use Judgement::*;
        for (t, want) in [
            ("Resend verification email (45s)", Some(Rate)),
            ("重新发送验证邮件（45秒）", Some(Rate)),
            ("请勿在一分钟内重复获取验证码。", Some(Rate)),
            // The resend word last, then the length: a label whose verb
            // comes last.
            ("인증 메일 재전송 (30초)", Some(Rate)),
            ("Bestätigungscode erneut senden (45 s)", Some(Rate)),
            ("Renvoyer l'e-mail de confirmation (30 s)", Some(Rate)),
            ("Doğrulama kodunu tekrar gönder (45 sn)", Some(Rate)),
            // A retry later before a fault only supposed stays a limit.
            (
                "Daha sonra tekrar deneyin. Sorun devam ederse destek ekibine yazın.",
                Some(Rate),
            ),
            // A code said wrong or expired: the code typed was refused.
            ("Invalid or expired code.", Some(Invalid)),
            ("Der Code ist ungültig oder abgelaufen.", Some(Invalid)),
            ("인증 코드가 잘못되었거나 만료되었습니다.", Some(Invalid)),
            ("Email link is invalid or has expired", Some(Expired)),
            ("The QR code is invalid or has expired.", Some(Expired)),
            ("Verlopen of ongeldige code.", Some(Invalid)),
            ("Le code saisi ne fonctionne pas.", Some(Invalid)),
            // A sign-in denied for a length after a verdict: a wait.
            (
                "Because you entered the wrong password 3 times, you cannot sign in for 24 hours.",
                Some(Rate),
            ),
            // The reviews' lexicon data: a code written in the e-mail, an
            // automatic sign-out, a Japanese "or" before an expiry.
            (
                "メールに記載の確認コードが正しくありません。",
                Some(Invalid),
            ),
            (
                "操作がなかったため、自動的にログアウトされました。",
                Some(Session),
            ),
            (
                "認証コードが無効か、有効期限が切れています。",
                Some(Invalid),
            ),
            ("Please try again later. HTTP error 429.", Some(Rate)),
            // A limit, then a fault only supposed.
            (
                "Too many requests from your network. Try again later. \
                 If this is an error, contact us.",
                Some(Rate),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // Help text and denials are no verdict on the code.
        for t in [
            "If your code is wrong or has expired, click Resend.",
            "Wenn der Code ungültig oder abgelaufen ist, fordern Sie einen neuen an.",
            "인증 코드가 잘못되었거나 만료된 경우 다시 요청하세요.",
            "The code is not invalid or expired.",
        ] {
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        // No limit and no verdict on a code: a retry later before the fault
        // it waits on, a QR code, a password, a plan's quota, a code sent
        // some time ago.
        for t in [
            "Please try again later. Something went wrong on our side.",
            "Inténtelo de nuevo más tarde. Tenemos un problema técnico.",
            "Riprova più tardi. Il servizio è temporaneamente non disponibile.",
            "QR code invalid.",
            "Invalid password. You have not signed in for 30 days.",
            "Vous avez atteint le nombre d'utilisateurs inclus dans votre offre.",
            "We sent you a new code 5 minutes ago.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
    }

    /// Round 51's readings: a link's resend counted down, a short while in
    /// a resend countdown, Argentine and Uruguayan imperatives, the
    /// idleness said as the time since the last visit, and lexicon data.
    #[test]
    fn round_51() {
        use Judgement::*;
        for (t, want) in [
            ("Resend link (30s)", Some(Rate)),
            ("Renvoyer le lien (45 s)", Some(Rate)),
            ("再送信まで30秒", Some(Rate)),
            ("コードはあと30秒で再送信できます", Some(Rate)),
            ("Esperá un rato y volvé a intentar.", Some(Rate)),
            ("Espera un rato antes de volver a intentarlo.", Some(Rate)),
            ("Se agotaron los intentos para este código.", Some(Rate)),
            (
                "Die Anmeldung ist wegen zu vieler Fehlversuche kurzzeitig gesperrt.",
                Some(Rate),
            ),
            ("Les demandes de code sont trop fréquentes.", Some(Rate)),
            (
                "Ce code a été bloqué après trop d'essais. Recommencez plus tard.",
                Some(Rate),
            ),
            ("短時間に何度もコードを送信しました。", Some(Rate)),
            // Han and kana between a wrong code and its "or expired".
            (
                "コードが間違っているか、有効期限が切れています。",
                Some(Invalid),
            ),
            // An expiry only supposed after a wrong code: a cause offered.
            (
                "The code is incorrect. The code may have expired.",
                Some(Invalid),
            ),
            (
                "Doğrulama kodu hatalı. Kodun süresi dolmuş olabilir.",
                Some(Invalid),
            ),
            // Signed out after a length since the last visit: the length is
            // the user's idleness, not a sign-out to come.
            (
                "Pasaron 30 días desde tu última visita y cerramos tu sesión. \
                 Iniciá sesión de nuevo.",
                Some(Session),
            ),
            (
                "You were signed out because 60 days passed since your last visit. \
                 Please sign in again.",
                Some(Session),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A countdown that is no resend stays none, and so does a resend
        // label beside a validity, a period, a page at work or a
        // condition (review of the change).
        for t in [
            "Redirection dans 30 secondes.",
            "Resend link (the link works for 5 minutes)",
            "Resend QR code (refreshes every 30 seconds)",
            "Resend the link later if it has not arrived within 2 minutes",
            "Link erneut senden – Weiterleitung in 10 Sekunden",
            "Esperá un momento mientras verificamos tu código.",
            "時間が少し過ぎたため、コードの有効期限が切れました。",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
    }

    /// Round 52's modelling: the verb last in German and Dutch waits, a
    /// limit said as once a period (ja, ko, zh), the advice to check a
    /// clock after a code said wrong in one sentence, and expiries to come.
    #[test]
    fn round_52() {
        use Judgement::*;
        for (t, want) in [
            ("Bitte 30 Sekunden warten.", Some(Rate)),
            (
                "Sie müssen weitere 30 Sekunden warten, bevor Sie einen weiteren Versuch machen.",
                Some(Rate),
            ),
            ("U moet nog 30 seconden wachten.", Some(Rate)),
            ("인증 요청은 1분에 한 번만 가능합니다.", Some(Rate)),
            ("認証コードは1分間に1回まで送信できます。", Some(Rate)),
            (
                "Attendez un instant avant de redemander un code.",
                Some(Rate),
            ),
            (
                "Code invalide — vérifiez l'heure de votre téléphone et réessayez.",
                Some(Invalid),
            ),
            (
                "Invalid code — check your device's clock and try again.",
                Some(Invalid),
            ),
            (
                "Invalider Token. Bitte melde dich erneut an!",
                Some(Session),
            ),
            // An expiry to come is no failure.
            (
                "Session bientôt expirée (~5 min) — enregistrez votre brouillon.",
                None,
            ),
            (
                "Der Code ist 10 Minuten gültig. Nach Ablauf können Sie ihn erneut anfordern.",
                None,
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A code refreshed once a period is no limit, nor is a rule on
        // something else, a wait denied or a delivery's wait, nor a moment
        // while the page works (review of the change).
        for t in [
            "코드는 30초에 한 번 갱신됩니다.",
            "コードは30秒に1回更新されます。",
            "닉네임은 24시간에 한 번만 변경할 수 있습니다.",
            "このお知らせは1時間に1回までしか表示されません。",
            "动态码每30秒只能生成一个。",
            "Sie brauchen nicht 30 Sekunden warten.",
            "Die SMS kann bis zu 2 Minuten dauern – einfach 2 Minuten warten.",
            "Attendez un instant, nous vérifions votre identité…",
            "Code envoyé ! Attendez un instant avant de le saisir.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        // A clock said wrong after the advice to check it stays the clock's
        // fault, and so do a deployment's objects listed to check.
        for t in [
            "Code abgelehnt – prüfen Sie die Uhrzeit Ihres Geräts, sie ist falsch.",
            "Code not accepted, please check your computer's clock, it appears to be wrong.",
            "Invalid authorization code: check the redirect URI and cookie domain are correct.",
        ] {
            assert_eq!(strongest(t), Some(Session), "{t}");
        }
        // An expiry that happened after "nach Ablauf" is still one, and so
        // is one said past after a length in Korean and Japanese; said to
        // come ("expires in 15 minutes"), it is none.
        for t in [
            "Nach Ablauf der Sitzung wurden Sie abgemeldet.",
            "인증 코드가 5분 후에 만료되었습니다.",
            "認証コードは15分後に期限切れになりました。",
        ] {
            assert!(strongest(t).is_some(), "{t}");
        }
        for t in [
            "이 링크는 15분 후에 만료되며 한 번만 사용할 수 있습니다.",
            "このリンクは15分後に期限切れとなり、一度のみ使用できます。",
        ] {
            assert_eq!(strongest(t), None, "{t}");
        }
        // A gift code is no one-time code.
        assert_ne!(
            strongest("Dieser Geschenkcode ist ungültig oder wurde bereits eingelöst."),
            Some(Invalid)
        );
    }

    #[test]
    fn round_53() {
        use Judgement::*;
        // The time to enter the code went past its bound: the step ran out,
        // nothing was counted. Attempts or a number still count.
        for (t, want) in [
            ("Le délai de saisie du code est dépassé.", Some(Expired)),
            (
                "The time allowed to enter the code has been exceeded.",
                Some(Expired),
            ),
            (
                "Die Zeit für die Eingabe des Codes wurde überschritten.",
                Some(Expired),
            ),
            (
                "Il tempo per inserire il codice è stato superato.",
                Some(Expired),
            ),
            ("The maximum number of codes has been exceeded.", Some(Rate)),
            (
                "Le délai entre deux tentatives de code est dépassé.",
                Some(Rate),
            ),
            // A code said expired or spent, none wrong, ran out; said wrong
            // too, it stays the wrong code's.
            (
                "Der Sicherheitscode ist abgelaufen oder wurde bereits verwendet. Bitte fordere \
                 einen neuen an.",
                Some(Expired),
            ),
            ("Ce code a expiré ou a déjà été utilisé.", Some(Expired)),
            (
                "The code is invalid, expired or has already been used.",
                Some(Invalid),
            ),
            ("The code has already been used.", Some(Invalid)),
            (
                "Errore nel cookie di sessione, per favore entra nuovamente.",
                Some(Session),
            ),
            ("Nieprawidłowy kod email", Some(Invalid)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A limit of codes in a short time, a cooldown not yet over, a wait
        // denied without its length, and a code sent a moment ago said as
        // a fact stay as they were (review of the change).
        for (t, want) in [
            (
                "Maximum number of codes exceeded for this time period.",
                Some(Rate),
            ),
            ("Kısa süre içinde kod limitini aştınız.", Some(Rate)),
            (
                "Sie haben in kurzer Zeit das Limit an Codes überschritten.",
                Some(Rate),
            ),
            ("短時間でのコード取得が上限を超えました。", Some(Rate)),
            (
                "Le délai minimum entre deux codes n'est pas encore dépassé.",
                Some(Rate),
            ),
            (
                "Vous ne pouvez pas demander un nouveau code sans attendre 60 secondes.",
                Some(Rate),
            ),
            (
                "Limit reached: please clear cookies and temporary files.",
                Some(Rate),
            ),
            (
                "Le code récemment envoyé a expiré. Demandez-en un nouveau.",
                Some(Expired),
            ),
            (
                "Dieser Code wurde kürzlich bereits verwendet.",
                Some(Invalid),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        for t in [
            "Saisissez le code récemment envoyé à votre adresse e-mail.",
            "因网络故障，临时访问限制已启用。",
            "시스템 업데이트로 인해 일시적인 이용 제한이 있을 수 있습니다.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        // "Without waiting" is no wait; a code's validity limited in time
        // is no limit; a trial that ran out is a plan's.
        for t in [
            "I diritti sono riletti a ogni richiesta, senza attendere la scadenza di una sessione.",
            "Codes sind zeitlich begrenzt und einmalig verwendbar.",
            "Votre essai gratuit est expiré. Veuillez choisir un abonnement.",
        ] {
            assert_eq!(strongest(t), None, "{t}");
        }
        // A plan's allowance of things counted (bookmarks, questions) met
        // is no limit on tries; a temporary restriction of access is.
        for t in [
            "Bookmark limit exceeded.",
            // An outage with a retry in a moment is no limit either.
            "Un service d'Atlas ne répond pas. Réessayez dans un instant.",
            "Vous avez atteint la limite quotidienne (20 questions) — réessayez demain",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
        }
        for (t, want) in [
            ("현재 계정에 일시적인 접근 제한이 적용됨", Some(Rate)),
            (
                "現在のアカウントには一時的なアクセス制限が適用されています。",
                Some(Rate),
            ),
            ("Deze code klopt niet of is verlopen.", Some(Invalid)),
            ("Ce code a expire. Demandez un nouveau code.", Some(Expired)),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
    }

    #[test]
    fn round_54() {
        use Judgement::*;
        // Too many of something, then a retry after a length, is a limit,
        // even with a session named; a session's countdown alone is not.
        let t = "Trop de vérifications de session — réessaie dans quelques secondes";
        assert_eq!(strongest(t), Some(Rate), "{t}");
        // Text typed without its accents reads as with them (the lexicons'
        // plain spellings).
        for (t, want) in [
            ("Der eingegebene Code ist ungueltig.", Some(Invalid)),
            ("Der eingegebene Code ist ungultig.", Some(Invalid)),
            ("Cok fazla istek gonderdiniz! Lutfen bekleyin.", Some(Rate)),
            // Sessions switched off lost the session, as cookies do.
            ("Sessions must be enabled.", Some(Session)),
            ("Le sessioni devono essere abilitate.", Some(Session)),
            (
                "Les cookies doivent être acceptés pour ce site",
                Some(Session),
            ),
            ("Code de connexion invalide.", Some(Invalid)),
            (
                "Ein Fehler ist während Ihrer Session aufgetreten - Zum Zweck der Sicherheit, \
                 melden Sie sich bitte neu an.",
                Some(Session),
            ),
            // A session of the verification is the step's.
            (
                "Your verification session has expired. Please sign in again.",
                Some(Expired),
            ),
            (
                "Je verificatiesessie is verlopen. Log opnieuw in.",
                Some(Expired),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        // A failure, or a server stopped, then a retry: no limit.
        for t in [
            "L'operation n'a pas abouti. Reessayez dans un instant.",
            "L'opération n'a pas abouti. Réessayez dans un instant.",
            "Der Server wurde gestoppt. Bitte versuchen Sie es später noch einmal.",
        ] {
            assert_ne!(strongest(t), Some(Rate), "{t}");
            assert_ne!(strongest(t), Some(Invalid), "{t}");
        }
        // The review's counter-examples: sessions counted, sessions named
        // beside another absence, words of other languages typed plain.
        for t in [
            "Too many concurrent sessions, try again later.",
            "Trop de sessions ouvertes : fermez-en une et réessayez dans quelques minutes.",
            "Multiple sessions detected, you must sign out from your other devices to continue.",
            "Mehrere Sitzungen sind nicht erlaubt, Sie müssen sich zuerst von der anderen Sitzung \
             abmelden.",
            "SMS codes are obsolete; please switch to the authenticator app.",
        ] {
            assert!(matches!(strongest(t), None | Some(Other)), "{t}");
        }
        for (t, want) in [
            (
                "The verification code we sent to your telephone is invalid.",
                Some(Invalid),
            ),
            (
                "Die Anmeldung konnte nicht abgeschlossen werden, da Ihr Anmeldeversuch \
                 abgelaufen ist. Bitte laden Sie die Seite neu.",
                Some(Expired),
            ),
            (
                "MFA-Anfrage Zeitüberschreitung, bitte erneut anmelden.",
                Some(Expired),
            ),
        ] {
            assert_eq!(strongest(t), want, "{t}");
        }
        let t = "You will be logged out of this session in 30 seconds.";
        assert_ne!(strongest(t), Some(Rate), "{t}");
    }
}
