//! Checks of what the guide knows: comparison attributes, the glossary and the prices.

use super::{Checker, MAX_ALLOWANCE, MAX_RATE, suggest};

impl Checker<'_> {
    pub(super) fn knowledge(&mut self) {
        let guide = self.guide;
        self.duplicates(
            "attributes",
            "attribute",
            guide.attributes.iter().map(|a| a.id.as_str()),
        );
        for attribute in &guide.attributes {
            let at = self.at().key("attributes").value("id", &attribute.id);
            self.require_text(
                &at,
                &format!("attribute \"{}\": label", attribute.id),
                &attribute.label,
            );
            if attribute.id.starts_with('_') {
                // `compare --format json` keeps `_meta` beside the attribute ids.
                self.error(
                    &at,
                    format!(
                        "attribute \"{}\": ids starting with `_` are reserved",
                        attribute.id
                    ),
                );
            }
        }
        self.duplicates(
            "glossary",
            "term",
            guide.glossary.iter().map(|t| t.id.as_str()),
        );
        for term in &guide.glossary {
            let at = self.at().key("glossary").value("id", &term.id);
            let what = format!("term \"{}\"", term.id);
            self.require_text(&at, &format!("{what}: term"), &term.term);
            self.require_text(&at, &format!("{what}: definition"), &term.definition);
            self.dated_source(&at, &what, &term.source, &term.as_of);
        }
        let services = self.service_ids();
        self.duplicates(
            "prices",
            "price",
            guide.prices.iter().map(|p| p.id.as_str()),
        );
        for price in &guide.prices {
            let at = self.at().key("prices").value("id", &price.id);
            let what = format!("price \"{}\"", price.id);
            if !services.contains(price.service.as_str()) {
                let hint = suggest(&price.service, &services);
                self.error(
                    &at,
                    format!("{what} names unknown service \"{}\"{hint}", price.service),
                );
            }
            let max = match price.kind {
                crate::data::PriceKind::Rate => MAX_RATE,
                crate::data::PriceKind::Allowance => MAX_ALLOWANCE,
            };
            if !price.amount.is_finite() || price.amount < 0.0 {
                self.error(
                    &at,
                    format!(
                        "{what}: amount {} is not a price",
                        short_number(price.amount)
                    ),
                );
            } else if price.amount > max {
                self.error(
                    &at,
                    format!(
                        "{what}: amount {} is out of range; at most {max} (an AWS list price is \
                         far below that)",
                        short_number(price.amount)
                    ),
                );
            }
            self.require_text(&at, &format!("{what}: unit"), &price.unit);
            self.dated_source(&at, &what, &price.source, &price.as_of);
            for problem in crate::data::matcher_problems(price) {
                self.error(&at, format!("{what}: {problem}"));
            }
        }
    }
}

/// A number as the data might write it, short however large: `1e308`, not 309 digits.
fn short_number(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e9 {
        value.to_string()
    } else {
        format!("{value:e}")
    }
}
