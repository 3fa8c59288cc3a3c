//! Build script: links the quire binary with packed relative relocations (DT_RELR) where the C
//! library it will run on can read them.
//!
//! quire is a position-independent executable with some 38,000 relative relocations (static
//! tables of strings: stop words, stemmers, HTML entities). Unpacked they take 900 KB that the
//! dynamic loader reads at every start, about a twentieth of what quire holds resident while
//! reading a 5 MB file; packed they take 12 KB. A binary with packed relocations needs glibc
//! 2.36 or later, so they are asked for only when building for the machine doing the build
//! and its glibc is new enough. `QUIRE_PACK_RELOCS=0` turns this off.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    println!("cargo:rerun-if-env-changed=QUIRE_PACK_RELOCS");
    if std::env::var("QUIRE_PACK_RELOCS").is_ok_and(|v| v == "0") {
        return;
    }
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if target != host || !target.ends_with("-linux-gnu") {
        return;
    }
    if glibc_version().is_some_and(|version| version >= (2, 36)) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// The glibc of this machine, from `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn glibc_version() -> Option<(u32, u32)> {
    let output = Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.trim().strip_prefix("glibc ")?;
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}
