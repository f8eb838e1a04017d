//! How the lexicons read a text, sentence by sentence: each phrase matched
//! and its concepts. A tool for writing lexicons, not part of the product.
//!
//! `cargo run -q --release --example concepts -- "Session verification failed."`

use auth_triage::text::{lexicon, sentences, TokenBuf};

fn main() {
    let lex = lexicon();
    let mut buf = TokenBuf::default();
    for arg in std::env::args().skip(1) {
        for sentence in sentences(&arg) {
            let toks = buf.fill(sentence);
            println!("sentence: {sentence}");
            for m in lex.scan(&toks) {
                let words: Vec<&str> = toks
                    .iter()
                    .skip(m.start)
                    .take(m.len)
                    .map(|t| t.text)
                    .collect();
                let langs: Vec<&str> = lex
                    .langs()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| m.langs & (1u64 << i) != 0)
                    .map(|(_, l)| l.as_str())
                    .collect();
                println!(
                    "  {:<32} {:?} [{}]",
                    words.join(" "),
                    m.concepts.names(),
                    langs.join(",")
                );
            }
        }
    }
}
