//! `index.html` as a template: the `<form>`'s `data-*` configuration attributes (`web/src/config.rs`) and the CSRF
//! `<meta>` are filled in per request, HTML-attribute-escaped; the rest of the page is served as written. The
//! Content-Security-Policy allows the page's one inline loader script by its SHA-256, computed here at start.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The `data-*` attributes the server fills, in the order they are added when the page lacks one.
pub const ATTRIBUTES: [&str; 9] = [
    "data-endpoint",
    "data-account-id",
    "data-system-code",
    "data-csp-model",
    "data-partner-domain",
    "data-reseller-address",
    "data-markets",
    "data-domain-suffix",
    "data-account-url",
];

/// One piece of the page: text as written, a filled attribute value, or the CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// Index into [`ATTRIBUTES`]: ` NAME="…"` is written.
    Attr(usize),
    /// The `content` of the CSRF `<meta>`: `"…"` is written.
    Csrf,
}

/// The parsed page.
#[derive(Debug, Clone)]
pub struct Page {
    pieces: Vec<Piece>,
    /// The `Content-Security-Policy` of every HTML answer.
    pub csp: String,
}

/// The values of one answer, unescaped.
pub struct Values<'a> {
    /// In the order of [`ATTRIBUTES`].
    pub attributes: [&'a str; 9],
    pub csrf: &'a str,
}

impl Page {
    /// Parses `index.html`. Fails when it has no `<form id="tenantcheck-form" …>` or no
    /// `<meta name="csrf-token" content=…>`.
    pub fn parse(html: &str) -> Result<Page, String> {
        let form_at = html.find("<form id=\"tenantcheck-form\"").ok_or("no <form id=\"tenantcheck-form\"> found")?;
        let form_end = form_at + tag_end(&html[form_at..]).ok_or("the <form> tag does not end")?;
        let meta_at = html.find("<meta name=\"csrf-token\"").ok_or("no <meta name=\"csrf-token\"> found")?;
        let meta_end = meta_at + tag_end(&html[meta_at..]).ok_or("the csrf <meta> tag does not end")?;
        if meta_at > form_at {
            return Err("the csrf <meta> must come before the form".into());
        }
        let mut pieces = Vec::new();
        // The meta: its content attribute's value becomes the token.
        let meta = &html[meta_at..meta_end];
        let (c_start, c_end) = attribute_value(meta, "content").ok_or("the csrf <meta> has no content attribute")?;
        pieces.push(Piece::Text(html[..meta_at + c_start].to_owned()));
        pieces.push(Piece::Csrf);
        pieces.push(Piece::Text(html[meta_at + c_end..form_at].to_owned()));
        // The form tag: every configuration attribute is removed, then written anew before the tag's `>`.
        let mut tag = html[form_at..form_end].to_owned();
        for name in ATTRIBUTES {
            while let Some((a_start, a_end)) = attribute_span(&tag, name) {
                tag.replace_range(a_start..a_end, "");
            }
        }
        let close = tag.trim_end_matches('>').trim_end().len();
        pieces.push(Piece::Text(tag[..close].to_owned()));
        for i in 0..ATTRIBUTES.len() {
            pieces.push(Piece::Attr(i));
        }
        pieces.push(Piece::Text(tag[close..].to_owned()));
        pieces.push(Piece::Text(html[form_end..].to_owned()));
        Ok(Page { pieces, csp: csp(html) })
    }

    /// The page for one account.
    pub fn render(&self, v: &Values<'_>) -> String {
        let mut out = String::with_capacity(16 * 1024);
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Attr(i) => {
                    out.push_str("\n  ");
                    out.push_str(ATTRIBUTES[*i]);
                    out.push_str("=\"");
                    escape_into(&mut out, v.attributes[*i]);
                    out.push('"');
                }
                Piece::Csrf => {
                    out.push('"');
                    escape_into(&mut out, v.csrf);
                    out.push('"');
                }
            }
        }
        out
    }
}

