//! The params an issue carries agree with its code's declaration (the `wordings!` row, `issue::Code`), from which the
//! npm package's TypeScript types are made (`IssueCode`, `Issue`): shared by `messages.rs` (every reason) and
//! `real_world.rs` (every issue of the corpus).

use tenantcheck_core::codes;
use tenantcheck_core::issue::{Code, ParamDecl};
use tenantcheck_core::message::{self, Part};
use tenantcheck_core::Params;

/// The declaration of a code.
pub fn code(code: &str) -> &'static Code {
    codes::declared().find(|c| c.code == code).unwrap_or_else(|| panic!("{code} is not declared"))
}

fn param(code: &'static Code, name: &str) -> Option<&'static ParamDecl> {
    code.params.iter().find(|p| p.name == name)
}

/// Every param of an issue is declared for its code, of the declared type, and every param that is not optional is
/// there. Returns what is wrong, or `None`.
pub fn wrong(code_name: &str, params: &Params) -> Option<String> {
    let code = code(code_name);
    for (name, value) in &params.0 {
        match param(code, name) {
            None => return Some(format!("{code_name}: param {name} is not declared")),
            Some(p) if !p.ty.holds(value) => {
                return Some(format!("{code_name}: param {name} is {value:?}, declared {:?}", p.ty))
            }
            Some(_) => {}
        }
    }
    let missing = code.params.iter().find(|p| !p.ty.optional() && params.get(p.name).is_none());
    missing.map(|p| format!("{code_name}: param {} is declared required but missing", p.name))
}

/// [`wrong`], as an assertion.
#[allow(dead_code)] // not every includer asserts
pub fn check(code_name: &str, params: &Params) {
    if let Some(why) = wrong(code_name, params) {
        panic!("{why}");
    }
}

/// Every placeholder of a template is a declared param of its code.
#[allow(dead_code)] // not every includer shows templates
pub fn shows(code_name: &str, template: &str) {
    let code = code(code_name);
    for part in message::parts(template) {
        if let Part::Param { name, .. } = part {
            assert!(param(code, name).is_some(), "{code_name}: the template shows {{{name}}}, which is not declared");
        }
    }
}
