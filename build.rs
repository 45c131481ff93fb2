//! Embeds the message catalogue: every `locales/<lang>/*.ftl` file, so that a new area file
//! needs no edit anywhere else.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time: `env!` would bake in the folder the build script was compiled in, and a
    // target folder copied to another checkout would embed that checkout's catalogue.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    for lang in ["vi", "en"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        writeln!(
            out,
            "pub const {}: &[(&str, &str)] = &[",
            lang.to_uppercase()
        )
        .unwrap();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f.file_name().unwrap().to_string_lossy();
            writeln!(
                out,
                "    ({name:?}, include_str!({:?})),",
                f.display().to_string()
            )
            .unwrap();
        }
        out.push_str("];\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
}
