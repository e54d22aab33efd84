//! The checked-in models: accuracy floors on the held-out sets (reading
//! ../shared in place), a small training run, save/load round trips, and
//! damaged files.

use std::path::{Path, PathBuf};

use detente_core::PosTag;
use detente_models::train::train_models;
use detente_models::{NerModel, ParserModel, PosModel, TrainOptions, evaluate, train_all};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("data/gum/dep").is_dir() && p.join("data/conll2003").is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// Floors just under the figures measured when the models were trained (see
/// models/README.md): a retrained model that falls below them is a regression.
#[test]
fn embedded_models_meet_their_accuracy_floors() {
    let Some(shared) = shared() else { return };
    let r = evaluate(&shared).expect("evaluation runs");
    eprintln!("{r}");
    assert!(r.test_docs >= 20, "{} test documents", r.test_docs);
    assert!(
        r.pos_accuracy >= 0.961,
        "POS accuracy {:.4}",
        r.pos_accuracy
    );
    assert!(r.uas >= 0.824, "UAS {:.4}", r.uas);
    assert!(r.las >= 0.787, "LAS {:.4}", r.las);
    assert!(r.ner.f1() >= 0.887, "NER F1 {:.4}", r.ner.f1());
}

#[test]
fn embedded_models_load_and_read_a_sentence() {
    let pos = PosModel::load_embedded().unwrap();
    let parser = ParserModel::load_embedded().unwrap();
    let ner = NerModel::load_embedded().unwrap();
    let words = [
        "John",
        "Kerry",
        "met",
        "Russian",
        "officials",
        "in",
        "Moscow",
        "on",
        "Friday",
        ".",
    ];
    let tags = pos.tag(&words);
    assert_eq!(tags.len(), words.len());
    assert_eq!(tags[2], PosTag::parse("VBD").unwrap());
    assert_eq!(tags[9], PosTag::parse(".").unwrap());
    let parse = parser.parse(&words, &tags);
    assert_eq!(parse.len(), words.len());
    assert_eq!(
        parse.iter().filter(|(h, _)| h.is_none()).count(),
        1,
        "{parse:?}"
    );
    assert!(
        parse
            .iter()
            .all(|(h, _)| h.is_none_or(|h| (h as usize) < words.len()))
    );
    let spans = ner.tag(&words, &tags);
    assert!(spans.iter().any(|&(a, b, _)| a == 0 && b == 2), "{spans:?}");
    assert!(spans.iter().any(|&(a, b, _)| a == 6 && b == 7), "{spans:?}");
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    let pos = PosModel::load_embedded().unwrap();
    let parser = ParserModel::load_embedded().unwrap();
    let ner = NerModel::load_embedded().unwrap();
    assert!(pos.tag(&[]).is_empty());
    assert!(parser.parse(&[], &[]).is_empty());
    assert!(ner.tag(&[], &[]).is_empty());
    let odd = ["\u{0}", "🙂", "שלום", "", "ÉTATS-UNIS", "\u{202e}x"];
    let tags = pos.tag(&odd);
    // Tags shorter than words: the parser and the NER tagger fill in.
    assert_eq!(parser.parse(&odd, &tags[..2]).len(), odd.len());
    for (a, b, _) in ner.tag(&odd, &[]) {
        assert!(a < b && b <= odd.len());
    }
}

#[test]
fn training_a_small_slice_round_trips() {
    let Some(shared) = shared() else { return };
    let opts = TrainOptions::smoke();
    let t = train_models(&shared, &opts).expect("training runs");
    assert_eq!(t.report.gum_train_docs, 4);
    assert_eq!(PosModel::from_bytes(&t.pos.to_bytes()).unwrap(), t.pos);
    assert_eq!(
        ParserModel::from_bytes(&t.parser.to_bytes()).unwrap(),
        t.parser
    );
    assert_eq!(NerModel::from_bytes(&t.ner.to_bytes()).unwrap(), t.ner);
    let words = ["The", "minister", "said", "so", "."];
    assert_eq!(t.pos.tag(&words).len(), 5);
}

/// What `detente train` runs, on the smoke slice: three files that load.
#[test]
fn train_all_writes_three_loadable_files() {
    let Some(shared) = shared() else { return };
    let out = std::env::temp_dir().join(format!("detente-train-smoke-{}", std::process::id()));
    let report = train_all(&shared, &out, &TrainOptions::smoke()).expect("training runs");
    assert_eq!(report.files.len(), 3);
    let read = |name: &str| std::fs::read(out.join(name)).expect("model file written");
    let pos = PosModel::from_bytes(&read("pos.dtm")).unwrap();
    let parser = ParserModel::from_bytes(&read("parser.dtm")).unwrap();
    let ner = NerModel::from_bytes(&read("ner.dtm")).unwrap();
    let words = ["Lavrov", "met", "Kerry", "in", "Moscow", "."];
    let tags = pos.tag(&words);
    assert_eq!(parser.parse(&words, &tags).len(), words.len());
    assert!(
        ner.tag(&words, &tags)
            .iter()
            .all(|&(a, b, _)| a < b && b <= 6)
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn damaged_model_files_are_errors() {
    for (name, bytes) in [
        ("pos", detente_models::embedded::POS),
        ("parser", detente_models::embedded::PARSER),
        ("ner", detente_models::embedded::NER),
    ] {
        let truncated = &bytes[..bytes.len() / 2];
        let mut flipped = bytes.to_vec();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0xa5;
        for bad in [truncated, &flipped[..], &[][..], b"DTNTMDL\x01"] {
            let errs = [
                PosModel::from_bytes(bad).err().map(|e| e.to_string()),
                ParserModel::from_bytes(bad).err().map(|e| e.to_string()),
                NerModel::from_bytes(bad).err().map(|e| e.to_string()),
            ];
            assert!(errs.iter().all(Option::is_some), "{name}: {errs:?}");
        }
    }
    // A file of one kind is refused as another.
    let e = PosModel::from_bytes(detente_models::embedded::NER)
        .unwrap_err()
        .to_string();
    assert!(e.contains("pos"), "{e}");
    // A payload of one kind under another's header: the class count gives it away.
    use detente_models::io::{Kind, decode, encode};
    let ner_payload = decode(Kind::Ner, detente_models::embedded::NER).expect("ner decodes");
    let e = PosModel::from_bytes(&encode(Kind::Pos, &ner_payload))
        .unwrap_err()
        .to_string();
    assert!(e.contains("classes, the tag set has"), "{e}");
}
