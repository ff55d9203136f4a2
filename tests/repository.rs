//! The repository keeps the promises a newcomer reads first: the licence file matches
//! `Cargo.toml`, and the README says what happens to unsaved work when the terminal closes.

fn read(rel: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_licence_file_matches_cargo_toml() {
    let manifest: toml::Table = toml::from_str(&read("Cargo.toml")).unwrap();
    let declared = manifest["package"]["license"].as_str().unwrap();
    assert_eq!(declared, "MIT");
    let licence = read("LICENSE");
    assert!(licence.starts_with("MIT License"), "{licence}");
    assert!(licence.contains("Permission is hereby granted, free of charge"));
}

#[test]
fn the_readme_says_how_unsaved_work_is_kept() {
    let readme = read("README.md");
    for needle in [
        "## Prerequisites",
        "When the terminal goes away",
        "Recovery copies live in",
        "SKIPPED",
        "2-core",
    ] {
        assert!(readme.contains(needle), "README lacks “{needle}”");
    }
}
