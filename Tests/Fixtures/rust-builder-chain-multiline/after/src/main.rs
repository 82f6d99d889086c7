mod runtime;

fn main() -> anyhow::Result<()> {
    let runtime = runtime::PluginRuntime::new()?;
    runtime.run("plugins/hello.wasm")
}
