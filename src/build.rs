//! Build script: links the `resdraft` binary as a position-dependent executable where the
//! toolchain makes position-independent ones by default (Linux with glibc).
//!
//! A position-independent binary is relocated by the dynamic loader at every start: about
//! 28,000 addresses in its tables (vtables, panic locations, the PDF reader's glyph lists)
//! written into 130 pages, each copied on write. That was 0.5–0.8 ms of every `resdraft`
//! run on the development machine, a twentieth of a `diff` of two long texts. Linked at a
//! fixed address, the addresses are resolved once, by the linker. The cost is that the
//! binary's own code does not move between runs (its libraries, stack and heap still do).
//! Only the binaries are linked so; the library and the tests' harnesses are not.

fn main() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=src/build.rs");
}
