//! What a decision leaves behind: the decision record (ADR) and the answers file.

pub mod adr;
pub mod answers_file;
