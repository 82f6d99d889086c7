fn main() {
    let _engine = sandbox::engine().unwrap();
}
