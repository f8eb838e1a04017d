{
    let d = classify(s, cats);
    let t = median(|| { black_box(auth_triage::report::build(black_box(s), &d, &cats.versions)); }, 200);
    let r = auth_triage::report::build(s, &d, &cats.versions);
    let tm = median(|| { black_box(auth_triage::report::to_markdown(black_box(&r))); }, 200);
    let md = auth_triage::report::to_markdown(&r);
    let tv = median(|| { black_box(auth_triage::report::verify(black_box(&md)).unwrap()); }, 200);
    let total = median(|| {
        let d = classify(s, cats);
        let r = auth_triage::report::build(s, &d, &cats.versions);
        black_box(auth_triage::report::to_markdown(&r));
    }, 100);
    println!("  typical report build:                             {:>9.3} ms", t.as_secs_f64() * 1e3);
    println!("  typical report Markdown render:                   {:>9.3} ms", tm.as_secs_f64() * 1e3);
    println!("  typical classify + report + Markdown:             {:>9.3} ms", total.as_secs_f64() * 1e3);
    println!("  typical verify (Markdown):                        {:>9.3} ms", tv.as_secs_f64() * 1e3);
    println!("  typical report size: Markdown {} bytes, JSON {} bytes", md.len(), serde_json::to_string(&r).unwrap().len());
}
