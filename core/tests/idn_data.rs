//! `core/src/rules/idn_data.rs` is generated from ICU4X's Unicode data, the data the `idna` crate checks bidi labels
//! and joiners with (through `idna_adapter`): this test regenerates it and fails when the committed file differs.
//! `TENANTCHECK_WRITE_IDN_DATA=1 cargo test -p tenantcheck-core --test idn_data` rewrites the file.

#![cfg(all(not(target_arch = "wasm32"), feature = "idna"))]

use icu_properties::props::{BidiClass, CanonicalCombiningClass, GeneralCategory, JoiningType};
use icu_properties::{CodePointMapData, CodePointMapDataBorrowed};

/// Runs of a classification (0–255) over every code point, one where the class changes: the class of each run, and
/// apart from them (two streams compress better than one: 1.3 KB gzip, not 1.5 KB) the LEB128 bytes of each run's
/// first code point minus the previous run's first code point. Code points that no domain label can hold have no
/// class of their own, which makes fewer runs: unassigned, private use, surrogates, controls, those `class` gives no
/// class, and every code point UTS 46 does not keep as it is ([`uts46_valid`]: mapped, ignored or disallowed).
/// `rules::hostname` reads the table only for the Unicode form of a domain, which UTS 46 has mapped already; an `xn--`
/// label typed by hand that decodes to such a code point fails its round trip there whatever the table says of it
/// (173 fewer runs, 0.15 KB gzip). Between two runs they belong to the second: each run starts right after the last
/// code point a label can hold of the run before it (smaller steps: 11 B less gzip than starting it at its own first).
fn runs(class: impl Fn(u32) -> Option<u32>) -> (Vec<u8>, Vec<u8>) {
    let gc: CodePointMapDataBorrowed<GeneralCategory> = CodePointMapData::<GeneralCategory>::new();
    let (mut classes, mut out) = (Vec::new(), Vec::new());
    let (mut last, mut start, mut last_held) = (u32::MAX, 0, 0);
    for cp in 0..=0x10FFFF_u32 {
        let never_in_a_label = matches!(
            gc.get32(cp),
            GeneralCategory::Unassigned
                | GeneralCategory::PrivateUse
                | GeneralCategory::Surrogate
                | GeneralCategory::Control
        );
        let never_in_a_label = never_in_a_label || !uts46_valid(cp);
        let Some(c) = class(cp).filter(|_| !never_in_a_label || last == u32::MAX) else { continue };
        if c != last {
            // The run starts right after the last code point of the run before it that a label can hold.
            let run_start = if last == u32::MAX { cp } else { last_held + 1 };
            classes.push(u8::try_from(c).unwrap());
            let mut v = run_start - start;
            while v >= 0x80 {
                out.push((v & 0x7f) as u8 | 0x80);
                v >>= 7;
            }
            out.push(v as u8);
            (last, start) = (c, run_start);
        }
        last_held = cp;
    }
    (classes, out)
}

/// Whether UTS 46 (the `idna` crate, non-transitional) keeps `cp` as it is in the Unicode form of some label: alone,
/// or after a letter that satisfies the contextual rules a lone code point can fail (a combining mark after `a`, an
/// Arabic digit after a Hebrew letter, a joiner after a virama).
fn uts46_valid(cp: u32) -> bool {
    use idna::uts46::{AsciiDenyList, Hyphens, Uts46};
    let Some(c) = char::from_u32(cp) else { return false };
    ["", "a", "\u{5d0}", "\u{915}\u{94d}"].iter().any(|before| {
        let label = format!("{before}{c}");
        let (unicode, result) = Uts46::new().to_unicode(label.as_bytes(), AsciiDenyList::EMPTY, Hyphens::Allow);
        result.is_ok() && unicode == label
    })
}

fn table(name: &str, doc: &str, values: &[u8]) -> String {
    let mut s = format!("{doc}\npub(crate) const {name}: [u8; {}] = [\n", values.len());
    for chunk in values.chunks(24) {
        let line: Vec<String> = chunk.iter().map(|v| format!("{v}")).collect();
        s += &format!("    {},\n", line.join(", "));
    }
    s += "];\n";
    s
}

fn generate() -> String {
    let bidi: CodePointMapDataBorrowed<BidiClass> = CodePointMapData::<BidiClass>::new();
    let joining: CodePointMapDataBorrowed<JoiningType> = CodePointMapData::<JoiningType>::new();
    let ccc: CodePointMapDataBorrowed<CanonicalCombiningClass> = CodePointMapData::<CanonicalCombiningClass>::new();
    // Bidi_Class: 0 L, 1 R or AL, 2 AN, 3 EN, 4 NSM, 5 ES CS ET ON BN; the others (B, S, WS and the explicit
    // embeddings and isolates) belong to spaces and format characters, which no label holds.
    let bidi_class = |cp| match bidi.get32(cp) {
        BidiClass::LeftToRight => Some(0),
        BidiClass::RightToLeft | BidiClass::ArabicLetter => Some(1),
        BidiClass::ArabicNumber => Some(2),
        BidiClass::EuropeanNumber => Some(3),
        BidiClass::NonspacingMark => Some(4),
        BidiClass::EuropeanSeparator
        | BidiClass::CommonSeparator
        | BidiClass::EuropeanTerminator
        | BidiClass::OtherNeutral
        | BidiClass::BoundaryNeutral => Some(5),
        _ => None,
    };
    // Joining_Type: 0 none (U, C), 1 L, 2 D, 3 R, 4 T; Canonical_Combining_Class Virama adds 5 (a virama is T).
    let joining_class = |cp| {
        let t = match joining.get32(cp) {
            JoiningType::LeftJoining => 1,
            JoiningType::DualJoining => 2,
            JoiningType::RightJoining => 3,
            JoiningType::Transparent => 4,
            _ => 0,
        };
        if ccc.get32(cp) == CanonicalCombiningClass::Virama {
            t + 5
        } else {
            t
        }
    };
    let (classes, steps) = runs(|cp| bidi_class(cp).map(|b| b * 10 + joining_class(cp)));
    let mut s = String::from(
        "//! Generated by `core/tests/idn_data.rs` from ICU4X's Unicode data (`icu_properties`), the data the `idna` crate\n\
         //! checks with: what `rules::hostname` needs of Bidi_Class (RFC 5893), Joining_Type and\n\
         //! Canonical_Combining_Class=Virama (RFC 5892 appendix A.1, A.2), for the code points UTS 46 keeps in a\n\
         //! label (any other falls in a run next to it). Do not edit.\n\n",
    );
    s += &table(
        "RUN_CLASSES",
        "/// The class of each run, `bidi * 10 + joining` (see `rules::hostname::class_of`): bidi 0 L, 1 R or AL, 2 AN, 3 \
         EN,\n/// 4 NSM, 5 ES CS ET ON BN; joining 0 none (U, C), 1 L, 2 D, 3 R, 4 T, and 5 more for a virama\n/// \
         (Canonical_Combining_Class 9).",
        &classes,
    );
    s += "\n";
    s += &table(
        "RUN_STEPS",
        "/// Where each run starts: LEB128, the distance from the start of the run before it (the first run starts at 0).",
        &steps,
    );
    s
}

#[test]
fn idn_data_is_icu4x_data() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/idn_data.rs");
    let want = generate();
    if std::env::var_os("TENANTCHECK_WRITE_IDN_DATA").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "{path} is stale: rerun with TENANTCHECK_WRITE_IDN_DATA=1");
}
