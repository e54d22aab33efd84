//! The community's verb dictionary (../shared/data/petrarch/dictionaries/
//! CAMEO.2.0.txt, read in place) compiled into our patterns: a pattern's
//! words before the verb stay conditions of that pattern. Reading
//! `- {SUICIDE BOMBER} * [1831]` once dropped its phrase, so that every
//! "attacked" was coded as a suicide bombing.

mod common;

use detente_code::patterns::petrarch;
use detente_knowledge::Knowledge;

#[test]
fn attacked_is_a_plain_attack_and_a_suicide_bomber_a_suicide_bombing() {
    let Some(path) = common::shared("data/petrarch/dictionaries/CAMEO.2.0.txt") else {
        return;
    };
    let kb = Knowledge::embedded().expect("knowledge loads");
    let loaded = petrarch::load_verbs(&path, &kb.codebook).expect("the dictionary reads");
    let at: Vec<_> = loaded.patterns.anchored_at("attacked").collect();
    let bare: Vec<&str> = at
        .iter()
        .filter(|p| p.is_transitive())
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(bare, ["190"], "bare `attack $T` patterns");
    assert!(
        at.iter().any(|p| p.code.as_str() == "1831"
            && p.before == [vec!["suicide".to_string()], vec!["bomber".to_string()]]),
        "the suicide-bomber pattern keeps its words"
    );
    // Its one line with words before a slot before the verb
    // (`&REFUGEE FROM + * IN $`) has its target there and is skipped as such.
    assert!(loaded.skipped.target_before_verb > 0);
}
