// The types are wasm-bindgen's and tsify's, generated from core/src/wasm.rs: this file only re-exports them.
export * from './tenantcheck.js';
export { default } from './tenantcheck.js';
/** The embedded country data's version: its sources and their versions. */
export declare const dataVersion: string;
