//! A small rule-based English lemmatiser for nouns and verbs.
//!
//! The code stage keys its verb patterns on lemmas ("visited" → "visit",
//! "imposed" → "impose", "sanctions" → "sanction"), so the lemma of a
//! verb or common noun matters and that of other words does not. Policy:
//! [`crate::RuleAnalyzer`] fills `Token::lemma` for tokens tagged as a verb
//! (VB*) or common noun (NN, NNS), always (even where it equals the
//! lowercased word, so readers need no fallback), and leaves it `None`
//! for everything else; that is one small allocation per content word.
//!
//! An irregular table comes first; then suffix rules: `-ies` → `-y`,
//! `-ches/-shes/-sses/-xes/-zzes/-oes` lose `-es`, other `-s` (not `-ss`,
//! `-us`, `-is`) is dropped; `-ied` → `-y`; `-ed`/`-ing` are dropped, a
//! doubled final consonant is undoubled ("planned" → "plan") and a
//! silent `e` restored where English spelling needs it ("imposed" →
//! "impose", "changing" → "change", "agreed" → "agree").

use std::collections::HashMap;
use std::sync::LazyLock;

/// Irregular forms, lowercase, and their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("is", "be"),
    ("are", "be"),
    ("am", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("being", "be"),
    ("'s", "be"),
    ("'re", "be"),
    ("'m", "be"),
    ("has", "have"),
    ("had", "have"),
    ("having", "have"),
    ("'ve", "have"),
    ("does", "do"),
    ("did", "do"),
    ("done", "do"),
    ("n't", "not"),
    ("said", "say"),
    ("says", "say"),
    ("went", "go"),
    ("gone", "go"),
    ("goes", "go"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("met", "meet"),
    ("held", "hold"),
    ("told", "tell"),
    ("sent", "send"),
    ("left", "leave"),
    ("came", "come"),
    ("saw", "see"),
    ("seen", "see"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("fought", "fight"),
    ("brought", "bring"),
    ("thought", "think"),
    ("sought", "seek"),
    ("won", "win"),
    ("lost", "lose"),
    ("led", "lead"),
    ("struck", "strike"),
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("felt", "feel"),
    ("found", "find"),
    ("got", "get"),
    ("gotten", "get"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sold", "sell"),
    ("shot", "shoot"),
    ("stood", "stand"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("wrote", "write"),
    ("written", "write"),
    ("built", "build"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("dealt", "deal"),
    ("meant", "mean"),
    ("became", "become"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("shook", "shake"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("arose", "arise"),
    ("fled", "flee"),
    ("fed", "feed"),
    ("hung", "hang"),
    ("laid", "lay"),
    ("lent", "lend"),
    ("spent", "spend"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taught", "teach"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("understood", "understand"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("upheld", "uphold"),
    ("withheld", "withhold"),
    ("overcame", "overcome"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("bound", "bind"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sped", "speed"),
    ("woke", "wake"),
    ("stuck", "stick"),
    ("hit", "hit"),
    ("cut", "cut"),
    ("put", "put"),
    ("set", "set"),
    ("let", "let"),
    ("quit", "quit"),
    ("hurt", "hurt"),
    ("spread", "spread"),
    ("cost", "cost"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("news", "news"),
    ("series", "series"),
    ("species", "species"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leave"),
    ("thieves", "thief"),
    ("halves", "half"),
    ("police", "police"),
    ("politics", "politics"),
    ("economics", "economics"),
    ("talks", "talk"),
    ("relations", "relation"),
    ("visited", "visit"),
    ("united", "unite"),
    ("invited", "invite"),
    ("cited", "cite"),
    ("excited", "excite"),
    ("incited", "incite"),
    ("focused", "focus"),
    ("biased", "bias"),
    ("focusing", "focus"),
    ("controlled", "control"),
    ("controlling", "control"),
    ("patrolled", "patrol"),
    ("compelled", "compel"),
    ("expelled", "expel"),
    ("propelled", "propel"),
    ("repelled", "repel"),
    ("belonged", "belong"),
    ("belonging", "belong"),
    ("created", "create"),
    ("creating", "create"),
];

static IRREGULAR_INDEX: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| IRREGULAR.iter().copied().collect());

/// The lemma of `lower` (a lowercased word), for a noun when `verb` is false.
pub fn lemmatize(lower: &str, verb: bool, out: &mut String) {
    out.clear();
    if let Some(l) = IRREGULAR_INDEX.get(lower) {
        out.push_str(l);
        return;
    }
    if !lower.is_ascii() || lower.len() < 4 {
        out.push_str(lower);
        return;
    }
    if let Some(stem) = plural_stem(lower) {
        out.push_str(stem.0);
        out.push_str(stem.1);
    } else if verb && let Some(stem) = lower.strip_suffix("ied") {
        out.push_str(stem);
        out.push('y');
    } else if verb
        && let Some(stem) = lower
            .strip_suffix("ed")
            .or_else(|| lower.strip_suffix("ing"))
    {
        restore_stem(stem, out);
    } else {
        out.push_str(lower);
    }
}

/// `-s` forms: the stem and what to append to it.
fn plural_stem(w: &str) -> Option<(&str, &'static str)> {
    if let Some(s) = w.strip_suffix("ies") {
        return Some(if s.len() <= 1 {
            (&w[..w.len() - 1], "")
        } else {
            (s, "y")
        });
    }
    for es in ["ches", "shes", "sses", "xes", "zzes", "oes"] {
        if w.ends_with(es) {
            return Some((&w[..w.len() - 2], ""));
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Some((&w[..w.len() - 1], ""));
    }
    None
}

/// Rebuilds a verb stem after `-ed`/`-ing` was cut off.
fn restore_stem(stem: &str, out: &mut String) {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 || !b.iter().any(|&c| is_vowel(c) || c == b'y') {
        // "sing", "bed", "red": not a suffix at all.
        out.push_str(stem);
        out.push_str(if n < 2 { "ed" } else { "" });
        return;
    }
    let (last, prev) = (b[n - 1], b[n - 2]);
    if last == prev && !is_vowel(last) && !matches!(last, b'l' | b's' | b'z' | b'f') {
        out.push_str(&stem[..n - 1]); // planned → plan
        return;
    }
    out.push_str(stem);
    if needs_e(b) {
        out.push('e');
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a stem lost a silent final `e` ("impos" → "impose").
fn needs_e(b: &[u8]) -> bool {
    let n = b.len();
    let (last, prev) = (b[n - 1], b[n - 2]);
    let before = if n >= 3 { b[n - 3] } else { b' ' };
    match last {
        b'e' => true,                                             // agre(ed) → agree
        b'v' | b'z' | b'u' => true,                               // moved, criticized, argued
        b'c' => matches!(prev, b'n' | b'r' | b'u' | b'i' | b'a'), // announced, forced, reduced
        b'g' => prev == b'd' || prev == b'r' || (prev == b'n' && matches!(before, b'a' | b'e')), // pledged, urged, changed
        b's' => is_vowel(prev) || prev == b'p' || prev == b'r' || prev == b'l' || prev == b'n', // imposed, raised, collapsed
        b't' => {
            prev == b'a' && !matches!(before, b'e' | b'o' | b'a')
                || (matches!(prev, b'u' | b'o') && !is_vowel(before))
        } // created, executed, voted
        b'd' => prev == b'i' && !is_vowel(before) || prev == b'u' && !is_vowel(before), // decided, concluded
        b'r' => matches!(prev, b'i' | b'u' | b'o' | b'a') && !is_vowel(before), // retired, secured, declared
        b'k' => is_vowel(prev) && !is_vowel(before) && prev != b'e',            // invoked, liked
        b'm' | b'n' | b'p' | b'b' => is_vowel(prev) && !is_vowel(before) && n <= 4 && prev != b'e', // came? hoped, named
        b'l' => {
            prev == b'b'
                || prev == b'k'
                || prev == b'g'
                || prev == b't' && before != b'l' && before != b'u'
                || prev == b'p' && before != b'p'
        } // enabled, tackled
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verb(w: &str) -> String {
        let mut s = String::new();
        lemmatize(w, true, &mut s);
        s
    }

    fn noun(w: &str) -> String {
        let mut s = String::new();
        lemmatize(w, false, &mut s);
        s
    }

    #[test]
    fn verbs() {
        let mut bad = Vec::new();
        for (w, l) in [
            ("visited", "visit"),
            ("imposed", "impose"),
            ("talks", "talk"),
            ("extended", "extend"),
            ("said", "say"),
            ("planned", "plan"),
            ("agreed", "agree"),
            ("criticized", "criticize"),
            ("announced", "announce"),
            ("changed", "change"),
            ("urged", "urge"),
            ("tried", "try"),
            ("killed", "kill"),
            ("passed", "pass"),
            ("created", "create"),
            ("voted", "vote"),
            ("decided", "decide"),
            ("declared", "declare"),
            ("invoked", "invoke"),
            ("making", "make"),
            ("visiting", "visit"),
            ("arrived", "arrive"),
            ("attacked", "attack"),
            ("accused", "accuse"),
            ("caused", "cause"),
            ("raised", "raise"),
            ("promised", "promise"),
            ("pushes", "push"),
            ("meets", "meet"),
            ("issued", "issue"),
            ("dealt", "deal"),
            ("inflicted", "inflict"),
            ("started", "start"),
            ("normalize", "normalize"),
            ("showed", "show"),
            ("plummeted", "plummet"),
            ("enabled", "enable"),
            ("hoped", "hope"),
            ("looked", "look"),
            ("signed", "sign"),
            ("condemned", "condemn"),
            ("threatened", "threaten"),
            ("rejected", "reject"),
        ] {
            if verb(w) != l {
                bad.push((w, verb(w)));
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn nouns() {
        for (w, l) in [
            ("sanctions", "sanction"),
            ("countries", "country"),
            ("crises", "crisis"),
            ("ties", "tie"),
            ("process", "process"),
            ("relations", "relation"),
            ("steps", "step"),
            ("churches", "church"),
            ("meeting", "meeting"),
            ("virus", "virus"),
        ] {
            assert_eq!(noun(w), l, "{w}");
        }
    }
}
