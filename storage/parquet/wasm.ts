/**
 * The parquet-wasm module (arrow-rs's Parquet reader and writer in WebAssembly),
 * in its Node build, which instantiates synchronously on import.
 */
export * from 'parquet-wasm/node';
