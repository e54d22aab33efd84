//! Bytes to text: which encoding a page is in, and whether it is text at all.
//!
//! The order follows the HTML standard's idea of confidence: a byte order mark
//! is certain, then the charset the transport (HTTP) declares, then a
//! `<meta charset>` / `http-equiv` / XML declaration in the first bytes, then
//! valid UTF-8, and only then a guess: chardetng (the detector Firefox uses,
//! by the encoding_rs author) over the bytes, checked by our own measure of
//! how much the result reads like text of that script; when the check fails,
//! the legacy encoding under which the bytes read best (windows-1251, GBK,
//! Shift_JIS, windows-1252). A page
//! that *declares* UTF-8 but is not valid UTF-8 is an error, not a guess: the
//! declaration is wrong and any guess could silently garble the text.

use encoding_rs::{
    Encoding, GBK, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252,
};

use crate::error::SourceErrorKind;

/// How far into a page to look for a meta charset (the HTML standard says 1024;
/// real pages put long `<head>`s first, so look further).
const PRESCAN: usize = 4096;

/// Decode `bytes` to UTF-8; `declared` is a transport-level charset label.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, SourceErrorKind> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom..], "byte order mark");
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return strict(enc, bytes, "NUL-byte pattern");
    }
    check_binary(bytes)?;
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| prescan(bytes));
    match declared {
        Some(enc) => strict(enc, bytes, "declared charset"),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            // Evidently UTF-8 with a few corrupt bytes: any legacy reading
            // would garble every accented letter ("cafÃ©").
            Err(e) if mostly_utf8(bytes) => Err(SourceErrorKind::Encoding(format!(
                "invalid UTF-8 at byte {}",
                e.valid_up_to()
            ))),
            Err(e) => detect(bytes).or_else(|| guess(bytes)).ok_or_else(|| {
                SourceErrorKind::Encoding(format!(
                    "invalid UTF-8 at byte {} and no legacy encoding fits",
                    e.valid_up_to()
                ))
            }),
        },
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 in the main: more
/// valid multi-byte sequences than invalid ones. Legacy text (windows-1252,
/// GBK...) almost never forms a valid multi-byte sequence by chance, and
/// a few such accidents are outnumbered by its invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multi > invalid
}

/// Decode with `enc`, failing on malformed bytes (UTF-8 and UTF-16 only;
/// single-byte encodings map every byte).
fn strict(enc: &'static Encoding, bytes: &[u8], why: &str) -> Result<String, SourceErrorKind> {
    // A page declaring UTF-16 in a meta tag is ASCII-compatible by construction,
    // so the declaration is wrong; the standard says to read it as UTF-8.
    let enc = if (enc == UTF_16LE || enc == UTF_16BE) && why == "declared charset" {
        UTF_8
    } else {
        enc
    };
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => {
            let at = if enc == UTF_8 {
                std::str::from_utf8(bytes)
                    .err()
                    .map(|e| format!(" at byte {}", e.valid_up_to()))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            Err(SourceErrorKind::Encoding(format!(
                "invalid {} ({why}){at}",
                enc.name()
            )))
        }
    }
}

/// Text in UTF-16 without a BOM shows NULs in every other byte of its ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Known binary file signatures, and NUL bytes, which text never contains.
fn check_binary(bytes: &[u8]) -> Result<(), SourceErrorKind> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x1f\x8b", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ", "xz data"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x01\x00", "icon"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(SourceErrorKind::Binary(what.to_string()));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(SourceErrorKind::Binary(format!("NUL byte at offset {at}")));
    }
    Ok(())
}

/// A charset named in the first bytes: `<meta charset=..>`, `http-equiv`
/// content `...; charset=..`, or `<?xml ... encoding=".."?>`.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(PRESCAN)]).to_ascii_lowercase();
    let found = ["charset=", "encoding="].iter().find_map(|key| {
        let at = head.find(key)? + key.len();
        let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        Encoding::for_label(label.as_bytes())
    })?;
    Some(found)
}

/// chardetng's guess, kept when the text it gives reads like its script.
fn detect(bytes: &[u8]) -> Option<String> {
    let mut detector = chardetng::EncodingDetector::new();
    // The detector needs no more than a sample to decide, and is linear in it.
    detector.feed(&bytes[..bytes.len().min(64 * 1024)], true);
    let (enc, confident) = detector.guess_assess(None, false);
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    let fits = matches!(
        enc.name(),
        "windows-1251" | "GBK" | "Shift_JIS" | "windows-1252"
    );
    (confident && (!fits || plausibility(enc, &text) >= 0.6)).then(|| text.into_owned())
}

/// The legacy encoding under which `bytes` reads most like real text.
fn guess(bytes: &[u8]) -> Option<String> {
    let candidates = [WINDOWS_1251, GBK, SHIFT_JIS, WINDOWS_1252];
    candidates
        .iter()
        .filter_map(|&enc| {
            let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
            let score = plausibility(enc, &text);
            Some((score, text.into_owned()))
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, text)| text)
}

