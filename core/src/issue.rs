//! What a rule says when it rejects or warns: a stable machine code, structured params and an English default
//! message (validator's `code + message + params`), placed on a dotted field path by the record walker.

pub use crate::params::{Param, Params};
use alloc::borrow::Cow;
use alloc::{string::String, vec::Vec};

/// Whether an issue blocks the submission. Warnings never block (`rules.md`, preamble).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One reason a rule gives. Every rule module has its own `#[non_exhaustive]` enum implementing this trait, and its
/// `Display` (made by [`display_as_message!`](crate::display_as_message)) is the English default message.
///
/// A reason names its [`Wording`], one row of its module's [`wordings!`](crate::wordings) table, where its code,
/// severity and English template are declared together, once; and it gives the params its template shows.
pub trait Reason {
    /// Which row of its module's table this reason is.
    fn wording(&self) -> Wording;
    /// Structured values a host may use to translate the message; the English message is made from them.
    fn params(&self) -> Params {
        Params::default()
    }
    /// `<rule>.<reason>` in snake case: stable API, never renamed, never reused (`request.md`). This and the next
    /// methods are kept out of the trait's vtable (one copy per reason type would be linked into the WebAssembly
    /// package): behind a `dyn`, ask the [`Reason::wording`].
    fn code(&self) -> &'static str
    where
        Self: Sized,
    {
        self.wording().code()
    }
    /// The English message as a template filled from [`Reason::params`] ([`crate::message`]).
    fn template(&self) -> &'static str
    where
        Self: Sized,
    {
        self.wording().template()
    }
    /// Errors block, warnings do not.
    fn severity(&self) -> Severity
    where
        Self: Sized,
    {
        self.wording().severity()
    }
    /// The English message: [`Reason::template`] filled from [`Reason::params`]. Not in the trait's vtable (each
    /// reason type's copy would be linked into the WebAssembly package): [`Issue::new`] fills the template itself.
    fn message(&self) -> String
    where
        Self: Sized,
    {
        crate::message::fill(self.template(), &self.params())
    }
}

/// One row of a module's table of codes and English templates ([`wordings!`](crate::wordings)): which table, and
/// where in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    table: &'static Wordings,
    row: u8,
}

/// A module's codes and English templates ([`wordings!`](crate::wordings) makes it): every row's code (only in the
/// code's first row) and template, in order, as one string (no pair of pointers per text), cut by the texts' lengths
/// in bytes (one byte each, where offsets would take two and compress worse); bit `row` of `warnings` set where the
/// row is a warning.
#[derive(Debug, PartialEq, Eq)]
pub struct Wordings {
    pub text: &'static str,
    /// The length of each row's code (0 after a code's first row) and of its template.
    pub lens: &'static [u8],
    pub warnings: u64,
}

