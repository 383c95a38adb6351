//! What a decision leaves behind: the decision record (ADR), the answers file, and the
//! recommendation as a document rendered as Markdown (and as text by the command line).

pub mod adr;
pub mod answers_file;
pub mod markdown;
pub mod recommendation;
