//! Placeholder until the legacy-encoding decoder lands: UTF-8 only.

pub struct DecodedText {
    pub text: String,
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("not valid UTF-8")]
    Invalid,
}

pub fn decode_text(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    let (bytes, enc) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(b) => (b, "utf-8-bom"),
        None => (bytes, "utf-8"),
    };
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::Invalid)?;
    Ok(DecodedText {
        text,
        encoding: enc,
        warnings: Vec::new(),
    })
}
