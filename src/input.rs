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

/// Checks `bytes` are text: no NUL bytes, valid UTF-8 (a leading byte-order mark is dropped).
pub fn decode(bytes: Vec<u8>, origin: &Origin) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary(origin.clone()));
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
}
