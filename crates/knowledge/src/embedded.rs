//! The project's own data files, compiled into the binary.

macro_rules! data {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $path))
    };
}

/// The embedded text of one of [`crate::FILES`].
pub(crate) fn text(name: &str) -> &'static str {
    match name {
        "cameo/events.tsv" => data!("cameo/events.tsv"),
        "cameo/actor-types.tsv" => data!("cameo/actor-types.tsv"),
        "actors/countries.txt" => data!("actors/countries.txt"),
        "actors/organizations.txt" => data!("actors/organizations.txt"),
        "actors/people.txt" => data!("actors/people.txt"),
        "actors/agents.txt" => data!("actors/agents.txt"),
        _ => "",
    }
}
