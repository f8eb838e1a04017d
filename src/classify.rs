//! The classifier: combines the signals into one [`Diagnosis`].
//!
//! Order of authority, highest first:
//! 1. deployment evidence (proxy, cookie, clock, loop findings with a cause);
//! 2. a safe code that a catalog knows (not a generic one);
//! 3. the page's own words, its HTTP status and its forms.
//!
//! A rejected TOTP code while the auth host's clock is 5 minutes off is shown
//! as an invalid code but diagnosed as a deployment fault (`shown_as` keeps
//! what the page said).

use crate::codes::{self, Catalogs, FoundCode};
use crate::diagnosis::{
    Cause, ClockFinding, CodeSource, Diagnosis, Evidence, FailureType, Rule, SafeCode, Source,
    Unseen, Verdict, PAGE_ONLY_FACTOR,
};
use crate::say::{Msg, Said};
use crate::signals;
use crate::signals::page::{Judgement, PageSignals};
use crate::signals::trail::TrailSignals;
use crate::snapshot::{HostAccess, Snapshot};
use crate::web::Origin;

/// How much of the page text is searched for codes (alerts and title are searched whole).
pub const CODE_SCAN_BYTES: usize = 32 * 1024;

/// Deployment evidence at or above this strength decides the verdict.
pub const DEPLOYMENT_THRESHOLD: f32 = 0.6;

/// The codes the page shows that the core may not capture on its own: in
/// no catalog and of no product-code shape (an unpublished product code,
/// or a token, a user name, an OTP where a code usually sits), and not yet
/// in `page.included_codes`. Read from the same places as the captured
/// codes (`error_code=`/`error=` of the page URL, `data-*` markup, alerts,
/// title, the top of the text).
///
/// Their text is the page's own and goes to one place only: the popup,
/// which shows it masked and asks the user whether to include it
/// (the boundary's `code_candidates`). No diagnosis, report, log or
/// storage holds it; a report shows a code only once the user included it.
pub fn code_candidates(snap: &Snapshot, cats: &Catalogs) -> Vec<FoundCode> {
    let mut all: Vec<FoundCode> = Vec::new();
    let url_err = codes::url_errors(&snap.url);
    let add = |code: &str, source: CodeSource, all: &mut Vec<FoundCode>| {
        all.push(FoundCode {
            code: code.trim().to_owned(),
            source,
        });
    };
    if let Some(c) = &url_err.error_code {
        add(c, CodeSource::UrlErrorCode, &mut all);
    }
    if let Some(c) = &url_err.error {
        add(c, CodeSource::UrlError, &mut all);
    }
    for m in snap.page.codes.iter().take(50) {
        if let Some(c) = codes::code_from_markup(&m.source, &m.value) {
            add(&c, CodeSource::Markup, &mut all);
        }
    }
    for a in &snap.page.alerts {
        codes::codes_in_text(a, cats, &mut all);
    }
    codes::codes_in_text(&snap.page.title, cats, &mut all);
    let cut = (0..=CODE_SCAN_BYTES.min(snap.page.text.len()))
        .rev()
        .find(|i| snap.page.text.is_char_boundary(*i))
        .unwrap_or(0);
    codes::codes_in_text(snap.page.text.get(..cut).unwrap_or(""), cats, &mut all);
    let mut out: Vec<FoundCode> = Vec::new();
    for f in all {
        let captured = cats.get(&f.code).is_some() || codes::is_safe_code(&f.code);
        if crate::shapes::is_code_like(&f.code)
            && !captured
            && !snap.page.included_codes.contains(&f.code)
            && !out.iter().any(|o| o.code == f.code)
            && out.len() < 5
        {
            out.push(f);
        }
    }
    out
}

/// Classify a snapshot. Pure: time and configuration come in the snapshot.
///
/// Four stages, each a function below: collect the codes → weigh the
/// findings → the deployment verdict → assemble the diagnosis.
pub fn classify(snap: &Snapshot, cats: &Catalogs) -> Diagnosis {
    classify_said(snap, cats).0
}

