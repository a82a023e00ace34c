//! The browser host of tenantcheck: binds the form in `index.html` to the core.
//!
//! A stub for now: the host (gloo, web-sys, the submission state machine) lands with its own issue.

pub use tenantcheck_core as core;
