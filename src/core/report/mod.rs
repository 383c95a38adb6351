//! What a decision leaves behind: the decision record (ADR), the answers file, and the
//! recommendation as Markdown.

pub mod adr;
pub mod answers_file;
pub mod markdown;