/// Classify a snapshot, and say it to people as messages (the extension
/// renders them in the browser's language; the diagnosis holds English).
pub fn classify_said(snap: &Snapshot, cats: &Catalogs) -> (Diagnosis, Said) {
    let (page_origin, page_path) = match Origin::parse_with_path(&snap.url) {
        Some((o, p)) => (Some(o), p),
        None => (None, "/".to_owned()),
    };
    let published: Vec<Origin> = snap
        .env
        .published_urls
        .iter()
        .filter_map(|u| Origin::parse(u))
        .collect();
    let url_err = codes::url_errors(&snap.url);

    let mut page = signals::page::analyze(snap, url_err.error_description.as_deref());
    let cookie_ev = signals::cookies::analyze(snap, page_origin.as_ref(), &page_path, &published);
    let trail = signals::trail::analyze(snap, &published);
    let clock = signals::clock::analyze(snap);

    let (safe_codes, trail_code_ev) = collect_codes(snap, cats, &url_err, &page);
    let code_ev = weigh_codes(&safe_codes, cats, &mut page);
    weigh_trail(&trail, &mut page);
    let reading = read_page(&page);
    let deployment = deployment_evidence(snap, trail.evidence, cookie_ev, clock.evidence, &reading);
    let decision = decide(&deployment, &reading);
    let code_ev: Vec<Evidence> = trail_code_ev.into_iter().chain(code_ev).collect();
    let excerpt = reading
        .page_type
        .and_then(|j| page.excerpt_for(j).map(str::to_owned));
    let evidence = evidence_list(deployment, code_ev, page.evidence);
    let found = Found {
        safe_codes,
        cooldown_s: page.cooldown_s,
        otp_page: page.otp_input,
        clock: clock.findings,
        excerpt,
    };
    assemble(snap, decision, &reading, evidence, found)
}

// ---- 1. Collect the codes ------------------------------------------------

/// The safe codes the page (or the trail behind it) shows, most specific
/// first, and the evidence of a code that came back in a redirect.
fn collect_codes(
    snap: &Snapshot,
    cats: &Catalogs,
    url_err: &codes::UrlErrors,
    page: &PageSignals,
) -> (Vec<SafeCode>, Option<Evidence>) {
    let mut found = page_codes(snap, cats, url_err);
    // Captured only when a catalog knows the code or it has a product-code
    // shape; any other candidate (a token, a user name, an OTP where a code
    // usually sits) only when the user chose to include it.
    let page_shows_code = !found.is_empty();
    found.retain(|f| is_safe(snap, cats, &f.code));
    // A page that shows a failure but no code of its own: the code may have
    // come back in a redirect the app consumed (`/callback?error=…`). Not on
    // a page without a failure, where it would be a routine answer. Any
    // failure sentence counts, even one too weak to classify the page.
    let page_fails =
        page.votes.iter().sum::<f32>() > 0.0 || snap.page.status.is_some_and(|s| s >= 400);
    let trail_code_ev = if !page_shows_code && page_fails {
        trail_code(snap, cats, &mut found)
    } else {
        None
    };
    // A page that is only a status ("429 Too Many Requests") or the
    // browser's error page: the status or the network error is the code,
    // marked as what it is.
    if found.is_empty() {
        let page = &snap.page;
        if let Some(c) = codes::status_page_code(page.status, &page.title, &page.text) {
            found.push(FoundCode {
                code: c,
                source: CodeSource::HttpStatus,
            });
        }
        if let Some((c, _)) = codes::net_error(snap) {
            found.push(FoundCode {
                code: c,
                source: CodeSource::NetError,
            });
        }
    }
    let mut safe_codes: Vec<SafeCode> = found.iter().map(|f| safe_code(cats, f)).collect();
    // A specific code beats a generic one; then the source order above.
    crate::order::sort_by_key(&mut safe_codes, |c| {
        (c.maps_to.is_none() && c.catalog.is_some(), c.source)
    });
    (safe_codes, trail_code_ev)
}

/// A code may be captured when a catalog knows it or it has a product-code
/// shape; any other candidate may be a secret, and is shown only when the
/// user chose to include it.
fn is_safe(snap: &Snapshot, cats: &Catalogs, code: &str) -> bool {
    cats.get(code).is_some()
        || codes::is_safe_code(code)
        || snap.page.included_codes.iter().any(|c| c == code)
}

/// Add `code` when it may be captured, has a code's shape and is new.
fn add_code(
    snap: &Snapshot,
    cats: &Catalogs,
    code: &str,
    source: CodeSource,
    found: &mut Vec<FoundCode>,
) {
    let code = code.trim();
    if crate::shapes::is_code_like(code)
        && is_safe(snap, cats, code)
        && !found.iter().any(|f| f.code == code)
    {
        found.push(FoundCode {
            code: code.to_owned(),
            source,
        });
    }
}

