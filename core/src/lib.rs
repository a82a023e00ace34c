//! tenantcheck's rules: everything a cloud-BSS account must get right before it can be provisioned as a Microsoft
//! customer tenant through Partner Center (CSP). Pure Rust: no rule module knows of JS.
//!
//! Without the feature `std` (the npm package's build, `make pkg`) the core is `no_std` with `alloc`: the standard
//! library's panic machinery formats every panic's message and location (`core::fmt`, about 3 KB of the package's
//! gzip), and only a crate without it may say what a panic does, on stable Rust. Its handler below traps.

#![cfg_attr(not(feature = "std"), no_std)]

#[macro_use]
extern crate alloc;

#[macro_use]
mod sync;

#[cfg(feature = "catalog")]
pub mod catalog;
pub mod codes;
pub mod countries;
pub mod host;
pub mod issue;
#[cfg(feature = "js-host")]
pub mod js_host;
pub mod message;
pub mod params;
pub mod pattern;
pub mod place;
pub mod record;
pub mod rules;
pub mod schema;
pub mod source;
pub mod text;
pub mod validate;
pub mod vocab;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use issue::{Checked, Issue, Outcome, Param, Params, Reason, Severity};
pub use record::Record;
pub use validate::{validate, FieldCheck, FieldReport, FieldValue, Report, Validator};

/// What a panic does in the npm package's build: the WebAssembly `unreachable` instruction, which traps, as the
/// standard library's handler ends with (`panic = "abort"`), but without formatting a message first that nobody
/// reads: wasm32-unknown-unknown has no standard error. A trap ends the call with a `RuntimeError` in JS, and the
/// instance must not be used again. The rule is unchanged: nothing panics on input (`docs/npm-package.md`).
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

// Without the standard library there is no allocator but the package's (talc, `wasm.rs`).
#[cfg(not(any(feature = "std", feature = "wasm")))]
compile_error!("tenantcheck-core without the feature `std` is the npm package's build: enable `wasm` too");
