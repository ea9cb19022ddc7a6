//! Reads answers from files and standard input, refusing what is not an answer: binary data,
//! invalid UTF-8, directories, and anything over the size limit.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest answer accepted, in bytes. A written interview answer is a few kilobytes; a larger
/// input is a mistake (a log, a binary), and refusing it keeps memory and time bounded.
pub const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

/// Where an answer came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why an input could not be read as an answer.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{origin}: {cause}")]
    Io {
        origin: Origin,
        /// Shown in the message, and not chained as a source, so it prints once.
        cause: std::io::Error,
    },
    #[error("{0}: is a directory, not an answer file")]
    Directory(Origin),
    #[error("{0}: larger than the {max} KiB limit for an answer", max = MAX_ANSWER_BYTES / 1024)]
    TooLarge(Origin),
    #[error("{0}: looks like a binary file (it contains NUL bytes), not a written answer")]
    Binary(Origin),
    #[error("{origin}: looks like UTF-16 text without a byte-order mark; save the answer as UTF-8 (your editor's Save As, or `iconv -f {encoding} -t UTF-8`)")]
    Utf16 {
        origin: Origin,
        /// `UTF-16LE` or `UTF-16BE`, for the `iconv` hint.
        encoding: &'static str,
    },
    #[error("{origin}: UTF-16 text that is not valid UTF-16 (an unpaired surrogate at byte {offset}); save the answer as UTF-8")]
    BadUtf16 { origin: Origin, offset: usize },
    #[error("{origin}:{line}: not valid UTF-8 (byte {offset}); save the answer as UTF-8 text")]
    NotUtf8 {
        origin: Origin,
        line: usize,
        offset: usize,
    },
}

/// Reads the answer at `path`, or standard input for `None` or `-`.
pub fn read_answer(path: Option<&Path>) -> Result<(Origin, String), InputError> {
    match path {
        None => read_stdin(),
        Some(p) if p == Path::new("-") => read_stdin(),
        Some(p) => {
            let origin = Origin::File(p.to_path_buf());
            let meta = std::fs::metadata(p).map_err(|cause| InputError::Io {
                origin: origin.clone(),
                cause,
            })?;
            if meta.is_dir() {
                return Err(InputError::Directory(origin));
            }
            let file = std::fs::File::open(p).map_err(|cause| InputError::Io {
                origin: origin.clone(),
                cause,
            })?;
            let text = read_limited(file, &origin)?;
            Ok((origin, text))
        }
    }
}

fn read_stdin() -> Result<(Origin, String), InputError> {
    let text = read_limited(std::io::stdin().lock(), &Origin::Stdin)?;
    Ok((Origin::Stdin, text))
}

/// Reads at most [`MAX_ANSWER_BYTES`] and checks the bytes are UTF-8 text.
pub fn read_limited(r: impl Read, origin: &Origin) -> Result<String, InputError> {
    let mut buf = Vec::new();
    r.take(MAX_ANSWER_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|cause| InputError::Io {
            origin: origin.clone(),
            cause,
        })?;
    if buf.len() as u64 > MAX_ANSWER_BYTES {
        return Err(InputError::TooLarge(origin.clone()));
    }
    decode(buf, origin)
}

/// Checks `bytes` are text and decodes them: UTF-8 (a leading byte-order mark is dropped), or
/// UTF-16 that starts with a byte-order mark (as Windows editors save "Unicode" text). NUL bytes
/// otherwise mean a binary file, or UTF-16 without a mark, which is refused with advice.
pub fn decode(bytes: Vec<u8>, origin: &Origin) -> Result<String, InputError> {
    if let Some(little) = utf16_bom(&bytes) {
        return decode_utf16(&bytes[2..], little).map_err(|offset| InputError::BadUtf16 {
            origin: origin.clone(),
            offset: offset + 2,
        });
    }
    if bytes.contains(&0) {
        return Err(match utf16_without_bom(&bytes) {
            Some(little) => InputError::Utf16 {
                origin: origin.clone(),
                encoding: if little { "UTF-16LE" } else { "UTF-16BE" },
            },
            None => InputError::Binary(origin.clone()),
        });
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(InputError::NotUtf8 {
                origin: origin.clone(),
                line,
                offset,
            })
        }
    }
}

/// `Some(true)` for a little-endian UTF-16 byte-order mark, `Some(false)` for big-endian.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => Some(true),
        [0xfe, 0xff, ..] => Some(false),
        _ => None,
    }
}

/// The text of UTF-16 code units; on error, the byte offset of the bad unit.
fn decode_utf16(bytes: &[u8], little: bool) -> Result<String, usize> {
    let units = bytes.chunks(2).map(|c| {
        let pair = [c[0], c.get(1).copied().unwrap_or(0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut at = 0;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| at)?;
        at += 2 * c.len_utf16();
        out.push(c);
    }
    Ok(out)
}

/// Whether text without a byte-order mark is UTF-16: most text is ASCII, so in its first
/// hundred code units most high (LE) or low (BE) bytes are NUL and few other bytes are.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(200) & !1];
    if head.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let units = head.len() / 2;
    if odd * 10 >= units * 7 && even * 10 <= units {
        Some(true)
    } else if even * 10 >= units * 7 && odd * 10 <= units {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_oversized_and_invalid_text() {
        let o = Origin::File("a.md".into());
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec(), &o),
            Err(InputError::Binary(_))
        ));
        let e = decode(b"ok\nbad \xff here".to_vec(), &o)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "a.md:2: not valid UTF-8 (byte 7); save the answer as UTF-8 text"
        );
        let big = vec![b'a'; MAX_ANSWER_BYTES as usize + 1];
        assert!(matches!(
            read_limited(&big[..], &o),
            Err(InputError::TooLarge(_))
        ));
        assert_eq!(decode("\u{feff}hi".as_bytes().to_vec(), &o).unwrap(), "hi");
    }

    #[test]
    fn reads_utf16_with_a_byte_order_mark_and_explains_utf16_without_one() {
        let o = Origin::File("a.md".into());
        let text = "Circuit breakers \u{2014} caf\u{e9} \u{1f600}\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(le.clone(), &o).unwrap(), text);
        assert_eq!(decode(be, &o).unwrap(), text);
        let e = decode(le[2..].to_vec(), &o).unwrap_err().to_string();
        assert!(
            e.starts_with("a.md: looks like UTF-16 text") && e.contains("iconv -f UTF-16LE"),
            "{e}"
        );
        let bad = [0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'a', 0];
        assert!(matches!(
            decode(bad.to_vec(), &o),
            Err(InputError::BadUtf16 { offset: 4, .. })
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), &o),
            Err(InputError::Binary(_))
        ));
    }
}