/// The codes of the page, most specific source first: URL parameters,
/// markup, alerts, title, the top of the visible text.
fn page_codes(snap: &Snapshot, cats: &Catalogs, url_err: &codes::UrlErrors) -> Vec<FoundCode> {
    let mut found: Vec<FoundCode> = Vec::new();
    if let Some(c) = &url_err.error_code {
        add_code(snap, cats, c, CodeSource::UrlErrorCode, &mut found);
    }
    if let Some(c) = &url_err.error {
        add_code(snap, cats, c, CodeSource::UrlError, &mut found);
    }
    for m in snap.page.codes.iter().take(50) {
        if let Some(c) = codes::code_from_markup(&m.source, &m.value) {
            add_code(snap, cats, &c, CodeSource::Markup, &mut found);
        }
    }
    for a in &snap.page.alerts {
        codes::codes_in_text(a, cats, &mut found);
    }
    codes::codes_in_text(&snap.page.title, cats, &mut found);
    // Products print the code beside the message, at the top of the visible
    // text; codes further down (footers, legal text) are not the failure's.
    let text = &snap.page.text;
    let cut = (0..=CODE_SCAN_BYTES.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    codes::codes_in_text(text.get(..cut).unwrap_or(""), cats, &mut found);
    found
}

/// `trail.error_code`: the code of a recent redirect the page consumed,
/// added to `found`.
fn trail_code(snap: &Snapshot, cats: &Catalogs, found: &mut Vec<FoundCode>) -> Option<Evidence> {
    let (i, u) = codes::trail_errors(snap)?;
    for c in [&u.error_code, &u.error].into_iter().flatten() {
        add_code(snap, cats, c, CodeSource::TrailUrl, found);
    }
    let (first, e) = (found.first()?, snap.trail.get(i)?);
    let at = Origin::parse_with_path(&e.url)
        .map(|(o, p)| format!("{}{}", o.show(), crate::redact::path(&p)))
        .unwrap_or_default();
    let (place, said) = if at.is_empty() {
        let said = Msg::new("ev.trail_code").text("code", first.code.clone());
        ("a recorded redirect".to_owned(), said)
    } else {
        let said = Msg::new("ev.trail_code_at")
            .text("code", first.code.clone())
            .text("at", at.clone());
        (format!("at {at}"), said)
    };
    let detail = format!(
        "the sign-in came back with code {} ({place}); the page does not show it",
        first.code
    );
    Some(Evidence::new(Source::Trail, Rule::TrailErrorCode, detail, 0.3).saying(said))
}

/// A found code with what the catalogs know of it.
fn safe_code(cats: &Catalogs, f: &FoundCode) -> SafeCode {
    let known = cats.get(&f.code);
    let meaning = known
        .map(|k| k.meaning.clone())
        .filter(|m| !m.is_empty())
        .or_else(|| match f.source {
            CodeSource::NetError => codes::net_error_meaning(&f.code).map(str::to_owned),
            CodeSource::HttpStatus => Some("the HTTP status of the page".to_owned()),
            _ => None,
        });
    SafeCode {
        code: f.code.clone(),
        source: f.source,
        catalog: known.map(|k| k.catalog.clone()),
        meaning,
        maps_to: known.filter(|k| !k.generic).map(|k| k.kind.failure_type()),
    }
}

// ---- 2. Weigh the findings -----------------------------------------------

/// The codes' votes and evidence: a catalog's specific code votes for its
/// type; a generic one only breaks a tie of silence; an unknown one is
/// reported as captured, not interpreted.
fn weigh_codes(safe_codes: &[SafeCode], cats: &Catalogs, page: &mut PageSignals) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    let text_votes: f32 = page.votes.iter().sum();
    for c in safe_codes {
        let e = match cats.get(&c.code) {
            Some(k) if !k.generic => {
                page.add_vote(judgement_of(k.kind.failure_type()), 4.0);
                let detail = format!("code {} ({}): {}", c.code, k.catalog, k.meaning);
                let mut e = code_ev(Source::CodeCatalog, Rule::CodeCatalog, detail, 0.9);
                e.supports = Some(k.kind.failure_type());
                e
            }
            Some(k) => {
                if text_votes < 0.5 {
                    page.add_vote(judgement_of(k.kind.failure_type()), 0.5);
                }
                let detail = format!("code {} ({}) is generic: {}", c.code, k.catalog, k.meaning);
                code_ev(Source::CodeCatalog, Rule::CodeGeneric, detail, 0.2)
            }
            // A status or network error has its own evidence (the status,
            // the trail); it is a code source, not a product's code.
            None if matches!(c.source, CodeSource::HttpStatus | CodeSource::NetError) => continue,
            None => {
                let detail = format!(
                    "code {} is in no catalog: captured verbatim, not interpreted",
                    c.code
                );
                // Where the code was found, as an evidence source.
                let source = match c.source {
                    CodeSource::Markup => Source::Markup,
                    CodeSource::Text => Source::PageText,
                    CodeSource::UrlError | CodeSource::UrlErrorCode => Source::PageUrl,
                    CodeSource::HttpStatus => Source::PageStatus,
                    CodeSource::TrailUrl | CodeSource::NetError => Source::Trail,
                };
                let said = Msg::new("ev.code_unknown").text("code", c.code.clone());
                code_ev(source, Rule::CodeUnknown, detail, 0.3).saying(said)
            }
        };
        evidence.push(e);
    }
    evidence
}

