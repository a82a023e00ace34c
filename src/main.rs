//! tenantcheck's command line (being written).
fn main() {
    println!("tenantcheck {}", env!("CARGO_PKG_VERSION"));
}
