pub mod plugin_engine;
