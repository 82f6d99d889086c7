/// `cargo test -p sandbox`: the sandbox on its own, without the gateway's async.
#[test]
fn engine_builds_on_its_own() {
    let engine = sandbox::engine().unwrap();
    println!("sandbox engine alone: {:?}", engine.stack_sizes());
}
