//! The book's ZIP archive looked over before anything in it is unpacked: that it is a ZIP at
//! all, that it has the EPUB container file, how big each file says it is unpacked (a file
//! past [`ENTRY_LIMIT`], or a book past [`BOOK_LIMIT`] in all, is not unpacked: a zip bomb
//! stays packed), which files are encrypted (DRM, by the ZIP's own flag or by
//! `META-INF/encryption.xml`; font obfuscation is not), and which names would climb out of the
//! archive (never read). The ZIP reader also stops any file at the size it declared, so a file
//! that lies about its size cannot unpack past it either.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::BookError;
use super::paths::{normalize, percent_decode};

/// The most one file of a book may unpack to and still be read: many times the longest
/// chapter of any novel.
pub const ENTRY_LIMIT: u64 = 64 << 20;
/// The most all the text files of a book may unpack to together.
pub const BOOK_LIMIT: u64 = 256 << 20;
/// The container file is a few lines; anything bigger is not one.
const CONTAINER_LIMIT: u64 = 1 << 20;

/// Font obfuscation algorithms (IDPF and Adobe): they scramble only the first bytes of fonts
/// so they cannot be lifted out of the book, and the text is untouched.
const FONT_OBFUSCATION: &[&str] = &[
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

/// What the archive holds, by path.
#[derive(Debug, Default)]
pub struct Survey {
    /// Declared unpacked size of every file with a safe name.
    pub sizes: HashMap<String, u64>,
    /// Files whose content is encrypted (DRM).
    pub encrypted: HashSet<String>,
    /// Names that were not safe (absolute, or climbing out with `..`): never read.
    pub unsafe_names: usize,
}

/// True when the bytes start like a ZIP archive (a local file header, or an empty archive).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Look the archive over. Fails when it is no ZIP, is cut short, or has no EPUB container.
pub fn survey(bytes: &[u8]) -> Result<Survey, BookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        if looks_like_zip(bytes) {
            BookError::Damaged(e.to_string())
        } else {
            BookError::NotZip
        }
    })?;
    let mut survey = Survey::default();
    for index in 0..archive.len() {
        let Ok(file) = archive.by_index_raw(index) else {
            continue;
        };
        let Ok(name) = file.name().map(|n| n.into_owned()) else {
            survey.unsafe_names += 1;
            continue;
        };
        let safe = !name.starts_with(['/', '\\'])
            && !name.contains(':')
            && normalize(&name).is_some_and(|n| !n.is_empty());
        let Some(path) = normalize(&name).filter(|_| safe) else {
            survey.unsafe_names += 1;
            continue;
        };
        if file.encrypted() {
            survey.encrypted.insert(path.clone());
        }
        survey.sizes.insert(path, file.size());
    }
    match survey.sizes.get("META-INF/container.xml") {
        None => return Err(BookError::NoContainer(archive.len())),
        Some(&size) if size > CONTAINER_LIMIT => {
            return Err(BookError::TooBig {
                path: "META-INF/container.xml".into(),
                size,
            });
        }
        Some(_) => {}
    }
    if let Some(&size) = survey.sizes.get("META-INF/encryption.xml")
        && size <= CONTAINER_LIMIT
        && let Some(text) = read_small(&mut archive, "META-INF/encryption.xml")
    {
        survey.encrypted.extend(encrypted_paths(&text));
    }
    Ok(survey)
}

impl Survey {
    /// Why the file at `path` is not to be unpacked, if it is not; `read_so_far` is what the
    /// book has unpacked already.
    pub fn refusal(&self, path: &str, read_so_far: u64) -> Option<String> {
        if self.encrypted.contains(path) {
            return Some("encrypted (DRM)".into());
        }
        let size = *self.sizes.get(path)?;
        if size > ENTRY_LIMIT {
            return Some(format!(
                "{} unpacked, more than the {} quire reads of one file",
                mib(size),
                mib(ENTRY_LIMIT)
            ));
        }
        if read_so_far.saturating_add(size) > BOOK_LIMIT {
            return Some(format!(
                "past the {} quire unpacks of one book",
                mib(BOOK_LIMIT)
            ));
        }
        None
    }

    /// Files the package parser reads whole as it opens the book (the package document and
    /// the tables of contents) that are too big to read.
    pub fn oversized_package_file(&self) -> Option<(String, u64)> {
        self.sizes
            .iter()
            .find(|(path, size)| {
                let lower = path.to_ascii_lowercase();
                **size > ENTRY_LIMIT && (lower.ends_with(".opf") || lower.ends_with(".ncx"))
            })
            .map(|(path, size)| (path.clone(), *size))
    }
}

/// A size in MiB, for messages.
pub fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1 << 20))
}

fn read_small(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let file = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    file.take(CONTAINER_LIMIT).read_to_end(&mut bytes).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The paths `encryption.xml` lists as encrypted with something other than font obfuscation.
/// Its URIs are relative to the archive's root.
fn encrypted_paths(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut algorithm = String::new();
    loop {
        let start = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        let local = start.local_name();
        let value_of = |name: &str| {
            start
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == name)
                .map(|a| a.value.to_string())
        };
        match local.as_ref() {
            "EncryptionMethod" => algorithm = value_of("Algorithm").unwrap_or_default(),
            "CipherReference" => {
                let obfuscated = FONT_OBFUSCATION.contains(&algorithm.as_str());
                if let Some(uri) = value_of("URI").filter(|_| !obfuscated)
                    && let Some(path) = normalize(&percent_decode(&uri))
                {
                    out.push(path);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_obfuscation_is_not_drm() {
        let xml = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.ttf"/></enc:CipherData></enc:EncryptedData>
<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch%201.xhtml"/></enc:CipherData></enc:EncryptedData>
</encryption>"#;
        assert_eq!(
            encrypted_paths(xml),
            vec!["OEBPS/text/ch 1.xhtml".to_string()]
        );
    }

    #[test]
    fn not_a_zip_and_cut_short_say_which() {
        assert!(matches!(survey(b"plain text"), Err(BookError::NotZip)));
        assert!(matches!(
            survey(b"PK\x03\x04 and then nothing"),
            Err(BookError::Damaged(_))
        ));
    }
}
