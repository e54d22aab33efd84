//! Any text in any field keeps every row in shape: the column counts of
//! GDELT rows and the item shapes of GKG lists survive tabs, line breaks
//! and the lists' own delimiters.

mod common;

use detente_export::gdelt;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn rows_keep_their_columns(text in "([a-z]{1,5}|\t|\n|;|#|,|\\||“|ü| ){0,30}") {
        let (mut a, mut g) = common::analysis();
        a.article.title = Some(text.clone());
        a.article.publisher = Some(text.clone());
        a.events[0].source.text = text.clone();
        a.events[0].location = Some(text.clone());
        a.quotes[0].text = text.clone();
        a.quotes[0].cue = Some(text.clone());
        g.persons[0].name = text.clone();
        g.locations[0].name = text.clone();
        g.counts[0].object = text.clone();
        let ctx = common::context();
        let row = gdelt::event_row(&a, &a.events[0], 1, &ctx, gdelt::Tally::default());
        prop_assert_eq!(row.len(), 61);
        prop_assert!(row.iter().all(|f| !f.contains(['\t', '\n'])));
        let row = gdelt::mention_row(&a, &a.events[0], 1, &ctx);
        prop_assert_eq!(row.len(), 16);
        let row = gdelt::gkg_row(&a, &g, &ctx);
        prop_assert_eq!(row.len(), 27);
        prop_assert!(row.iter().all(|f| !f.contains(['\t', '\n'])));
        for item in row[10].split(';').filter(|i| !i.is_empty()) {
            prop_assert_eq!(item.split('#').count(), 9);
        }
        for q in row[22].split('#').filter(|q| !q.is_empty()) {
            prop_assert_eq!(q.split('|').count(), 4);
        }
    }
}
