//! The two items that tsify's derive (`tsify_macros::Tsify`, on the binding's mirror types) names as
//! `tsify::Tsify` and `tsify::SerializationConfig`, as the `tsify` crate 0.5.8 declares them. Only the derive is used:
//! its output that matters is the TypeScript declaration it adds to the module (`typescript_custom_section`), which
//! wasm-bindgen writes to `tenantcheck.d.ts`. The `tsify` crate itself links the standard library, which the
//! package's build leaves out (`lib.rs`), and converts through serde-wasm-bindgen, which the package does not use
//! (results are written by `ToJs`).

/// A type with a TypeScript declaration (`tsify::Tsify`, without its conversions).
pub trait Tsify {
    /// The JS type the declaration names.
    type JsType;
    /// The TypeScript declaration.
    const DECL: &'static str;
    const SERIALIZATION_CONFIG: SerializationConfig;
}

/// How tsify's conversions would serialize the type (unused here: the declaration already says it).
pub struct SerializationConfig {
    pub missing_as_null: bool,
    pub hashmap_as_object: bool,
    pub large_number_types_as_bigints: bool,
}
