//! Character references: `&amp;`, `&#8217;`, `&#x2019;`, `&rsquo;`.
//!
//! The table is the part of HTML5's named references that news pages use:
//! the Latin-1 block, the HTML 4 symbols and Greek letters, the letters of
//! Central European languages and common typography. A name not in it stays
//! literal, as does any reference HTML5 would not decode. The Latin-1 names
//! (and `amp`, `lt`, `gt`, `quot` and a few uppercase forms) also work
//! without their `;`, as HTML5 allows for pages written before it.

/// The names of U+00A0..=U+00FF, in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", // A0
    "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr", // A8
    "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", // B0
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", // B8
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", // C0
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", // C8
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", // D0
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", // D8
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", // E0
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", // E8
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", // F0
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml", // F8
];

/// Capital Greek letters from U+0391; U+03A2 has no letter.
const GREEK_UPPER: [&str; 25] = [
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
    "Chi", "Psi", "Omega",
];

/// Small Greek letters from U+03B1 (U+03C2 is the final sigma).
const GREEK_LOWER: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega",
];

/// Every other name, with its code point.
const OTHER: &[(&str, u32)] = &[
    // ASCII
    ("quot", 0x22),
    ("amp", 0x26),
    ("apos", 0x27),
    ("lt", 0x3C),
    ("gt", 0x3E),
    ("QUOT", 0x22),
    ("AMP", 0x26),
    ("LT", 0x3C),
    ("GT", 0x3E),
    ("COPY", 0xA9),
    ("REG", 0xAE),
    ("Tab", 0x09),
    ("NewLine", 0x0A),
    ("excl", 0x21),
    ("num", 0x23),
    ("dollar", 0x24),
    ("percnt", 0x25),
    ("lpar", 0x28),
    ("rpar", 0x29),
    ("ast", 0x2A),
    ("plus", 0x2B),
    ("comma", 0x2C),
    ("period", 0x2E),
    ("sol", 0x2F),
    ("colon", 0x3A),
    ("semi", 0x3B),
    ("equals", 0x3D),
    ("quest", 0x3F),
    ("commat", 0x40),
    ("lsqb", 0x5B),
    ("lbrack", 0x5B),
    ("bsol", 0x5C),
    ("rsqb", 0x5D),
    ("rbrack", 0x5D),
    ("Hat", 0x5E),
    ("lowbar", 0x5F),
    ("grave", 0x60),
    ("lcub", 0x7B),
    ("lbrace", 0x7B),
    ("verbar", 0x7C),
    ("vert", 0x7C),
    ("rcub", 0x7D),
    ("rbrace", 0x7D),
    // Latin-1 aliases
    ("half", 0xBD),
    ("pm", 0xB1),
    ("div", 0xF7),
    ("centerdot", 0xB7),
    ("die", 0xA8),
    ("Dot", 0xA8),
    ("circledR", 0xAE),
    // Latin Extended-A: Central European, Baltic and Turkish letters
    ("Amacr", 0x100),
    ("amacr", 0x101),
    ("Abreve", 0x102),
    ("abreve", 0x103),
    ("Aogon", 0x104),
    ("aogon", 0x105),
    ("Cacute", 0x106),
    ("cacute", 0x107),
    ("Ccaron", 0x10C),
    ("ccaron", 0x10D),
    ("Dcaron", 0x10E),
    ("dcaron", 0x10F),
    ("Dstrok", 0x110),
    ("dstrok", 0x111),
    ("Emacr", 0x112),
    ("emacr", 0x113),
    ("Eogon", 0x118),
    ("eogon", 0x119),
    ("Ecaron", 0x11A),
    ("ecaron", 0x11B),
    ("Gbreve", 0x11E),
    ("gbreve", 0x11F),
    ("Imacr", 0x12A),
    ("imacr", 0x12B),
    ("Idot", 0x130),
    ("imath", 0x131),
    ("inodot", 0x131),
    ("Lacute", 0x139),
    ("lacute", 0x13A),
    ("Lstrok", 0x141),
    ("lstrok", 0x142),
    ("Nacute", 0x143),
    ("nacute", 0x144),
    ("Ncaron", 0x147),
    ("ncaron", 0x148),
    ("Omacr", 0x14C),
    ("omacr", 0x14D),
    ("Odblac", 0x150),
    ("odblac", 0x151),
    ("OElig", 0x152),
    ("oelig", 0x153),
    ("Racute", 0x154),
    ("racute", 0x155),
    ("Rcaron", 0x158),
    ("rcaron", 0x159),
    ("Sacute", 0x15A),
    ("sacute", 0x15B),
    ("Scedil", 0x15E),
    ("scedil", 0x15F),
    ("Scaron", 0x160),
    ("scaron", 0x161),
    ("Tcedil", 0x162),
    ("tcedil", 0x163),
    ("Tcaron", 0x164),
    ("tcaron", 0x165),
    ("Umacr", 0x16A),
    ("umacr", 0x16B),
    ("Uring", 0x16E),
    ("uring", 0x16F),
    ("Udblac", 0x170),
    ("udblac", 0x171),
    ("Yuml", 0x178),
    ("Zacute", 0x179),
    ("zacute", 0x17A),
    ("Zdot", 0x17B),
    ("zdot", 0x17C),
    ("Zcaron", 0x17D),
    ("zcaron", 0x17E),
    ("fnof", 0x192),
    ("circ", 0x2C6),
    ("caron", 0x2C7),
    ("breve", 0x2D8),
    ("tilde", 0x2DC),
    // Greek symbols
    ("thetasym", 0x3D1),
    ("upsih", 0x3D2),
    ("piv", 0x3D6),
    // General punctuation
    ("ensp", 0x2002),
    ("emsp", 0x2003),
    ("emsp13", 0x2004),
    ("emsp14", 0x2005),
    ("numsp", 0x2007),
    ("puncsp", 0x2008),
    ("thinsp", 0x2009),
    ("hairsp", 0x200A),
    ("ZeroWidthSpace", 0x200B),
    ("zwnj", 0x200C),
    ("zwj", 0x200D),
    ("lrm", 0x200E),
    ("rlm", 0x200F),
    ("hyphen", 0x2010),
    ("dash", 0x2010),
    ("ndash", 0x2013),
    ("mdash", 0x2014),
    ("horbar", 0x2015),
    ("Verbar", 0x2016),
    ("lsquo", 0x2018),
    ("rsquo", 0x2019),
    ("rsquor", 0x2019),
    ("sbquo", 0x201A),
    ("lsquor", 0x201A),
    ("ldquo", 0x201C),
    ("rdquo", 0x201D),
    ("rdquor", 0x201D),
    ("bdquo", 0x201E),
    ("ldquor", 0x201E),
    ("dagger", 0x2020),
    ("Dagger", 0x2021),
    ("ddagger", 0x2021),
    ("bull", 0x2022),
    ("bullet", 0x2022),
    ("nldr", 0x2025),
    ("hellip", 0x2026),
    ("mldr", 0x2026),
    ("permil", 0x2030),
    ("prime", 0x2032),
    ("Prime", 0x2033),
    ("lsaquo", 0x2039),
    ("rsaquo", 0x203A),
    ("oline", 0x203E),
    ("caret", 0x2041),
    ("frasl", 0x2044),
    ("MediumSpace", 0x205F),
    ("NoBreak", 0x2060),
    ("euro", 0x20AC),
    // Letter-like symbols, fractions
    ("image", 0x2111),
    ("weierp", 0x2118),
    ("real", 0x211C),
    ("trade", 0x2122),
    ("TRADE", 0x2122),
    ("copysr", 0x2117),
    ("alefsym", 0x2135),
    ("frac13", 0x2153),
    ("frac23", 0x2154),
    ("frac15", 0x2155),
    ("frac25", 0x2156),
    ("frac35", 0x2157),
    ("frac45", 0x2158),
    ("frac16", 0x2159),
    ("frac56", 0x215A),
    ("frac18", 0x215B),
    ("frac38", 0x215C),
    ("frac58", 0x215D),
    ("frac78", 0x215E),
    // Arrows
    ("larr", 0x2190),
    ("uarr", 0x2191),
    ("rarr", 0x2192),
    ("darr", 0x2193),
    ("harr", 0x2194),
    ("crarr", 0x21B5),
    ("lArr", 0x21D0),
    ("uArr", 0x21D1),
    ("rArr", 0x21D2),
    ("dArr", 0x21D3),
    ("hArr", 0x21D4),
    // Mathematical operators
    ("forall", 0x2200),
    ("part", 0x2202),
    ("exist", 0x2203),
    ("empty", 0x2205),
    ("nabla", 0x2207),
    ("isin", 0x2208),
    ("notin", 0x2209),
    ("ni", 0x220B),
    ("prod", 0x220F),
    ("sum", 0x2211),
    ("minus", 0x2212),
    ("mnplus", 0x2213),
    ("lowast", 0x2217),
    ("radic", 0x221A),
    ("prop", 0x221D),
    ("infin", 0x221E),
    ("ang", 0x2220),
    ("and", 0x2227),
    ("or", 0x2228),
    ("cap", 0x2229),
    ("cup", 0x222A),
    ("int", 0x222B),
    ("there4", 0x2234),
    ("sim", 0x223C),
    ("cong", 0x2245),
    ("asymp", 0x2248),
    ("ne", 0x2260),
    ("equiv", 0x2261),
    ("le", 0x2264),
    ("leq", 0x2264),
    ("ge", 0x2265),
    ("geq", 0x2265),
    ("sub", 0x2282),
    ("sup", 0x2283),
    ("nsub", 0x2284),
    ("sube", 0x2286),
    ("supe", 0x2287),
    ("oplus", 0x2295),
    ("otimes", 0x2297),
    ("perp", 0x22A5),
    ("sdot", 0x22C5),
    ("lceil", 0x2308),
    ("rceil", 0x2309),
    ("lfloor", 0x230A),
    ("rfloor", 0x230B),
    ("lang", 0x27E8),
    ("rang", 0x27E9),
    // Shapes and signs
    ("squ", 0x25A1),
    ("square", 0x25A1),
    ("squf", 0x25AA),
    ("utrif", 0x25B4),
    ("utri", 0x25B5),
    ("rtrif", 0x25B8),
    ("rtri", 0x25B9),
    ("dtrif", 0x25BE),
    ("dtri", 0x25BF),
    ("ltrif", 0x25C2),
    ("ltri", 0x25C3),
    ("loz", 0x25CA),
    ("cir", 0x25CB),
    ("starf", 0x2605),
    ("star", 0x2606),
    ("phone", 0x260E),
    ("female", 0x2640),
    ("male", 0x2642),
    ("spades", 0x2660),
    ("clubs", 0x2663),
    ("hearts", 0x2665),
    ("diams", 0x2666),
    ("flat", 0x266D),
    ("natural", 0x266E),
    ("sharp", 0x266F),
    ("check", 0x2713),
    ("cross", 0x2717),
];

