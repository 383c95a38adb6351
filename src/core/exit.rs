//! The process's exit codes, documented in the README and the man page; every front end uses
//! these.

pub const OK: u8 = 0;
pub const INTERNAL: u8 = 1;
pub const BAD_INPUT: u8 = 2;
pub const INTERRUPTED: u8 = 130;
