//! Any bytes as an HTML page: extraction must return, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let _ = detente_extract::html::extract(&page, Some("https://example.com/2016/03/25/story"));
});