/// The end (exclusive) of the tag starting at 0: the first `>` outside quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The span of ` name=value` (with its leading whitespace) in a tag, value quoted with `"` or `'` or bare.
fn attribute_span(tag: &str, name: &str) -> Option<(usize, usize)> {
    let (v_start, v_end) = attribute_value(tag, name)?;
    let before = &tag[..v_start];
    let name_at = before.rfind(name)?;
    Some((tag[..name_at].trim_end().len(), v_end))
}

/// The span of an attribute's value in a tag, quotes included.
fn attribute_value(tag: &str, name: &str) -> Option<(usize, usize)> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(rel) = tag[from..].find(name) {
        let at = from + rel;
        from = at + name.len();
        let preceded = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !preceded || !rest.starts_with('=') {
            continue;
        }
        let v_start = tag.len() - rest[1..].trim_start().len();
        return match bytes.get(v_start) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = tag[v_start + 1..].find(char::from(q))?;
                Some((v_start, v_start + 1 + end + 1))
            }
            Some(_) => {
                let len = tag[v_start..].find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(0);
                Some((v_start, v_start + len))
            }
            None => None,
        };
    }
    None
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The body of the page's one inline `<script type="module">`, if any.
pub fn inline_script(html: &str) -> Option<&str> {
    const OPEN: &str = "<script type=\"module\">";
    let start = html.find(OPEN)? + OPEN.len();
    let len = html[start..].find("</script>")?;
    Some(&html[start..start + len])
}

/// The strict policy of `api.md`'s stand-in, with the hash of the inline loader.
pub fn csp(html: &str) -> String {
    let hash = inline_script(html)
        .map(|s| {
            format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())))
        })
        .unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hash}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = r#"<html><head><meta name="csrf-token" content="">
<script type="module">import init from "./x.js"; init();</script></head>
<body><form id="tenantcheck-form" class="f" novalidate
  data-endpoint=""
  data-csp-model="indirectProvider"
  data-reseller-address='{"country":"US"}'
  data-csrf-meta="csrf-token">
<input name="a"></form></body></html>"#;

    fn values<'a>(csrf: &'a str, model: &'a str) -> Values<'a> {
        Values {
            attributes: [
                "",
                "1001",
                "MicrosoftCloudServices",
                model,
                "p.example",
                "{\"a\":1}",
                "",
                "",
                "/?account={accountId}",
            ],
            csrf,
        }
    }

    #[test]
    fn fills_and_escapes_the_attributes() {
        let page = Page::parse(HTML).unwrap();
        let out = page.render(&values("tok\"en", "x\"><script>'"));
        assert!(out.contains(r#"<meta name="csrf-token" content="tok&quot;en">"#), "{out}");
        assert!(out.contains(r#"data-csp-model="x&quot;&gt;&lt;script&gt;&#39;""#), "{out}");
        assert!(out.contains(r#"data-reseller-address="{&quot;a&quot;:1}""#), "{out}");
        assert!(out.contains(r#"data-csrf-meta="csrf-token""#), "{out}");
        assert!(out.contains("class=\"f\" novalidate"), "{out}");
        assert_eq!(out.matches("data-csp-model=").count(), 1);
        assert_eq!(out.matches("data-account-id=\"1001\"").count(), 1);
        assert!(out.contains("data-account-url=\"/?account={accountId}\""), "{out}");
        assert!(out.ends_with("<input name=\"a\"></form></body></html>"));
    }

    #[test]
    fn hashes_the_inline_script() {
        assert_eq!(inline_script(HTML), Some(r#"import init from "./x.js"; init();"#));
        let c = csp(HTML);
        assert!(c.contains("'sha256-"), "{c}");
        assert!(c.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    }

    #[test]
    fn refuses_a_page_without_the_form() {
        assert!(Page::parse("<html></html>").is_err());
    }
}
