//! Stack limits for plugins.

#[allow(non_upper_case_globals)]
pub static PluginMaxStack: usize = 3 * 1024 * 1024;
