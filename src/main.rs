//! Browser entry point: Trunk builds this binary to WebAssembly; everything else is in the library.

fn main() {
    carryover::start();
}