/// Share of the non-ASCII characters that are letters of the script `enc`
/// is made for. Latin text uses accented letters sparingly, so for
/// windows-1252 a page whose letters are mostly non-ASCII scores low: that is
/// what Cyrillic or CJK bytes look like when misread as Latin.
fn plausibility(enc: &'static Encoding, text: &str) -> f64 {
    let (mut non_ascii, mut fitting, mut ascii_letters) = (0usize, 0usize, 0usize);
    let chars: Vec<char> = text.chars().collect();
    let latin = enc == WINDOWS_1252;
    for (i, &c) in chars.iter().enumerate() {
        // Non-Latin letters glued to ASCII letters ("prйsident") are Latin
        // accents misread in another script.
        let glued = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|n| n.is_ascii_alphabetic())
        };
        if !latin && !c.is_ascii() && (glued(i.checked_sub(1)) || glued(Some(i + 1))) {
            non_ascii += 1;
            continue;
        }
        if c.is_ascii() {
            ascii_letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        non_ascii += 1;
        let fits = match enc.name() {
            "windows-1251" => ('\u{0400}'..='\u{04FF}').contains(&c),
            "GBK" => {
                ('\u{4E00}'..='\u{9FFF}').contains(&c)
                    || ('\u{3000}'..='\u{303F}').contains(&c)
                    || ('\u{FF01}'..='\u{FF5E}').contains(&c)
            }
            "Shift_JIS" => {
                ('\u{3040}'..='\u{30FF}').contains(&c)
                    || ('\u{4E00}'..='\u{9FFF}').contains(&c)
                    || ('\u{3000}'..='\u{303F}').contains(&c)
            }
            _ => c.is_alphabetic() || "«»“”‘’–—…·°€£©®™".contains(c) || c == '\u{a0}',
        };
        fitting += usize::from(fits);
    }
    if non_ascii == 0 {
        return 1.0;
    }
    let share = fitting as f64 / non_ascii as f64;
    if enc == WINDOWS_1252 {
        let foreign = non_ascii as f64 / (non_ascii + ascii_letters) as f64;
        // Accented letters above ~30% of all letters: not a Latin-script page.
        share * (1.0 - (foreign - 0.3).max(0.0) * 2.0).max(0.0) * 0.99
    } else {
        share
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_guessed() {
        let (bytes, _, _) = WINDOWS_1251.encode("Москва заявила о готовности к переговорам.");
        assert_eq!(
            decode(&bytes, None).unwrap(),
            "Москва заявила о готовности к переговорам."
        );
    }

    #[test]
    fn latin1_guessed() {
        let (bytes, _, _) =
            WINDOWS_1252.encode("Le président a déclaré à Paris que la réunion aura lieu.");
        assert_eq!(
            decode(&bytes, None).unwrap(),
            "Le président a déclaré à Paris que la réunion aura lieu."
        );
    }

    #[test]
    fn gbk_guessed_and_meta_respected() {
        let (bytes, _, _) = GBK.encode("中华人民共和国外交部发言人表示，中方欢迎各方对话。");
        assert_eq!(
            decode(&bytes, None).unwrap(),
            "中华人民共和国外交部发言人表示，中方欢迎各方对话。"
        );
        let (sj, _, _) =
            SHIFT_JIS.encode("<meta charset=\"shift_jis\"><p>東京で会談が行われた。</p>");
        assert!(decode(&sj, None).unwrap().contains("東京で会談"));
    }

    #[test]
    fn other_legacy_encodings_detected() {
        let greek =
            "Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο της Κύπρου στην Αθήνα για συνομιλίες.";
        let (bytes, _, _) = encoding_rs::ISO_8859_7.encode(greek);
        assert_eq!(decode(&bytes, None).unwrap(), greek);
        let polish =
            "Prezydent spotkał się z premierem w Warszawie, a rozmowy dotyczyły współpracy.";
        let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(polish);
        assert_eq!(decode(&bytes, None).unwrap(), polish);
        let korean = "대통령은 오늘 서울에서 외교부 장관과 만나 회담을 가졌다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(korean);
        assert_eq!(decode(&bytes, None).unwrap(), korean);
    }

    #[test]
    fn corrupt_utf8_without_a_charset_is_an_error() {
        // Valid UTF-8 accents throughout, one stray byte: not windows-1252.
        let mut bytes = "<p>Le café de la réunion à Genève était très animé.</p>"
            .as_bytes()
            .to_vec();
        let at = bytes.len();
        bytes.extend_from_slice(b"<p>caf\xe9 cr\xc3\xa8me</p>");
        let err = decode(&bytes, None).unwrap_err();
        let want = format!("invalid UTF-8 at byte {}", at + 6);
        assert!(
            matches!(err, SourceErrorKind::Encoding(ref m) if m == &want),
            "{err}"
        );
        // No valid multi-byte sequence at all: still legacy detection.
        let (latin, _, _) = WINDOWS_1252.encode("Le café de la réunion à Genève était très animé.");
        assert_eq!(
            decode(&latin, None).unwrap(),
            "Le café de la réunion à Genève était très animé."
        );
    }

    #[test]
    fn declared_utf8_but_invalid_is_an_error() {
        let bytes = b"<meta charset=utf-8><p>caf\xe9 \xff</p>";
        let err = decode(bytes, None).unwrap_err();
        assert!(
            matches!(err, SourceErrorKind::Encoding(ref m) if m.contains("UTF-8")),
            "{err}"
        );
    }
}
