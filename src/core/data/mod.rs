//! The guide's data: its schema, loading with positioned errors, and validation.
//! Nothing here knows about the terminal.

mod aws_price;
mod dates;
mod diagnostics;
mod load;
mod schema;
mod source_map;
pub use source_map::{Locator, SourceIndex, line_col};
mod validate;

pub use aws_price::{AwsPrice, matcher_problems};
pub use dates::{civil_from_days, days_since, parse_ymd, today, today_ymd};
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use load::{
    EMBEDDED, EMBEDDED_NAME, MAX_DATA_BYTES, load, load_path, parse, parse_message, parse_syntax,
};
pub use schema::*;
pub use validate::{MAX_WEIGHT, Report, validate};
