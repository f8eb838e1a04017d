//! The vocabularies of the allow-list: what may appear verbatim in any
//! output. Everything else becomes a typed placeholder ([`crate::redact`]).
//!
//! - common words of each supported language (`vocab/<lang>.txt`, data
//!   files beside the module: [`crate::data`]);
//! - the words of the lexicons (`lexicon/<lang>.json`), so the evidence the
//!   classifier matched stays readable;
//! - the *error-code vocabulary* (`vocab/codes.txt`, `[code]`): the words product error
//!   codes are made of (`invalid`, `expired`, `session` …). Codes, joined
//!   identifiers and route names are judged against this small list only,
//!   never the general vocabulary, so `will_young` is not a code;
//! - route words of URL paths (`[route]`) and standard parameter names
//!   (`[param]`, same file);
//! - function words (`[function]` of each language's file): words that
//!   break a run of content words (a
//!   passphrase of dictionary words is judged as a whole).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

struct Sets {
    common: HashSet<String>,
    lexicon: HashSet<String>,
    /// Words of a vocabulary's `[function]` section: closed-class words of
    /// any language.
    function: HashSet<String>,
    /// `vocab/codes.txt`: the error-code vocabulary (`[code]`), route words
    /// (`[route]`), standard parameter names (`[param]`, case as written).
    code: HashSet<String>,
    route: HashSet<String>,
    params: HashSet<String>,
    /// Words of a vocabulary's `[nouns]` section: nouns a language writes
    /// Titlecase in mid-sentence (German), which are no person's name.
    nouns: HashSet<String>,
    /// Lexicon phrases written as word starts (`ungültig*`) and word
    /// endings (`*sitzung`): the lexicon reads inflections and compounds.
    /// Each with its lexicon's language (the file's stem: `de`, `zh-hans`).
    prefixes: Vec<(String, String)>,
    suffixes: Vec<(String, String)>,
    /// Inflection endings of each language (`[endings]` of its vocabulary):
    /// what may follow one of its lexicon's word starts (`ungültig` + `e`).
    /// Never words on their own.
    endings: HashMap<String, Endings>,
    /// The longest vocabulary or lexicon word written in CJK characters
    /// (Han, kana, Hangul), in characters: the window of [`cjk_known`].
    cjk_max: usize,
}

/// A language's inflection endings.
#[derive(Default)]
struct Endings {
    set: HashSet<String>,
    /// Whether endings follow one another (`[endings stacked]`: Turkish
    /// `geçersiz|di|r`); otherwise a word takes one.
    stacked: bool,
    /// Whether the language joins words into compounds (`[endings
    /// compounds]`: German, Dutch): a lexicon stem may then be one half of
    /// a word whose other half is a content word of the same language.
    compounds: bool,
    /// The language's own content words (its vocabulary's, its lexicon's):
    /// the other halves of its compounds.
    words: HashSet<String>,
}

/// A data file's language: the stem of `vocab/de.txt`, `lexicon/zh-hans.json`.
fn lang_of(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.split('.').next().unwrap_or(file).to_owned()
}