/// Code points HTML5 reads `&#128;`..`&#159;` as: windows-1252, which
/// pages labelled Latin-1 were really written in. Zero: kept as is.
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, // 88
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178, // 98
];

/// The longest name in the tables.
const LONGEST: usize = 14;

/// The character a name (without `&` and `;`) stands for.
pub fn named(name: &[u8]) -> Option<char> {
    let at = |list: &[&str], base: u32| {
        list.iter()
            .position(|n| n.as_bytes() == name)
            .and_then(|i| char::from_u32(base + i as u32))
    };
    at(&LATIN1, 0xA0)
        .or_else(|| at(&GREEK_UPPER, 0x391).filter(|_| !name.is_empty()))
        .or_else(|| at(&GREEK_LOWER, 0x3B1))
        .or_else(|| {
            OTHER
                .iter()
                .find(|(n, _)| n.as_bytes() == name)
                .and_then(|&(_, c)| char::from_u32(c))
        })
}

/// The character of a name that HTML5 decodes even without its `;`.
fn legacy(name: &[u8]) -> Option<char> {
    match name {
        b"amp" | b"AMP" => Some('&'),
        b"lt" | b"LT" => Some('<'),
        b"gt" | b"GT" => Some('>'),
        b"quot" | b"QUOT" => Some('"'),
        b"COPY" => Some('\u{A9}'),
        b"REG" => Some('\u{AE}'),
        _ => LATIN1
            .iter()
            .position(|n| n.as_bytes() == name)
            .and_then(|i| char::from_u32(0xA0 + i as u32)),
    }
}

