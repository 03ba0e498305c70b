//! Every record the corpus produces validates against the published schema.

use std::path::Path;

#[test]
fn corpus_records_validate_against_the_schema() {
    let schema = vnplan_engine::record::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let out = vnplan_engine::batch::process_input(
            &vnplan_engine::batch::Input::File {
                display: path.display().to_string(),
                path: path.clone(),
            },
            &vnplan_engine::Options::default(),
        );
        let value = serde_json::to_value(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        n += 1;
    }
    // An error record validates too.
    let err = vnplan_engine::batch::process_input(
        &vnplan_engine::batch::Input::File {
            display: "missing.txt".into(),
            path: "/nonexistent/missing.txt".into(),
        },
        &vnplan_engine::Options::default(),
    );
    assert!(validator.is_valid(&serde_json::to_value(&err).unwrap()));
    assert_eq!(n, 10);
}