/// The form words are compared in: lower case, with Turkish `İ` as `i`
/// (Rust lower-cases it to `i` and a combining dot).
pub fn norm(w: &str) -> String {
    if w.contains('İ') {
        w.replace('İ', "i").to_lowercase()
    } else {
        w.to_lowercase()
    }
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut common = HashSet::new();
        let mut function = HashSet::new();
        let mut nouns = HashSet::new();
        let (mut code, mut route, mut params) = (HashSet::new(), HashSet::new(), HashSet::new());
        let mut endings: HashMap<String, Endings> = HashMap::new();
        for (name, v) in crate::data::folder("vocab") {
            // A vocabulary is one word a line; `#` starts a comment line;
            // `[function]` starts the closed-class words (articles,
            // pronouns, particles, auxiliaries), `[content]` ends them.
            // `[nouns]` starts nouns written Titlecase in mid-sentence.
            // `[endings]` holds inflection endings, which are no words;
            // `[endings stacked]`, endings that follow one another.
            let mut section = "";
            for l in v.lines() {
                let w = l.trim();
                match w {
                    "[function]" | "[content]" | "[nouns]" | "[code]" | "[route]" | "[param]"
                    | "[endings]" => section = w,
                    "[endings stacked]" => {
                        endings.entry(lang_of(name)).or_default().stacked = true;
                        section = "[endings]";
                    }
                    "[endings compounds]" => {
                        endings.entry(lang_of(name)).or_default().compounds = true;
                        section = "[endings]";
                    }
                    _ if w.is_empty() || w.starts_with('#') => {}
                    _ if section == "[param]" => {
                        params.insert(w.to_owned());
                    }
                    _ if section == "[endings]" => {
                        endings
                            .entry(lang_of(name))
                            .or_default()
                            .set
                            .insert(norm(w));
                    }
                    _ => {
                        let w = norm(w);
                        if !matches!(section, "[function]" | "[code]" | "[route]") {
                            let e = endings.entry(lang_of(name)).or_default();
                            e.words.insert(w.clone());
                        }
                        match section {
                            "[function]" => function.insert(w.clone()),
                            "[nouns]" => nouns.insert(w.clone()),
                            "[code]" => code.insert(w.clone()),
                            "[route]" => route.insert(w.clone()),
                            _ => false,
                        };
                        common.insert(w);
                    }
                }
            }
        }
        let mut lexicon = HashSet::new();
        let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
        for (name, src) in crate::data::folder("lexicon") {
            if let Ok(v) = crate::json::parse(src) {
                // The phrases and their spellings typed without accents.
                let lists = ["concepts", "plain_concepts"].map(|k| v.get(k));
                for cs in lists.into_iter().flatten() {
                    let crate::json::Value::Obj(cs) = cs else {
                        continue;
                    };
                    for (_, phrases) in cs {
                        if let crate::json::Value::Arr(ps) = phrases {
                            for p in ps {
                                if let crate::json::Value::Str(p) = p {
                                    // One-word affix phrases of four letters or more.
                                    let one = norm(&p.replace('\'', ""));
                                    let letters = |x: &str| {
                                        x.chars().count() >= 4 && x.chars().all(char::is_alphabetic)
                                    };
                                    if let Some(x) = one.strip_suffix('*').filter(|x| letters(x)) {
                                        prefixes.push((x.to_owned(), lang_of(name)));
                                    } else if let Some(x) =
                                        one.strip_prefix('*').filter(|x| letters(x))
                                    {
                                        suffixes.push((x.to_owned(), lang_of(name)));
                                    }
                                    for w in p.split(|c: char| {
                                        c.is_whitespace() || matches!(c, '_' | '-')
                                    }) {
                                        let w = norm(
                                            &w.trim_matches(|c| c == '*' || c == '#')
                                                .replace('\'', ""),
                                        );
                                        if w.chars().count() >= 2 {
                                            let e = endings.entry(lang_of(name)).or_default();
                                            e.words.insert(w.clone());
                                            lexicon.insert(w);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let cjk_max = common
            .iter()
            .chain(&lexicon)
            .filter(|w| w.chars().any(crate::text::is_cjk))
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(24);
        Sets {
            common,
            lexicon,
            function,
            code,
            route,
            params,
            nouns,
            prefixes,
            suffixes,
            endings,
            cjk_max,
        }
    })
}

/// A word of the vocabularies or lexicons (any case).
pub fn is_common(w: &str) -> bool {
    let s = sets();
    let l = norm(w);
    s.common.contains(&l) || lexicon_word(s, &l)
}

/// A word of a lexicon: what the classifier reads as evidence. Besides its
/// words, a lexicon's affix phrases (`ungültig*`, `*sitzung`) match words
/// of letters only that start or end with them, when what the affix leaves
/// over is itself known ([`affix_known`]).
pub fn is_lexicon(w: &str) -> bool {
    lexicon_word(sets(), &norm(w))
}

/// The longest word (in bytes) a lexicon affix may show: longer ones are
/// no inflection or compound of the lexicons' (and checking them would
/// cost time on hostile pages).
const AFFIX_WORD_MAX: usize = 64;

fn lexicon_word(s: &Sets, l: &str) -> bool {
    s.lexicon.contains(l)
        || (l.len() <= AFFIX_WORD_MAX
            && l.chars().all(char::is_alphabetic)
            && !l.chars().any(crate::text::is_cjk)
            && (s.prefixes.iter().any(|(p, lang)| {
                l.strip_prefix(p.as_str())
                    .is_some_and(|rest| affix_known(s, rest, lang, Side::After))
            }) || s.suffixes.iter().any(|(p, lang)| {
                l.strip_suffix(p.as_str())
                    .is_some_and(|rest| affix_known(s, rest, lang, Side::Before))
            })))
}

/// Where the rest of a word lies from the lexicon affix it matched.
#[derive(Clone, Copy)]
enum Side {
    /// After a word start: `ungültig|e`, `sitzungs|daten`.
    After,
    /// Before a word ending: `interaktions|sitzung`.
    Before,
}

/// Linking elements between the parts of a German or Dutch compound
/// (`Interaktion-s-sitzung`).
const LINKS: [&str; 6] = ["", "s", "es", "n", "en", "e"];

/// Whether what a lexicon affix of language `lang` leaves of a word is
/// known, so the whole word may be shown: after a word start, nothing or
/// the language's inflection endings (`ungültig|e`, Turkish
/// `geçersiz|di|r`); in German and Dutch, one of the language's own
/// content words, with a linking element and an ending (the other half of
/// a compound: `interaktion|s|sitzung`, `sitzungs|daten`). Anything else (a
/// name that starts with a stem, `Passwordsmith`; a password that ends with
/// one, `sunshinepassword`) is not shown: the allow-list holds the stems, not
/// every word that begins or ends with them.
fn affix_known(s: &Sets, rest: &str, lang: &str, side: Side) -> bool {
    // A word start leaves an ending; a word ending leaves no ending before
    // it (`Elien` is no `*lien`).
    if let Side::After = side {
        if ending(s, lang, rest) {
            return true;
        }
    }
    // Compounds, in a language that makes them: the other half is one of
    // its own content words of four letters or more (`ki`, `de` and another
    // language's `admin` are no half of a German compound).
    let Some(e) = s.endings.get(lang).filter(|e| e.compounds) else {
        return false;
    };
    let word = |w: &str| w.chars().count() >= 4 && !s.function.contains(w) && e.words.contains(w);
    match side {
        Side::After => LINKS.iter().any(|k| {
            rest.strip_prefix(k).is_some_and(|w| {
                word(w)
                    || w.char_indices().skip(1).any(|(i, _)| {
                        w.get(..i).is_some_and(word)
                            && w.get(i..).is_some_and(|x| ending(s, lang, x))
                    })
            })
        }),
        Side::Before => LINKS.iter().any(|k| {
            rest.strip_suffix(k).is_some_and(|w| {
                word(w)
                    || s.prefixes.iter().any(|(p, pl)| {
                        pl == lang && w.strip_prefix(p.as_str()).is_some_and(|x| ending(s, pl, x))
                    })
            })
        }),
    }
}

/// Whether `rest` is nothing, or an inflection ending of language `lang`
/// (up to three in a row where endings stack, a one-letter ending last).
fn ending(s: &Sets, lang: &str, rest: &str) -> bool {
    fn row(e: &Endings, rest: &str, n: usize) -> bool {
        rest.is_empty()
            || (n > 0
                && rest
                    .char_indices()
                    .skip(1)
                    .map(|(i, _)| i)
                    .chain([rest.len()])
                    .any(|i| {
                        // A one-letter ending only ends a row (`geçersiz|di|r`, not
                        // `parola|k|a|ya`).
                        rest.get(..i).is_some_and(|x| {
                            e.set.contains(x) && (i == rest.len() || x.chars().count() > 1)
                        }) && rest.get(i..).is_some_and(|r| row(e, r, n - 1))
                    }))
    }
    rest.is_empty()
        || s.endings.get(lang).is_some_and(|e| {
            if e.stacked {
                row(e, rest, 3)
            } else {
                e.set.contains(rest)
            }
        })
}

/// A noun a language writes Titlecase (a vocabulary's `[nouns]`): it does
/// not make a run of Titlecase words a name.
pub fn is_noun(w: &str) -> bool {
    sets().nouns.contains(&norm(w))
}

/// A closed-class word of any language (the `[function]` sections of the
/// vocabularies).
pub fn is_function(w: &str) -> bool {
    sets().function.contains(&norm(w))
}

/// A word that does not extend a run of content words.
pub fn is_structural(w: &str) -> bool {
    let l = norm(w);
    is_function(&l) || is_lexicon(&l) || sets().code.contains(&l)
}

/// How a run of CJK characters (Han, kana, Hangul: no spaces between
/// words, or particles attached to them) splits into known words: the
/// longest vocabulary or lexicon word at each place, left to right. Returns
/// the pieces in order, each with `true` when it is a known word; an
/// unknown character is a piece of its own (`false`).
///
/// A one-character word is trusted only between known words: next to an
/// unknown character it joins the unknown ones (`王明的` is one unknown
/// run, though `的` is a word), so a name whose characters are also words
/// (or particles) is not shown in part.
pub fn cjk_known(run: &str) -> Vec<(String, bool)> {
    let s = sets();
    let chars: Vec<char> = run.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let longest = (1..=s.cjk_max.min(chars.len() - i)).rev().find(|n| {
            let w: String = chars.get(i..i + n).unwrap_or(&[]).iter().collect();
            s.common.contains(&w) || s.lexicon.contains(&w)
        });
        let n = longest.unwrap_or(1);
        let w: String = chars.get(i..i + n).unwrap_or(&[]).iter().collect();
        out.push((w, longest.is_some()));
        i += n;
    }
    // Two or more known single characters in a row are not evidence of a
    // word: a name can be spelled from common one-character words (이·하·은,
    // 高·明). Such a row is unknown as a whole.
    let single =
        |p: Option<&(String, bool)>| p.is_some_and(|(w, known)| *known && w.chars().count() == 1);
    let rows: Vec<bool> = (0..out.len())
        .map(|k| {
            single(out.get(k)) && ((k > 0 && single(out.get(k - 1))) || single(out.get(k + 1)))
        })
        .collect();
    for (k, in_row) in rows.into_iter().enumerate() {
        if let (true, Some(p)) = (in_row, out.get_mut(k)) {
            p.1 = false;
        }
    }
    // Single known characters beside unknown ones become unknown, until
    // nothing changes.
    loop {
        let mut changed = false;
        for k in 0..out.len() {
            let single = out
                .get(k)
                .is_some_and(|(w, known)| *known && w.chars().count() == 1);
            let beside_unknown = (k > 0 && out.get(k - 1).is_some_and(|p| !p.1))
                || out.get(k + 1).is_some_and(|p| !p.1);
            if single && beside_unknown {
                if let Some(p) = out.get_mut(k) {
                    p.1 = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    out
}

/// A word of the error-code vocabulary.
pub fn is_code_word(w: &str) -> bool {
    sets().code.contains(&w.to_ascii_lowercase())
}

/// A word of URL routes and cookie names: route words, code words, lexicon words.
pub fn is_route_word(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let s = sets();
    s.route.contains(&l) || s.code.contains(&l) || is_lexicon(&l)
}

/// A standard parameter name.
pub fn is_param_name(n: &str) -> bool {
    sets().params.contains(n)
}

#[cfg(test)]
mod tests {
    use super::{is_common, is_lexicon};

    #[test]
    fn a_word_start_shows_its_inflections_and_compounds() {
        for w in [
            "ungültige",
            "Interaktionssitzung",
            "Sitzungsdaten",
            "nieprawidłowy",
            "geçersizdir",
            "passwords",
            "Benutzernamens",
        ] {
            assert!(is_lexicon(w), "{w} should be shown");
        }
    }

    #[test]
    fn a_word_start_does_not_show_unknown_letters_after_or_before_it() {
        // A name or a password that begins or ends with a lexicon stem:
        // the stem is known, the rest is not, so the word is not shown.
        for w in [
            "Passwordsmith",
            "sunshinepassword",
            "passwordqxvbt",
            "Parolakaya",
            "geçersizmavi",
            "Ungültigkeitsmann",
            "nieprawidłowski",
            // Two words of the vocabularies joined outside German and Dutch,
            // or another language's word as half of a German compound.
            "adminpassword",
            "welcomepassword",
            "passwordadmin",
            "adminpasswort",
            // An ending before a word ending.
            "Elien",
            "Apassword",
            "laramadı",
        ] {
            assert!(!is_common(w), "{w} should be masked");
        }
    }

    #[test]
    fn a_long_word_on_a_stem_is_masked_at_once() {
        let w = format!("cookie{}", "e".repeat(60_000));
        assert!(!is_lexicon(&w));
    }
}
