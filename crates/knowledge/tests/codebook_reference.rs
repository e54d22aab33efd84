//! Our codebook against the public CAMEO reference tables in ../shared,
//! read in place: the same event codes, the same Goldstein scores, the same
//! PLOVER category wherever the reference map gives exactly one, and every
//! reference actor type known.

use std::collections::BTreeMap;
use std::path::PathBuf;

use detente_core::{CameoCode, Plover};
use detente_knowledge::Knowledge;

fn shared(file: &str) -> Option<String> {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/cameo"
    ))
    .join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipping: ../shared not found ({})", path.display());
            None
        }
    }
}

/// `CODE<tab>value` rows after a header line.
fn table(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn same_codes_and_goldstein() {
    let (Some(codes), Some(scale)) = (
        shared("CAMEO.eventcodes.txt"),
        shared("CAMEO.goldsteinscale.txt"),
    ) else {
        return;
    };
    let kb = Knowledge::embedded().unwrap();
    let ours: BTreeMap<String, f32> = kb
        .codebook
        .events()
        .map(|e| (e.code.to_string(), e.goldstein))
        .collect();
    let theirs = table(&codes);
    assert_eq!(theirs.len(), 311);
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
    for (code, score) in table(&scale) {
        let want: f32 = score.parse().unwrap();
        assert_eq!(ours.get(&code), Some(&want), "Goldstein of {code}");
    }
}

#[test]
fn same_plover_where_the_map_is_unambiguous() {
    let Some(map) = shared("CAMEO2PLOVER-2021.txt") else {
        return;
    };
    let kb = Knowledge::embedded().unwrap();
    // Lines look like `042: CONSULT, visit, # Make a visit`; a code listed
    // with two different categories (root 08) is ambiguous and not compared.
    let mut reference: BTreeMap<String, Option<Plover>> = BTreeMap::new();
    for line in map.lines().filter(|l| !l.starts_with('#')) {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let Some(cat) = rest.split([',', '#']).next().and_then(Plover::parse) else {
            continue;
        };
        let entry = reference
            .entry(code.trim().to_string())
            .or_insert(Some(cat));
        if *entry != Some(cat) {
            *entry = None;
        }
    }
    // Our one documented departure (data/cameo/events.tsv): sanctions are
    // SANCTION as the PLOVER manual's SANCTION section has them.
    let departures = [("163", Plover::Sanction)];
    let mut compared = 0;
    for (code, cat) in reference {
        let (Ok(c), Some(cat)) = (CameoCode::parse(&code), cat) else {
            continue;
        };
        let Some(ours) = kb.codebook.event(c) else {
            continue;
        };
        let want = departures
            .iter()
            .find(|(d, _)| *d == code)
            .map_or(cat, |(_, p)| *p);
        assert_eq!(ours.plover, Some(want), "PLOVER category of {code}");
        compared += 1;
    }
    assert!(compared > 250, "only {compared} codes compared");
}

#[test]
fn every_reference_actor_type_is_known() {
    let Some(types) = shared("CAMEO.type.txt") else {
        return;
    };
    let kb = Knowledge::embedded().unwrap();
    for code in table(&types).keys() {
        assert!(
            kb.codebook.actor_type(code).is_some(),
            "actor type {code} missing"
        );
    }
}
