//! `detente eval` prints each stage's figures from the shared test sets.

mod common;

#[test]
fn eval_events_prints_plover_f1() {
    let Some(shared) = common::shared("data/plover") else {
        return;
    };
    let shared = shared.parent().and_then(|p| p.parent()).unwrap();
    let o = common::detente(
        &["eval", "events", "--shared", shared.to_str().unwrap()],
        b"",
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = common::stdout(&o);
    let f1 = out
        .split("F1 ")
        .last()
        .and_then(|s| s.split(';').next())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no F1 in {out}"));
    assert!(f1 > 0.6, "{out}");
}

#[test]
fn eval_without_shared_data_says_where_to_look() {
    let o = common::detente(&["eval", "events", "--shared", "/nowhere"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("--shared"),
        "{}",
        common::stderr(&o)
    );
}
