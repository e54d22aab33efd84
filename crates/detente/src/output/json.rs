//! JSON Lines and JSON array output.

use std::io::{self, Write};

use detente_core::Analysis;

pub(super) fn line(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    serde_json::to_writer(&mut *out, a)?;
    out.write_all(b"\n")
}

pub(super) fn array_item(out: &mut impl Write, a: &Analysis, first: bool) -> io::Result<()> {
    out.write_all(if first { b"[\n" } else { b",\n" })?;
    serde_json::to_writer_pretty(&mut *out, a)?;
    Ok(())
}

pub(super) fn array_end(out: &mut impl Write, empty: bool) -> io::Result<()> {
    out.write_all(if empty { b"[]\n" } else { b"\n]\n" })
}
