//! Property tests: any sentence, however odd, is tagged, parsed and chunked
//! without panicking, and the outputs keep their shape.

use detente_models::unlabeled::sentences;
use detente_models::{NerModel, ParserModel, PosModel};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Loaded once: decoding the tables is the slow part of a debug test run.
static MODELS: LazyLock<(PosModel, ParserModel, NerModel)> = LazyLock::new(|| {
    (
        PosModel::load_embedded().unwrap(),
        ParserModel::load_embedded().unwrap(),
        NerModel::load_embedded().unwrap(),
    )
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_words_give_well_formed_output(words in prop::collection::vec("\\PC{0,12}", 0..40)) {
        let (pos, parser, ner) = &*MODELS;
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags = pos.tag(&refs);
        prop_assert_eq!(tags.len(), refs.len());
        let parse = parser.parse(&refs, &tags);
        prop_assert_eq!(parse.len(), refs.len());
        if !refs.is_empty() {
            prop_assert_eq!(parse.iter().filter(|(h, _)| h.is_none()).count(), 1);
        }
        for (h, _) in &parse {
            prop_assert!(h.is_none_or(|h| (h as usize) < refs.len()));
        }
        let mut last_end = 0;
        for (a, b, _) in ner.tag(&refs, &tags) {
            prop_assert!(a >= last_end && a < b && b <= refs.len());
            last_end = b;
        }
    }
}

/// The checked-in NER model, for comparing damaged copies against.
static NER_MODEL: LazyLock<NerModel> = LazyLock::new(|| NerModel::load_embedded().unwrap());

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// The unlabeled-text reader takes any text: no panic, no empty
    /// sentence, never more tokens than characters.
    #[test]
    fn any_text_splits_into_sentences(text in "\\PC{0,200}") {
        let mut out = Vec::new();
        sentences(&text, &mut out);
        prop_assert!(out.iter().all(|s| !s.is_empty()));
        let tokens: usize = out.iter().map(Vec::len).sum();
        prop_assert!(tokens <= text.chars().count());
    }

    /// A model file with any bit flipped is refused or, where the flip
    /// falls on bits deflate ignores, reads as the same model: never a
    /// panic, never a different model.
    #[test]
    fn any_damaged_model_file_is_refused_or_unchanged(at in 0usize..1_000_000, bit in 0u8..8) {
        let mut bytes = detente_models::embedded::NER.to_vec();
        let at = at % bytes.len();
        bytes[at] ^= 1 << bit;
        if let Ok(m) = NerModel::from_bytes(&bytes) {
            prop_assert!(m == NER_MODEL.clone(), "a flipped bit at {at} changed the model");
        }
    }
}
