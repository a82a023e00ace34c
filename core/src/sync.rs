//! Statics set once, and thread-locals, in both builds of the core. With the standard library (feature `std`: the
//! native builds, the browser host, the wasm-bindgen tests) they are its own: [`OnceLock`] and `thread_local!`, as
//! the command line's workers share the tables. The npm package's build has no standard library (`no_std`, see
//! `lib.rs`): there the two are plain statics over `core::cell`, which is sound because WebAssembly without the
//! `atomics` target feature runs one thread (no other target builds without `std`).

#[cfg(feature = "std")]
pub use std::sync::OnceLock;

#[cfg(not(feature = "std"))]
pub use single::{LocalKey, OnceLock};

#[cfg(all(not(feature = "std"), not(all(target_arch = "wasm32", not(target_feature = "atomics")))))]
compile_error!("tenantcheck-core without the feature `std` is for single-threaded WebAssembly only");

/// `thread_local!` without the standard library: each key a plain static [`LocalKey`]. Only constant initializers
/// (`= const { … }`), as every thread-local of the core has: they are statics in single-threaded WebAssembly anyway.
#[cfg(not(feature = "std"))]
macro_rules! thread_local {
    ($($(#[$attr:meta])* $vis:vis static $name:ident: $t:ty = const $init:block;)*) => {
        $($(#[$attr])* $vis static $name: $crate::sync::LocalKey<$t> = $crate::sync::LocalKey::new($init);)*
    };
}

#[cfg(all(not(feature = "std"), target_arch = "wasm32", not(target_feature = "atomics")))]
mod single {
    use core::cell::{OnceCell, RefCell};

    /// `std::sync::OnceLock`'s methods that the core uses, over `core::cell::OnceCell`. As with `OnceLock`, an
    /// initializer must not reach the same cell again (the module traps).
    pub struct OnceLock<T>(OnceCell<T>);

    // SAFETY: compiled only for WebAssembly without the `atomics` feature, where there is one thread: a value is never
    // reached from two threads, let alone at once.
    unsafe impl<T> Sync for OnceLock<T> {}

    impl<T> OnceLock<T> {
        pub const fn new() -> Self {
            Self(OnceCell::new())
        }

        pub fn get(&self) -> Option<&T> {
            self.0.get()
        }

        pub fn set(&self, value: T) -> Result<(), T> {
            self.0.set(value)
        }

        /// Traps at once where `OnceCell::get_or_init` panics (an initializer that reached the same cell and set it):
        /// its panic carries the text `reentrant init` and a source location (0.1 KB) that nobody reads.
        pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
            if self.0.get().is_none() && self.0.set(f()).is_err() {
                core::arch::wasm32::unreachable()
            }
            match self.0.get() {
                Some(value) => value,
                None => core::arch::wasm32::unreachable(),
            }
        }
    }

    /// `std::thread::LocalKey`'s methods that the core uses, for a static made by the crate's `thread_local!`.
    pub struct LocalKey<T>(T);

    // SAFETY: as for `OnceLock` above: one thread.
    unsafe impl<T> Sync for LocalKey<T> {}

    impl<T> LocalKey<T> {
        pub const fn new(value: T) -> Self {
            Self(value)
        }

        pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
            f(&self.0)
        }
    }

    /// Where `LocalKey`'s methods (`RefCell::borrow`) panic, on a cell already borrowed, these trap at once: the
    /// panic's message would need `core::fmt`'s padding (`Formatter::pad`, 1.4 KB) for `BorrowError`'s text.
    impl<T> LocalKey<RefCell<T>> {
        pub fn with_borrow<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
            match self.0.try_borrow() {
                Ok(value) => f(&value),
                Err(_) => core::arch::wasm32::unreachable(),
            }
        }

        pub fn with_borrow_mut<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> R {
            match self.0.try_borrow_mut() {
                Ok(mut value) => f(&mut value),
                Err(_) => core::arch::wasm32::unreachable(),
            }
        }
    }
}
