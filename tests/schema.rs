//! The JSON Schema documents shipped in the package (`js/schema/*.json`) are the ones the Rust types
//! generate (`src/boundary/schema.rs`): run with `--features schema`; `WRITE_SCHEMA=1` writes them.

use std::path::Path;
use workspace_rules::boundary::schema::{all_types, document, DOCUMENTS};

fn text(schema: &schemars::Schema) -> String {
    serde_json::to_string_pretty(schema).unwrap() + "\n"
}

#[test]
fn the_shipped_documents_are_the_generated_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("js/schema");
    let write = std::env::var_os("WRITE_SCHEMA").is_some();
    let mut expected: Vec<(String, String)> = DOCUMENTS
        .iter()
        .map(|(name, root)| (format!("{name}.json"), text(&document(name, *root))))
        .collect();
    expected.push(("types.json".to_owned(), text(&all_types())));
    if write {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (file, content) in &expected {
            std::fs::write(dir.join(file), content).unwrap();
        }
    }
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort();
    let mut names: Vec<String> = expected.iter().map(|(f, _)| f.clone()).collect();
    names.sort();
    assert_eq!(
        present, names,
        "js/schema/ holds exactly the generated documents"
    );
    for (file, content) in &expected {
        let shipped = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            &shipped == content,
            "js/schema/{file} is not what the Rust types generate: run WRITE_SCHEMA=1 cargo test --features schema --test schema"
        );
    }
}