impl Wording {
    /// The row `row` of `table`.
    pub const fn new(table: &'static Wordings, row: u8) -> Self {
        Wording { table, row }
    }
    /// Part `part` (0 the code, 1 the template) of the row.
    fn text(self, part: usize) -> &'static str {
        let at = usize::from(self.row) * 2 + part;
        let mut start = 0;
        for &len in self.table.lens.get(..at).unwrap_or_default() {
            start += usize::from(len);
        }
        let len = self.table.lens.get(at).map_or(0, |&len| usize::from(len));
        self.table.text.get(start..start + len).unwrap_or_default()
    }
    /// `<rule>.<reason>` in snake case: stable API, never renamed, never reused (`request.md`).
    pub fn code(self) -> &'static str {
        // A code's second and later wordings do not repeat it: their code is empty in the table.
        let mut row = self.row;
        loop {
            let code = Wording { row, ..self }.text(0);
            match row.checked_sub(1) {
                Some(before) if code.is_empty() => row = before,
                _ => return code,
            }
        }
    }
    /// The English message as a template ([`crate::message`]).
    pub fn template(self) -> &'static str {
        self.text(1)
    }
    /// Which of its code's wordings this is (0 the first): with [`Wording::code`], the key of a message catalog
    /// ([`crate::catalog`]).
    pub fn index(self) -> usize {
        let mut index = 0;
        let mut row = self.row;
        while row > 0 && (Wording { row, ..self }).text(0).is_empty() {
            row -= 1;
            index += 1;
        }
        index
    }
    /// Errors block, warnings do not.
    pub fn severity(self) -> Severity {
        if self.table.warnings >> self.row & 1 == 1 {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl Wordings {
    /// Every row of the table, in order.
    pub fn rows(&'static self) -> impl Iterator<Item = Wording> {
        let rows = u8::try_from(self.lens.len() / 2).unwrap_or(u8::MAX);
        (0..rows).map(move |row| Wording::new(self, row))
    }
}

/// The lengths of texts, one byte each (for [`Wordings::lens`]; `N` is the number of texts). Evaluated by the
/// compiler: a text of 256 bytes or more does not build.
pub const fn lens<const N: usize>(lens: &[usize]) -> [u8; N] {
    assert!(lens.len() == N, "one length per text");
    let mut bytes = [0u8; N];
    let mut i = 0;
    while i < N {
        assert!(lens[i] <= u8::MAX as usize, "a code or template of 256 bytes or more");
        bytes[i] = lens[i] as u8;
        i += 1;
    }
    bytes
}

/// The bits of the rows that are warnings (for [`Wordings::warnings`]), from each code's severity and number of
/// wordings. Evaluated by the compiler: at most 64 rows.
pub const fn warnings(codes: &[(Severity, usize)]) -> u64 {
    let mut bits = 0;
    let mut row = 0;
    let mut i = 0;
    while i < codes.len() {
        let (severity, wordings) = codes[i];
        let mut j = 0;
        while j < wordings {
            assert!(row < 64, "a table of more than 64 wordings");
            if let Severity::Warning = severity {
                bits |= 1 << row;
            }
            row += 1;
            j += 1;
        }
        i += 1;
    }
    bits
}

/// A rule module's codes, each declared once with its severity and its English template(s) (each template one
/// [`Wording`] of the code) and, in parentheses, the params its issues carry with their types ([`ParamType`]): makes
/// the enum of the module's wordings (`Say`), the module's list of codes ([`Code`]), and the table they are read
/// from. A reason names its wording (`Say::TooLong`), never a position, so reordering the rows renames nothing.
///
/// ```ignore
/// tenantcheck_core::wordings! {
///     enum Say;
///     /// Every code this module can emit.
///     pub const CODES;
///     "phone.too_long" (max: Int) { TooLong: "The phone number is longer than {max} characters." }
///     "phone.nanp_area_code" Warning (areaCode: Str) { NanpAreaCode: "The area code {areaCode} starts with 0 or 1, …" }
/// }
/// ```
#[macro_export]
macro_rules! wordings {
    (
        $(#[$attr:meta])* $say_vis:vis enum $say:ident;
        $(#[$codes_attr:meta])* $vis:vis const $codes:ident;
        $(
            $code:literal $($severity:ident)? $(($($param:ident: $ty:ident),* $(,)?))?
            {
                $(#[$first_doc:meta])* $first:ident: $first_template:expr
                $(, $(#[$doc:meta])* $name:ident: $template:expr )* $(,)?
            }
        )+
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $say_vis enum $say {
            $( $(#[$first_doc])* $first, $( $(#[$doc])* $name, )* )+
        }

        $(#[$codes_attr])*
        $vis const $codes: &[$crate::issue::Code] = &[$($crate::issue::Code {
            code: $code,
            params: &[$($($crate::issue::ParamDecl { name: stringify!($param), ty: $crate::issue::ParamType::$ty }),*)?],
        }),+];

        /// The module's table of codes and English templates, in the order declared (what a message catalog's
        /// English is generated from: [`crate::catalog`]).
        #[doc(hidden)]
        $vis static WORDINGS: $crate::issue::Wordings = {
            const LENS: &[usize] = &[$( $code.len(), $first_template.len(), $( 0, $template.len(), )* )+];
            static BYTES: [u8; LENS.len()] = $crate::issue::lens(LENS);
            $crate::issue::Wordings {
                text: concat!($( $code, $first_template, $( $template, )* )+),
                lens: &BYTES,
                warnings: $crate::issue::warnings(&[$((
                    [$($crate::issue::Severity::$severity,)? $crate::issue::Severity::Error][0],
                    1 + <[&str]>::len(&[$(stringify!($name)),*]),
                )),+]),
            }
        };

        impl From<$say> for $crate::issue::Wording {
            fn from(say: $say) -> Self {
                $crate::issue::Wording::new(&WORDINGS, say as u8)
            }
        }
    };
}

/// One code of a rule module, as its [`wordings!`](crate::wordings) row declares it: the code and the params its
/// issues carry. The declaration is the params' one source for the TypeScript types of the npm package (`IssueCode`,
/// `Issue`: `wasm::types`); tests hold every template's placeholders and every reason's params to it
/// (`core/tests/messages.rs`, `core/tests/params.rs`). Not in the package's module: only tests and the compiler read
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// `<rule>.<reason>` in snake case.
    pub code: &'static str,
    /// The params of the code's issues, in the order its reasons add them.
    pub params: &'static [ParamDecl],
}

/// One param of a [`Code`]: its name (camelCase, as the JS side reads it) and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamDecl {
    pub name: &'static str,
    pub ty: ParamType,
}

/// The type of a param ([`Param`]) in JS, and whether every issue of its code has it (`Opt…`: some issues do not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// A number ([`Param::Int`]).
    Int,
    /// A string ([`Param::Str`]; a character is a string of one).
    Str,
    /// A list of strings ([`Param::List`]).
    List,
    OptInt,
    OptStr,
    OptList,
}

impl ParamType {
    /// The TypeScript type of the value.
    pub const fn typescript(self) -> &'static str {
        match self {
            ParamType::Int | ParamType::OptInt => "number",
            ParamType::Str | ParamType::OptStr => "string",
            ParamType::List | ParamType::OptList => "string[]",
        }
    }
    /// Whether some issues of the code lack the param.
    pub const fn optional(self) -> bool {
        matches!(self, ParamType::OptInt | ParamType::OptStr | ParamType::OptList)
    }
    /// Whether a value is of this type.
    pub fn holds(self, value: &Param) -> bool {
        matches!(
            (self, value),
            (ParamType::Int | ParamType::OptInt, Param::Int(_))
                | (ParamType::Str | ParamType::OptStr, Param::Str(_))
                | (ParamType::List | ParamType::OptList, Param::List(_))
        )
    }
}

/// `Display` for reason types: the English message ([`Reason::message`]).
#[macro_export]
macro_rules! display_as_message {
    ($($reason:ty),+ $(,)?) => {$(
        impl ::core::fmt::Display for $reason {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&$crate::issue::Reason::message(self))
            }
        }
    )+};
}

/// One error or warning of a [`crate::Report`], as `request.md` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// Dotted path of the field in the record, e.g. `account.billingAddress.postalCode`.
    pub field: Cow<'static, str>,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    /// Which wording of its code the message is: what a message catalog translates it by ([`crate::catalog`]).
    #[serde(skip)]
    pub wording: Wording,
}

impl Issue {
    /// The issue a reason makes on a field: its English message filled from its params, which it carries too (the
    /// npm package's errors are made from it too, `wasm::error`).
    pub fn new(field: impl Into<Cow<'static, str>>, reason: &dyn Reason) -> Self {
        let wording = reason.wording();
        let params = reason.params();
        let message = crate::message::fill(wording.template(), &params);
        Issue { field: field.into(), code: wording.code(), message, params, wording }
    }
}

/// What a rule returns when it accepts: the normalized value and any warnings about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T, R> {
    pub value: T,
    pub warnings: Vec<R>,
}

impl<T, R> Checked<T, R> {
    /// An accepted value without warnings.
    pub fn ok(value: T) -> Self {
        Checked { value, warnings: Vec::new() }
    }
    /// The same warnings on a value made from this one.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U, R> {
        Checked { value: f(self.value), warnings: self.warnings }
    }
    /// An accepted value with one warning.
    pub fn warn(value: T, warning: R) -> Self {
        Checked { value, warnings: vec![warning] }
    }
}

/// The result of one rule: the normalized value, or the reason it was rejected.
pub type Outcome<T, R> = Result<Checked<T, R>, R>;

#[cfg(test)]
mod tests {
    use super::*;

    crate::wordings! {
        enum Say;
        const CODES;
        "test.first" (x: Int) { One: "The first {x}.", Two: "" }
        "test.second" Warning { Three: "Ünïcode, e.g. .рф." }
        "test.third" { Four: "The fourth." }
    }

    #[test]
    fn a_wording_reads_its_own_row() {
        let rows = [
            (Say::One, "test.first", "The first {x}.", Severity::Error),
            (Say::Two, "test.first", "", Severity::Error),
            (Say::Three, "test.second", "Ünïcode, e.g. .рф.", Severity::Warning),
            (Say::Four, "test.third", "The fourth.", Severity::Error),
        ];
        for (say, code, template, severity) in rows {
            let wording = Wording::from(say);
            assert_eq!((wording.code(), wording.template(), wording.severity()), (code, template, severity), "{say:?}");
        }
        let codes: Vec<&str> = CODES.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["test.first", "test.second", "test.third"]);
        assert_eq!(CODES[0].params, [ParamDecl { name: "x", ty: ParamType::Int }]);
    }

    #[test]
    fn a_wording_knows_its_place_among_its_codes_wordings() {
        let rows: Vec<_> = WORDINGS.rows().map(|w| (w.code(), w.index())).collect();
        assert_eq!(rows, [("test.first", 0), ("test.first", 1), ("test.second", 0), ("test.third", 0)]);
        assert_eq!(Wording::from(Say::Two), WORDINGS.rows().nth(1).unwrap());
    }
}
