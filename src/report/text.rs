//! A verified report for people, in plain text.

use super::Report;

/// A verified report for people, in plain text.
pub fn render_text(r: &Report) -> String {
    let mut s = crate::diagnosis::render_text(&r.diagnosis);
    s.push_str(&format!(
        "\nReport {} · created {} · core {}\n",
        r.id, r.created.utc, r.versions.core
    ));
    if let Some(u) = &r.published_url {
        s.push_str(&format!("Published URL: {}\n", u.as_str()));
    }
    s.push_str(&format!("Page URL: {}\n", r.page_url.as_str()));
    if !r.snapshot.cookies.is_empty() {
        s.push_str("\nCookies:\n");
        for c in &r.snapshot.cookies {
            s.push_str(&format!(
                "  - {} on {}{}{}{} {:?} {} B\n",
                c.name.as_str(),
                c.domain.as_str(),
                c.path.as_str(),
                if c.secure { " Secure" } else { "" },
                if c.http_only { " HttpOnly" } else { "" },
                c.same_site,
                c.value_len
            ));
        }
    }
    if !r.snapshot.trail.is_empty() {
        s.push_str("\nTrail:\n");
        for e in &r.snapshot.trail {
            s.push_str(&format!(
                "  - {} {} {}{}\n",
                e.method.as_str(),
                e.url.as_str(),
                e.status
                    .map(|s| s.to_string())
                    .or_else(|| e.error.as_ref().map(|l| l.as_str().to_owned()))
                    .unwrap_or_default(),
                e.redirect_url
                    .as_ref()
                    .map(|u| format!(" -> {}", u.as_str()))
                    .unwrap_or_default()
            ));
        }
    }
    s
}
