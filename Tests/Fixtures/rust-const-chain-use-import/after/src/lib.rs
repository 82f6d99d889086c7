pub mod config;
pub mod wasmtime_embedder;