fn code_ev(source: Source, rule: Rule, detail: String, weight: f32) -> Evidence {
    Evidence::new(source, rule, detail, weight)
}

/// The trail's votes: a 429 and its Retry-After, failing session refreshes,
/// a code POST sent back to the sign-in page, a header too large.
fn weigh_trail(trail: &TrailSignals, page: &mut PageSignals) {
    if let Some(ra) = trail.rate_limited {
        page.add_vote(Judgement::Rate, 2.0);
        if let Some(s) = ra {
            page.cooldown_s = Some(page.cooldown_s.map_or(s, |c| c.max(s)));
        }
    }
    // Failing session refreshes are a session failure even when the page says little.
    if let Some(w) = trail
        .evidence
        .iter()
        .filter(|e| e.cause == Some(Cause::SessionBoundary))
        .map(|e| e.weight)
        .reduce(f32::max)
    {
        page.raise_vote(Judgement::Session, w * 3.0);
    }
    // A code POST sent back to the sign-in page: the pending sign-in expired.
    if let Some(w) = trail.mfa_bounce {
        page.add_vote(Judgement::Expired, w * 3.0);
    }
    if trail.too_large {
        page.add_vote(Judgement::TooLarge, 2.0);
    }
}

/// What the page (and its codes) say, once every vote is in.
struct Reading {
    /// The votes of the judgement with the most.
    top_votes: f32,
    /// All votes together.
    total: f32,
    /// The judgement with the most votes, when they are enough to say the
    /// page shows it.
    page_type: Option<Judgement>,
    /// The failure type the page shows.
    shown: Option<FailureType>,
}

fn read_page(page: &PageSignals) -> Reading {
    let order = [
        Judgement::TooLarge,
        Judgement::Session,
        Judgement::Rate,
        Judgement::Expired,
        Judgement::Invalid,
        Judgement::Other,
    ];
    let (top, top_votes) = order.iter().map(|j| (*j, page.votes_for(*j))).fold(
        (Judgement::Other, 0.0f32),
        |best, cur| if cur.1 > best.1 { cur } else { best },
    );
    let total: f32 = page.votes.iter().sum();
    let page_type = if top_votes >= 0.5 { Some(top) } else { None };
    Reading {
        top_votes,
        total,
        page_type,
        shown: page_type.map(type_of),
    }
}

// ---- 3. The deployment verdict -------------------------------------------

/// The deployment evidence: the trail's, the cookie jar's, the clocks', and
/// the page status's own (a gateway's answer, a header too large).
fn deployment_evidence(
    snap: &Snapshot,
    trail: Vec<Evidence>,
    cookies: Vec<Evidence>,
    clock: Vec<Evidence>,
    reading: &Reading,
) -> Vec<Evidence> {
    let mut all_ev: Vec<Evidence> = Vec::new();
    all_ev.extend(trail);
    all_ev.extend(cookies);
    all_ev.extend(clock);
    // The gateway's own answer: the request never reached the sign-in
    // service, whatever the (often generic) page says.
    if let Some(status @ 502..=504) = snap.page.status {
        let reason = match status {
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Gateway Timeout",
        };
        let detail = format!(
            "HTTP {status} {reason}: \
             the reverse proxy or gateway could not reach the service behind it"
        );
        let e = Evidence::new(Source::PageStatus, Rule::PageGatewayError, detail, 0.8);
        all_ev.push(e.blaming(Some(Cause::Gateway)));
    }
    if reading.page_type == Some(Judgement::TooLarge) {
        let detail = "the server refused the request: header or cookie too large".into();
        let e = Evidence::new(
            Source::PageText,
            Rule::PageHeaderOrCookieTooLarge,
            detail,
            0.9,
        );
        all_ev.push(e.blaming(Some(Cause::CookieBloat)));
    }
    all_ev
}

/// The verdict: failure type, who is at fault, how sure, and the causes.
struct Decision {
    failure_type: FailureType,
    verdict: Verdict,
    confidence: f32,
    causes: Vec<Cause>,
}