/// The character of the numeric reference value `n`, as HTML5 maps it.
fn numeric(n: u32) -> char {
    match n {
        0 => '\u{FFFD}',
        0x80..=0x9F => match WINDOWS_1252[(n - 0x80) as usize] {
            0 => char::from_u32(n).unwrap_or('\u{FFFD}'),
            c => char::from_u32(c).unwrap_or('\u{FFFD}'),
        },
        // Surrogates and values past Unicode are not characters.
        _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

/// Where a reference is read: attribute values keep `&copy=` literal (it is
/// most likely a URL parameter), text does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Text,
    Attribute,
    /// The content of raw-text elements (`<script>`, `<noscript>`): no
    /// references, only line ends normalized.
    Raw,
}

/// Read the reference at the start of `s` (just after its `&`): the
/// character and the bytes it took, or `None` when it stays literal.
pub fn reference(s: &[u8], ctx: Context) -> Option<(char, usize)> {
    match s.first()? {
        b'#' => numeric_reference(s),
        c if c.is_ascii_alphanumeric() => named_reference(s, ctx),
        _ => None,
    }
}

/// `#123;` or `#x1F600;` (the `;` may be left out).
fn numeric_reference(s: &[u8]) -> Option<(char, usize)> {
    let hex = matches!(s.get(1), Some(b'x' | b'X'));
    let start = if hex { 2 } else { 1 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(d) = s.get(end).and_then(|&c| (c as char).to_digit(radix)) {
        // Saturate: any value past Unicode maps to U+FFFD anyway.
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    if s.get(end) == Some(&b';') {
        end += 1;
    }
    Some((numeric(value), end))
}

/// `amp;`, `rsquo;`, or a legacy name without `;` (`copy`, `eacute`).
fn named_reference(s: &[u8], ctx: Context) -> Option<(char, usize)> {
    let len = s
        .iter()
        .take(LONGEST + 1)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if s.get(len) == Some(&b';')
        && let Some(c) = named(&s[..len])
    {
        return Some((c, len + 1));
    }
    // The longest legacy name the text starts with ("&notit" is "¬it").
    let (n, c) = (2..=len.min(6))
        .rev()
        .find_map(|n| legacy(&s[..n]).map(|c| (n, c)))?;
    let next = s.get(n).copied().unwrap_or(b' ');
    if ctx == Context::Attribute && (next.is_ascii_alphanumeric() || next == b'=') {
        return None;
    }
    Some((c, n))
}

/// Append `s` to `out` with its character references decoded, NULs
/// dropped (text) or replaced (attributes), and `\r\n` and `\r` made `\n`,
/// as HTML5 does.
pub fn decode_into(out: &mut String, s: &str, ctx: Context) {
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = find_special(&b[i..], ctx) {
        let at = i + off;
        out.push_str(&s[copied..at]);
        i = at + 1;
        copied = i;
        match b[at] {
            b'\r' => {
                if b.get(at + 1) != Some(&b'\n') {
                    out.push('\n');
                }
            }
            0 => {
                if ctx != Context::Text {
                    out.push('\u{FFFD}');
                }
            }
            _ => match reference(&b[at + 1..], ctx) {
                Some((c, len)) => {
                    out.push(c);
                    i = at + 1 + len;
                    copied = i;
                }
                None => copied = at,
            },
        }
    }
    out.push_str(&s[copied..]);
}

/// The first byte [`decode_into`] has to change.
fn find_special(s: &[u8], ctx: Context) -> Option<usize> {
    if ctx == Context::Raw {
        memchr::memchr2(b'\r', 0, s)
    } else {
        memchr::memchr3(b'&', b'\r', 0, s)
    }
}

/// Whether `s` needs [`decode_into`].
pub fn needs_decoding(s: &[u8], ctx: Context) -> bool {
    find_special(s, ctx).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        decode_into(&mut out, s, Context::Text);
        out
    }

    fn attr(s: &str) -> String {
        let mut out = String::new();
        decode_into(&mut out, s, Context::Attribute);
        out
    }

    #[test]
    fn named_references() {
        assert_eq!(
            text("a &amp; b &lt;c&gt; &quot;d&quot; &apos;"),
            "a & b <c> \"d\" '"
        );
        assert_eq!(
            text("&nbsp;&copy;&reg;&eacute;&Eacute;&yuml;&szlig;"),
            "\u{a0}©®éÉÿß"
        );
        assert_eq!(
            text("&hellip;&mdash;&ndash;&lsquo;&rsquo;&sbquo;&ldquo;&rdquo;&bdquo;"),
            "…—–‘’‚“”„"
        );
        assert_eq!(
            text("&laquo;&raquo;&lsaquo;&rsaquo;&bull;&middot;"),
            "«»‹›•·"
        );
        assert_eq!(
            text("&prime;&Prime;&dagger;&Dagger;&permil;&euro;&trade;"),
            "′″†‡‰€™"
        );
        assert_eq!(
            text("&thinsp;&ensp;&emsp;&zwnj;&zwj;&lrm;&rlm;&shy;"),
            "\u{2009}\u{2002}\u{2003}\u{200c}\u{200d}\u{200e}\u{200f}\u{ad}"
        );
        assert_eq!(
            text("&Alpha;&Omega;&alpha;&sigmaf;&sigma;&omega;&Sigma;"),
            "ΑΩαςσωΣ"
        );
        assert_eq!(
            text("&minus;&times;&divide;&larr;&rarr;&uarr;&darr;&harr;"),
            "−×÷←→↑↓↔"
        );
        assert_eq!(text("&le;&ge;&ne;&infin;&deg;"), "≤≥≠∞°");
        assert_eq!(
            text("&OElig;&oelig;&Scaron;&scaron;&Yuml;&fnof;&circ;&tilde;"),
            "ŒœŠšŸƒˆ˜"
        );
        assert_eq!(text("&ccaron;&lstrok;&zdot;&Ccedil;"), "čłżÇ");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(text("a &amp b &copy 2024 &eacutex"), "a & b © 2024 éx");
        assert_eq!(text("&notit; &notin;"), "¬it; ∉");
        // Only legacy names work without `;`.
        assert_eq!(text("&hellip &mdash"), "&hellip &mdash");
        // In attributes, a legacy name running into letters or '=' stays.
        assert_eq!(attr("?a=1&copy=2&amp;b&ampc"), "?a=1&copy=2&b&ampc");
        assert_eq!(attr("x &amp y"), "x & y");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#123;&#x1F600;&#X41;&#65"), "{😀AA");
        assert_eq!(text("&#150;&#x93;&#x94;&#128;&#x81;"), "–“”€\u{81}");
        assert_eq!(
            text("&#0;&#xFFFFFFFF;&#55296;&#99999999999999999999;"),
            "\u{fffd}".repeat(4)
        );
        assert_eq!(text("&#;&#x;&#xZ &# x"), "&#;&#x;&#xZ &# x");
    }

    #[test]
    fn unknown_and_broken_stay_literal() {
        assert_eq!(text("AT&T &foo; & ; &;"), "AT&T &foo; & ; &;");
        assert_eq!(text("&"), "&");
        assert_eq!(text("x&"), "x&");
        assert_eq!(text("a\0b"), "ab");
        assert_eq!(attr("a\0b"), "a\u{fffd}b");
    }

    #[test]
    fn line_ends_normalized() {
        assert_eq!(text("a\r\nb\rc\n\r"), "a\nb\nc\n\n");
        assert_eq!(attr("x\r\ny"), "x\ny");
        let mut raw = String::new();
        decode_into(&mut raw, "&amp;\r\n\0", Context::Raw);
        assert_eq!(raw, "&amp;\n\u{fffd}");
    }

    #[test]
    fn table_has_no_duplicates_or_overlong_names() {
        let mut all: Vec<&str> = LATIN1
            .iter()
            .chain(&GREEK_UPPER)
            .chain(&GREEK_LOWER)
            .copied()
            .filter(|n| !n.is_empty())
            .chain(OTHER.iter().map(|(n, _)| *n))
            .collect();
        assert!(all.iter().all(|n| n.len() <= LONGEST));
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
