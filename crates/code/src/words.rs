//! Closed word classes the coder reads structure from when no parse is
//! available: prepositions, determiners, clause boundaries, negators, modal
//! markers, speech verbs. All lowercase; membership is a slice scan over a
//! handful of entries, cheaper than hashing for lists this short.

/// Words whose following noun phrase is an oblique, never a subject.
pub const PREPOSITIONS: &[&str] = &[
    "to",
    "in",
    "with",
    "against",
    "on",
    "of",
    "for",
    "by",
    "from",
    "at",
    "than",
    "into",
    "over",
    "between",
    "about",
    "under",
    "towards",
    "toward",
    "through",
    "across",
    "among",
    "including",
    "like",
    "near",
    "upon",
    "without",
    "within",
    "during",
    "via",
    "amid",
    "despite",
    "onto",
    "beyond",
    "behind",
];

/// Words that may stand between a preposition and its noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "both", "many", "some", "all",
    "several", "other", "these", "those", "this", "that", "each", "every", "most", "few", "two",
    "three", "such",
];

/// Words that start a new clause: a source is never looked for across them.
pub const CLAUSE_BREAKS: &[&str] = &[
    ";", ":", "while", "whereas", "but", "although", "though", "because", "when", "whereby",
    "that", "if", "unless", "whether", "where", "as", "\"", "“", "”",
];

/// Relative pronouns: the clause they open takes the noun before them as subject.
pub const RELATIVES: &[&str] = &["who", "which", "whom"];

pub const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Verbs that, followed by "to", negate what follows ("failed to attend").
pub const NEGATING_VERBS: &[&str] = &[
    "failed", "fail", "fails", "refused", "refuses", "refuse", "declined", "declines",
];

/// Verbs that, followed by "to", make what follows a refusal ("refused to meet").
pub const REFUSING_VERBS: &[&str] = &[
    "refused", "refuse", "refuses", "refusing", "declined", "declines", "decline", "rejected",
    "refusal",
];

/// Nouns of intent whose owner acts in the infinitive after them
/// ("Germany's decision to send weapons").
pub const INTENT_NOUNS: &[&str] = &[
    "decision",
    "plan",
    "plans",
    "offer",
    "threat",
    "threats",
    "promise",
    "pledge",
    "proposal",
    "move",
    "bid",
    "attempt",
    "attempts",
    "effort",
    "efforts",
    "refusal",
    "call",
    "calls",
    "readiness",
    "willingness",
    "intention",
    "vow",
    "commitment",
];

/// Verbs whose content is a demand, not a fact: "demanded that X
/// withdraw", "urged Y to leave", "called for the release of Z".
pub const DEMAND_VERBS: &[&str] = &[
    "demand",
    "demanded",
    "demands",
    "demanding",
    "urge",
    "urged",
    "urges",
    "urging",
    "insist",
    "insisted",
    "insists",
    "ask",
    "asked",
    "asks",
    "asking",
    "press",
    "pressed",
    "presses",
    "pressing",
    "call",
    "called",
    "calls",
    "calling",
    "appeal",
    "appealed",
    "appeals",
    "request",
    "requested",
    "requests",
];

/// Nouns of a message, whose "-ing" participle is its sender's act:
/// "issued a declaration demanding ...".
pub const MESSAGE_NOUNS: &[&str] = &[
    "statement",
    "declaration",
    "letter",
    "resolution",
    "communique",
    "report",
    "message",
    "note",
    "memorandum",
    "petition",
    "appeal",
    "motion",
    "decree",
    "bill",
    "proposal",
];

/// Modals that, followed by "not", make what follows a refusal ("will not accept").
pub const REFUSING_MODALS: &[&str] = &["will", "would", "wo", "shall"];

/// Nouns that stand before a place's name ("the regional capital Juba",
/// "the town of Cizre"): between a verb and its object they do not count
/// towards the slot's reach.
pub const PLACE_NOUNS: &[&str] = &[
    "capital",
    "city",
    "town",
    "village",
    "villages",
    "province",
    "region",
    "enclave",
    "district",
    "port",
    "island",
    "state",
    "territory",
    "border",
    "area",
];

/// Nouns that take "of" before their real head ("a group of diplomats",
/// "thousands of Nigerians"): the phrase after "of" is no oblique.
pub const QUANTITY_NOUNS: &[&str] = &[
    "group",
    "groups",
    // "supporters of former President X" act on X's side.
    "supporters",
    "followers",
    "loyalists",
    "number",
    "members",
    "member",
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "third",
    "half",
    "majority",
    "delegation",
    "team",
    "band",
    "unit",
    "units",
    "contingent",
    "squad",
    "couple",
    "handful",
    "crowd",
    "crowds",
];

pub const FUTURE: &[&str] = &["will", "shall", "'ll", "wo"];
/// Words that, followed by "to", make what follows future ("plans to visit").
pub const FUTURE_TO: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "expected",
    "set",
    "going",
    "scheduled",
    "due",
    "aims",
    "aim",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "agreed",
    "agrees",
    "offered",
    "offers",
    "offer",
    "willing",
    "prepared",
    "ready",
    "threatened",
    "threatens",
    "threaten",
    "vow",
    "swore",
    "sworn",
    "swear",
    "committed",
    "determined",
    "seeking",
    "seeks",
    "sought",
    "threat",
    "threats",
    "pledge",
    "proposal",
    "intention",
    "readiness",
    "willingness",
    "commitment",
];
pub const POSSIBLE: &[&str] = &[
    "may", "might", "could", "can", "possibly", "perhaps", "likely", "unlikely",
];
pub const HYPOTHETICAL: &[&str] = &["would", "should", "if", "unless", "'d"];

pub const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "'s",
];

/// Verbs that introduce reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "noted",
    "notes",
    "stated",
    "states",
    "added",
    "adds",
    "adding",
    "noting",
    "announced",
    "announces",
    "claimed",
    "claims",
    "stressed",
    "stresses",
    "insisted",
    "insists",
    "warned",
    "warns",
    "argued",
    "argues",
    "explained",
    "explains",
    "reported",
    "reports",
    "declared",
    "declares",
    "asserted",
    "asserts",
    "emphasized",
    "emphasised",
    "pointed",
    "wrote",
    "writes",
    "believes",
    "believed",
    "thinks",
    "thought",
    "acknowledged",
    "acknowledges",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "cautioned",
    "confirmed",
    "confirms",
    "urged",
    "urges",
    "recalled",
    "replied",
    "answered",
    "remarked",
    "commented",
];

/// Third-person pronouns resolved to the last person named.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];

pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether a lowercased token is punctuation only.
pub fn is_punct(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

/// The token with a possessive ending, or the possessive token itself.
pub fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’") || word.ends_with("'s") || word.ends_with("’s")
}
