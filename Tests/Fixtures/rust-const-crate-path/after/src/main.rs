mod limits;
mod plugin;

fn main() -> anyhow::Result<()> {
    let host = plugin::PluginHost::new()?;
    host.load_all("plugins")?;
    Ok(())
}
