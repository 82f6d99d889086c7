use wasmtime::Config;

cfg_if::cfg_if! {
    if #[cfg(target_pointer_width = "32")] {
        /// Small address spaces: a small guest stack.
        pub fn tune(config: &mut Config) {
            config.max_wasm_stack(256 << 10);
            config.async_stack_size(1 << 20);
        }
    } else {
        pub fn tune(config: &mut Config) {
            config.max_wasm_stack(2 << 20);
            config.async_stack_size(3 << 20);
        }
    }
}