/// Deployment evidence strong enough decides; else a session failure the
/// page shows; else what the page shows is the product's answer.
fn decide(all_ev: &[Evidence], reading: &Reading) -> Decision {
    let deploy: Vec<&Evidence> = all_ev
        .iter()
        .filter(|e| e.cause.is_some() && e.cause != Some(Cause::SessionBoundary))
        .collect();
    let strongest = deploy.iter().map(|e| e.weight).fold(0.0f32, f32::max);
    let combined = 1.0
        - deploy
            .iter()
            .fold(1.0f32, |p, e| p * (1.0 - e.weight.clamp(0.0, 1.0)));
    let mut causes = strong_causes(deploy);
    let Reading {
        top_votes,
        total,
        page_type,
        shown,
        ..
    } = *reading;
    let page_session = matches!(
        page_type,
        Some(Judgement::Session) | Some(Judgement::TooLarge)
    );
    let (failure_type, verdict, confidence) =
        if strongest >= DEPLOYMENT_THRESHOLD || (combined >= 0.75 && strongest >= 0.45) {
            (
                FailureType::SessionProxyCookie,
                Verdict::Deployment,
                0.55 + 0.44 * combined,
            )
        } else if page_session {
            if causes.is_empty() {
                causes.push(Cause::SessionBoundary);
            }
            (
                FailureType::SessionProxyCookie,
                Verdict::Deployment,
                text_confidence(top_votes, total) * 0.9,
            )
        } else if let Some(t) = shown.filter(|t| *t != FailureType::Unclassified) {
            causes.clear();
            (t, Verdict::Product, text_confidence(top_votes, total))
        } else {
            causes.clear();
            let c = if page_type == Some(Judgement::Other) {
                text_confidence(top_votes, total)
            } else {
                0.5
            };
            (FailureType::Unclassified, Verdict::None, c)
        };
    Decision {
        failure_type,
        verdict,
        confidence,
        causes,
    }
}

/// The causes of the deployment evidence of weight 0.45 or more, strongest first.
fn strong_causes(mut deploy: Vec<&Evidence>) -> Vec<Cause> {
    let mut causes: Vec<Cause> = Vec::new();
    crate::order::sort_by(&mut deploy, |a, b| b.weight.total_cmp(&a.weight));
    for e in &deploy {
        if let Some(c) = e.cause {
            if e.weight >= 0.45 && !causes.contains(&c) {
                causes.push(c);
            }
        }
    }
    causes
}

// ---- 4. Assemble the diagnosis -------------------------------------------

