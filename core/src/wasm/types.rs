//! The TypeScript declarations of the issue codes and of the field paths, written by the compiler from the one
//! declaration of each: every code with its params and their types from the rule modules' `wordings!` rows
//! ([`codes::BY_RULE`], [`crate::issue::Code`]), every field path from the record's schema ([`schema::FIELDS`]).
//! They go into the package's `tenantcheck.d.ts` as a `typescript_custom_section`, which costs the module no bytes
//! (wasm-bindgen moves it out of the `.wasm`).
//!
//! - `IssueCode`: the union of every code (`docs/codes.md`).
//! - `IssueParamsByCode`: the params of each code's issues, by code; a param that some issues of the code lack is
//!   optional (`?`). `IssueParams` is the union of them.
//! - `Issue`: one error or warning, a union discriminated by `code`: once `code` is known, `params` is typed.
//! - `FieldPath`: the dotted path of every field of the record (not of the objects that only nest fields).

use crate::codes::BY_RULE;
use crate::schema::{self, put, Kind};

/// `"text"`.
const fn quoted(out: &mut [u8], n: usize, text: &str) -> usize {
    let n = put(out, n, "\"");
    let n = put(out, n, text);
    put(out, n, "\"")
}

/// Writes the declarations into `out` (as far as it has room); returns their length. Called once with an empty
/// `out` for the length, then with room for it.
pub const fn typescript(out: &mut [u8]) -> usize {
    let mut n =
        put(out, 0, "\n/** Every code an issue can have (`docs/codes.md`): stable API. */\nexport type IssueCode =");
    let mut rule = 0;
    while rule < BY_RULE.len() {
        let mut i = 0;
        while i < BY_RULE[rule].len() {
            n = put(out, n, "\n    | ");
            n = quoted(out, n, BY_RULE[rule][i].code);
            i += 1;
        }
        rule += 1;
    }
    n = put(out, n, ";\n/** The params of each code's issues, for translating the message (camelCase). */\n");
    n = put(out, n, "export interface IssueParamsByCode {");
    rule = 0;
    while rule < BY_RULE.len() {
        let mut i = 0;
        while i < BY_RULE[rule].len() {
            let code = &BY_RULE[rule][i];
            n = put(out, n, "\n    ");
            n = quoted(out, n, code.code);
            n = put(out, n, if code.params.is_empty() { ": Record<string, never>;" } else { ": {" });
            let mut p = 0;
            while p < code.params.len() {
                let param = &code.params[p];
                n = put(out, n, if p == 0 { " " } else { "; " });
                n = put(out, n, param.name);
                n = put(out, n, if param.ty.optional() { "?: " } else { ": " });
                n = put(out, n, param.ty.typescript());
                p += 1;
            }
            if !code.params.is_empty() {
                n = put(out, n, " };");
            }
            i += 1;
        }
        rule += 1;
    }
    n = put(out, n, "\n}\n/** The params of an issue: those of its code (`IssueParamsByCode`). */\n");
    n = put(out, n, "export type IssueParams = IssueParamsByCode[IssueCode];\n");
    n = put(
        out,
        n,
        "/** One error or warning, by its code: once `code` is narrowed, `params` is that code's. `field` is ",
    );
    n = put(out, n, "a `FieldPath`, a list item's (`markets[0]`), an unknown field's, or `\"\"` for the record. */\n");
    n = put(out, n, "export type Issue = {\n    [C in IssueCode]: { field: string; code: C; message: string; ");
    n = put(out, n, "params: IssueParamsByCode[C] };\n}[IssueCode];\n");
    n = put(out, n, "/** The dotted path of every field of a record (request.md). */\nexport type FieldPath =");
    let mut f = 0;
    while f < schema::FIELDS.len() {
        let field = &schema::FIELDS[f];
        if !matches!(field.kind, Kind::Address | Kind::Object) {
            n = put(out, n, "\n    | ");
            n = quoted(out, n, field.path);
        }
        f += 1;
    }
    put(out, n, ";\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    fn ts() -> String {
        let mut out = vec![0; typescript(&mut [])];
        typescript(&mut out);
        String::from_utf8(out).unwrap()
    }

    /// The union names every code once, and each code's params are declared as its `wordings!` row says.
    #[test]
    fn the_declarations_are_the_code_list() {
        let ts = ts();
        let union = ts.split("export type IssueCode =").nth(1).and_then(|t| t.split(';').next()).unwrap();
        let listed: Vec<&str> =
            union.split('|').map(|c| c.trim().trim_matches('"')).filter(|c| !c.is_empty()).collect();
        let all: Vec<&str> = codes::all().collect();
        assert_eq!(listed, all);
        assert!(ts.contains(r#""postal_code.format": { country: string; example?: string; digits?: number };"#));
        assert!(ts.contains(r#""request.missing_configuration": Record<string, never>;"#));
        assert!(ts.contains(r#""state.required": { country: string; accepted: string[] };"#));
        assert!(ts.contains("    | \"account.billingAddress.postalCode\"\n"));
        assert!(!ts.contains("    | \"account.billingAddress\"\n"), "an object is no field path");
    }
}
