//! The docx reader (to be written).

use crate::document::decode::DecodeError;
use crate::document::model::Document;

pub fn read(_bytes: &[u8], _source: &str) -> Result<Document, DecodeError> {
    Err(DecodeError::Unreadable("this format is not read yet".to_string()))
}