/// Evidence list: deployment first, then codes, then the page; 60 at most.
fn evidence_list(
    all_ev: Vec<Evidence>,
    code_ev: Vec<Evidence>,
    mut page_ev: Vec<Evidence>,
) -> Vec<Evidence> {
    let mut out_ev: Vec<Evidence> = Vec::new();
    let mut sorted_all = all_ev;
    crate::order::sort_by(&mut sorted_all, |a, b| b.weight.total_cmp(&a.weight));
    for mut e in sorted_all.into_iter().filter(|e| e.weight >= 0.15) {
        if e.cause.is_some() {
            e.supports = Some(FailureType::SessionProxyCookie);
        }
        out_ev.push(e);
    }
    out_ev.extend(code_ev);
    for e in &mut page_ev {
        // What a page rule votes for (the registry's `supports`).
        if e.supports.is_none() {
            e.supports = e.rule.votes_for();
        }
    }
    crate::order::sort_by(&mut page_ev, |a, b| b.weight.total_cmp(&a.weight));
    for e in page_ev {
        // The body text repeats the alerts: one line per message is enough.
        if !out_ev
            .iter()
            .any(|x| x.rule == e.rule && x.detail == e.detail)
        {
            out_ev.push(e);
        }
    }
    out_ev.truncate(60);
    for e in &mut out_ev {
        e.weight = (e.weight.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    }
    out_ev
}

/// What the diagnosis reports besides the verdict and the evidence.
struct Found {
    safe_codes: Vec<SafeCode>,
    cooldown_s: Option<u32>,
    otp_page: bool,
    clock: Vec<ClockFinding>,
    excerpt: Option<String>,
}

/// The diagnosis, with its words for the user and the administrator.
fn assemble(
    snap: &Snapshot,
    decision: Decision,
    reading: &Reading,
    mut out_ev: Vec<Evidence>,
    found: Found,
) -> (Diagnosis, Said) {
    let Decision {
        failure_type,
        verdict,
        confidence,
        causes,
    } = decision;
    let safe_codes = found.safe_codes;
    let safe_code = safe_codes.first().map(|c| c.code.clone());
    let retry_after_s = if failure_type == FailureType::MfaRateLimited {
        found.cooldown_s
    } else {
        None
    };
    let shown_as = match (verdict, reading.shown) {
        (Verdict::Deployment, Some(t)) if t != failure_type && t != FailureType::Unclassified => {
            Some(t)
        }
        _ => None,
    };
    let published_shown = snap
        .env
        .published_urls
        .first()
        .map(|u| crate::redact::url(u));
    let saw_failure = reading.page_type.is_some() || !safe_codes.is_empty();
    let headline = crate::advice::headline(failure_type, shown_as, saw_failure);
    let plain: Vec<Msg> = out_ev.iter().map(crate::advice::plain).collect();
    for (e, m) in out_ev.iter_mut().zip(&plain) {
        e.plain = Some(m.english());
    }
    let case = crate::advice::Case {
        failure_type,
        causes: &causes,
        safe_code: safe_code.as_deref(),
        wait_s: retry_after_s,
        published: published_shown.as_deref(),
        clock: &found.clock,
        saw_failure,
        otp_page: found.otp_page,
        evidence: &out_ev,
    };
    // Page only: what could not be read lowers the confidence, and is said.
    let not_seen = not_seen(snap);
    let (next_move, user_move, user_wait_s, admin_move) = moves(&case, verdict, &not_seen);
    let confidence = if not_seen.is_empty() {
        confidence
    } else {
        confidence.clamp(0.05, 0.99) * PAGE_ONLY_FACTOR
    };
    let diagnosis = Diagnosis {
        failure_type,
        verdict,
        confidence: (confidence.clamp(0.05, 0.99) * 100.0).round() / 100.0,
        headline: headline.english(),
        shown_as,
        causes,
        safe_code,
        safe_codes,
        retry_after_s,
        next_move,
        user_move: Some(user_move.english()),
        user_wait_s,
        admin_move: Some(admin_move.english()),
        evidence: out_ev,
        clock: found.clock,
        excerpt: found.excerpt,
        not_seen,
    };
    let said = Said {
        headline,
        user_move,
        admin_move,
        evidence: plain,
    };
    (diagnosis, said)
}

/// What a page-only snapshot (`env.host_access: page_only`) could not read.
fn not_seen(snap: &Snapshot) -> Vec<Unseen> {
    let mut not_seen = Vec::new();
    if snap.env.host_access == Some(HostAccess::PageOnly) {
        if snap.cookies.is_empty() {
            not_seen.push(Unseen::Cookies);
        }
        if snap.trail.is_empty() {
            not_seen.push(Unseen::Trail);
        }
    }
    not_seen
}

/// The moves: the guide's next move with what to escalate, the user's move
/// and wait, the administrator's move (which says what a page-only
/// diagnosis could not see).
fn moves(
    c: &crate::advice::Case<'_>,
    verdict: Verdict,
    not_seen: &[Unseen],
) -> (String, Msg, Option<u32>, Msg) {
    // The guide's and the operator's moves read the same facts of the case.
    type Move = fn(FailureType, &[Cause], Option<&str>, Option<u32>, &[ClockFinding], bool) -> Msg;
    let say = |f: Move| {
        f(
            c.failure_type,
            c.causes,
            c.safe_code,
            c.wait_s,
            c.clock,
            c.saw_failure,
        )
    };
    let next_move = format!(
        "{} {}",
        say(guide_move).english(),
        escalate(c.safe_code, c.published)
    );
    let (user_move, user_wait_s) = crate::advice::user_move(c);
    let operator = say(operator_move);
    let operator = if not_seen.is_empty() {
        operator
    } else {
        crate::advice::page_only_operator(c.failure_type, verdict, operator)
    };
    let admin_move = crate::advice::admin_move(c, operator);
    (next_move, user_move, user_wait_s, admin_move)
}

fn text_confidence(top: f32, total: f32) -> f32 {
    if total <= 0.0 {
        return 0.3;
    }
    let share = top / total;
    let strength = (top / 3.0).min(1.0);
    0.35 + 0.6 * share * strength
}

fn judgement_of(t: FailureType) -> Judgement {
    match t {
        FailureType::MfaInvalidCode => Judgement::Invalid,
        FailureType::MfaChallengeExpired => Judgement::Expired,
        FailureType::MfaRateLimited => Judgement::Rate,
        FailureType::SessionProxyCookie => Judgement::Session,
        FailureType::Unclassified => Judgement::Other,
    }
}

fn type_of(j: Judgement) -> FailureType {
    match j {
        Judgement::Invalid => FailureType::MfaInvalidCode,
        Judgement::Expired => FailureType::MfaChallengeExpired,
        Judgement::Rate => FailureType::MfaRateLimited,
        Judgement::Session | Judgement::TooLarge => FailureType::SessionProxyCookie,
        Judgement::Other => FailureType::Unclassified,
    }
}

/// The escalation sentence of the guide's next move.
fn escalate(code: Option<&str>, published: Option<&str>) -> String {
    match (code, published) {
        (Some(c), Some(u)) => {
            format!("If it still fails, escalate with the safe code {c} and the published URL {u}.")
        }
        (Some(c), None) => format!(
            "If it still fails, escalate with the safe code {c} and the exact published URL."
        ),
        (None, Some(u)) => {
            format!("If it still fails, escalate with this report and the published URL {u}.")
        }
        (None, None) => {
            "If it still fails, escalate with this report and the exact published URL.".to_owned()
        }
    }
}

/// The operator's move for the administrator: the guide's move where it is
/// the operator's (a deployment fault), and what the product's answer means
/// for an operator otherwise.
fn operator_move(
    t: FailureType,
    causes: &[Cause],
    code: Option<&str>,
    wait: Option<u32>,
    clock: &[crate::diagnosis::ClockFinding],
    saw_failure: bool,
) -> Msg {
    match t {
        FailureType::MfaInvalidCode => Msg::new("op.invalid_code"),
        FailureType::MfaChallengeExpired => Msg::new("op.expired"),
        FailureType::MfaRateLimited => match wait {
            Some(s) => Msg::new("op.rate_limited_wait").num("secs", i64::from(s)),
            None => Msg::new("op.rate_limited"),
        },
        FailureType::SessionProxyCookie | FailureType::Unclassified => {
            guide_move(t, causes, code, wait, clock, saw_failure)
        }
    }
}

/// The next move, in the guide's terms, without its escalation sentence.
fn guide_move(
    t: FailureType,
    causes: &[Cause],
    code: Option<&str>,
    wait: Option<u32>,
    clock: &[crate::diagnosis::ClockFinding],
    saw_failure: bool,
) -> Msg {
    match t {
        FailureType::MfaInvalidCode => Msg::new("guide.invalid_code"),
        FailureType::MfaChallengeExpired => Msg::new("guide.expired"),
        FailureType::MfaRateLimited => match wait {
            Some(s) => Msg::new("guide.rate_limited_wait").secs("wait", s),
            None => Msg::new("guide.rate_limited"),
        },
        FailureType::SessionProxyCookie => {
            let fixes = causes
                .iter()
                .map(|c| match c {
                    Cause::ProxyScheme => Msg::new("fix.proxy_scheme"),
                    Cause::ProxyHost => Msg::new("fix.proxy_host"),
                    Cause::CookieDomain => Msg::new("fix.cookie_domain"),
                    Cause::CookieRejected => Msg::new("fix.cookie_rejected"),
                    Cause::CookieBloat => Msg::new("fix.cookie_bloat"),
                    Cause::ClockSkew => match clock.first() {
                        Some(f) => Msg::new("fix.clock_skew_host")
                            .text("host", f.host.as_str())
                            .num("secs", f.skew_s.abs()),
                        None => Msg::new("fix.clock_skew"),
                    },
                    Cause::LoginLoop => Msg::new("fix.login_loop"),
                    Cause::ThirdPartyCookies => Msg::new("fix.third_party_cookies"),
                    Cause::SessionBoundary => Msg::new("fix.session_boundary"),
                    Cause::Gateway => Msg::new("fix.gateway"),
                })
                .collect();
            Msg::new("guide.session").list("fixes", fixes)
        }
        FailureType::Unclassified => match (code, saw_failure) {
            (Some(c), _) => Msg::new("guide.code").text("code", c),
            (None, true) => Msg::new("guide.other_failure"),
            (None, false) => Msg::new("guide.nothing"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A failing page without a code, and one main-frame callback in the
    /// trail carrying `error`, adjusted by `tweak`.
    fn with_callback(page: &str, tweak: impl FnOnce(&mut Snapshot)) -> Diagnosis {
        let json = format!(
            r#"{{"url":"https://app.example.org/login","page":{page},
            "trail":[{{"url":"https://app.example.org/cb?error=temporarily_unavailable",
            "type":"main_frame","status":302,"received_ms":1000000,
            "redirect_url":"https://app.example.org/login"}}],
            "env":{{"now_ms":1060000}}}}"#
        );
        let mut snap = Snapshot::from_json(&json).unwrap();
        tweak(&mut snap);
        classify(&snap, &Catalogs::new(&[]))
    }

    const FAILING: &str = r#"{"status":200,"text":"Sign-in failed. Please try again."}"#;

    #[test]
    fn a_code_the_page_consumed_comes_from_the_trail() {
        let d = with_callback(FAILING, |_| {});
        assert_eq!(d.safe_code.as_deref(), Some("temporarily_unavailable"));
        assert_eq!(d.safe_codes[0].source, CodeSource::TrailUrl);
        assert!(d.evidence.iter().any(|e| e.rule == Rule::TrailErrorCode));
        // An error status alone counts as a failing page.
        let d = with_callback(r#"{"status":500,"text":"Nanami"}"#, |_| {});
        assert_eq!(d.safe_code.as_deref(), Some("temporarily_unavailable"));
        // Where it came back is named by allow-listed pieces only.
        let d = with_callback(FAILING, |s| {
            s.trail[0].url =
                "https://app.example.org/cb/eyJhbGciOiJIUzI1NiJ9xyz?error=access_denied".into()
        });
        let line = d
            .evidence
            .iter()
            .find(|e| e.rule == Rule::TrailErrorCode)
            .unwrap();
        assert!(
            line.detail.contains("https://app.example.org/cb/<"),
            "{}",
            line.detail
        );
        assert!(!line.detail.contains("eyJ"), "{}", line.detail);
    }

    /// django-allauth's real sequence: a correct code posted after the
    /// pending login timed out is sent back to the sign-in page.
    const ALLAUTH_EXPIRED: &str =
        include_str!("../tests/fixtures/mfa-expired-allauth-bounce/snapshot.json");

    #[test]
    fn an_mfa_step_sent_back_to_the_sign_in_page_expired_whatever_the_page_says() {
        let cats = Catalogs::new(&[]);
        let base = Snapshot::from_json(ALLAUTH_EXPIRED).unwrap();
        for (text, alerts) in [
            // The plain sign-in form, no message.
            (None, vec![]),
            // A generic message on the sign-in page.
            (
                Some("Sign In\nYou do not have permission to view this page.\nUsername\nPassword"),
                vec!["You do not have permission to view this page.".to_owned()],
            ),
            (Some("Sign in\nPlease log in to access this page."), vec![]),
        ] {
            let mut snap = base.clone();
            if let Some(t) = text {
                snap.page.text = t.into();
            }
            snap.page.alerts = alerts;
            let d = classify(&snap, &cats);
            assert_eq!(d.failure_type, FailureType::MfaChallengeExpired, "{text:?}");
            assert_eq!(d.verdict, Verdict::Product);
            assert!(d.user_move.unwrap().contains("Start signing in again"));
        }
        // With deployment evidence beside it, the deployment is at fault.
        let mut snap = base.clone();
        for e in &mut snap.trail {
            e.date = Some("Sun, 29 Nov 2026 10:00:00 GMT".into());
        }
        let d = classify(&snap, &cats);
        assert_eq!(d.failure_type, FailureType::SessionProxyCookie);
    }

    #[test]
    fn trail_codes_only_for_a_failing_page_without_its_own_code() {
        let healthy = r#"{"status":200,"text":"Sign in\nEmail\nPassword"}"#;
        assert_eq!(with_callback(healthy, |_| {}).safe_code, None);
        // The answers of a silent sign-in check are routine, even on a
        // failing page.
        let d = with_callback(FAILING, |s| {
            s.trail[0].url = "https://app.example.org/cb?error=login_required".into()
        });
        assert_eq!(d.safe_code, None);
        let own = r#"{"status":400,"text":"Sign-in failed. Error code: NAN-4711"}"#;
        // Nanami's own codes are in no published catalog: shown only when
        // the user includes them (or an operator catalog knows them).
        assert_eq!(with_callback(own, |_| {}).safe_code, None);
        let d = with_callback(own, |s| s.page.included_codes = vec!["NAN-4711".into()]);
        assert_eq!(d.safe_code.as_deref(), Some("NAN-4711"));
        assert!(d
            .safe_codes
            .iter()
            .all(|c| c.source != CodeSource::TrailUrl));
    }

    #[test]
    fn stale_and_framed_callbacks_do_not_count() {
        // More than 15 minutes before the page now shown: history.
        let reload = |s: &mut Snapshot, after_min: i64| {
            let mut page = s.trail[0].clone();
            page.url = "https://app.example.org/login".into();
            page.redirect_url = None;
            page.status = Some(200);
            page.received_ms = Some(1_000_000 + after_min * 60 * 1000);
            s.trail.push(page);
            s.env.now_ms = Some(1_000_000 + (after_min + 1) * 60 * 1000);
        };
        assert_eq!(with_callback(FAILING, |s| reload(s, 16)).safe_code, None);
        // Within 15 minutes of it, however long ago that page was loaded
        // (the user came back to the failing page after a break).
        let d = with_callback(FAILING, |s| {
            reload(s, 14);
            s.env.now_ms = Some(5_000_000_000);
        });
        assert_eq!(d.safe_code.as_deref(), Some("temporarily_unavailable"));
        // A frame (silent renewal answers login_required routinely).
        let d = with_callback(FAILING, |s| s.trail[0].kind = "sub_frame".into());
        assert_eq!(d.safe_code, None);
        // Without times, the recent main-frame events still count.
        let d = with_callback(FAILING, |s| {
            s.env.now_ms = None;
            s.trail[0].received_ms = None;
        });
        assert_eq!(d.safe_code.as_deref(), Some("temporarily_unavailable"));
    }
}
